import { describe, expect, it } from 'vitest'
import { loadChallenge } from './load.server'
import { applyCommand } from '@/simulator'
import { isProbeLine, replayCommands, startWorld } from './replay'
import { currentWorld, newSession, runLine } from '../terminal/session'

describe('isProbeLine', () => {
  it.each([
    ['curl http://10.77.0.10:8080', true],
    ['ping -c 1 10.77.0.10', true],
    ['nslookup web', true],
    ['nc -u -z 10.77.0.10 1053', true],
    ['netcat -z 10.77.0.10 8080', true],
    ['  nc -vzu 10.77.0.10 1053', true],
    ['docker exec web nc -z db 5432', true],
    ['docker container exec -it web nc -u -z dns 53', true],
    ['docker run -d --name dns -p 1053:53/udp alpine nc -u -l -p 53', false],
    ['docker run -d --name web nginx', false],
    ['docker run --rm alpine ping -c 1 10.77.0.50', false],
    ['iptables -I DOCKER-USER -p udp --dport 53 -j DROP', false],
    ['ncat -z 10.77.0.10 1053', false],
  ])('%j → %s', (line, probe) => {
    expect(isProbeLine(line)).toBe(probe)
  })
})

describe('replayCommands', () => {
  it('skips nc probes: they change nothing and give no step result', () => {
    const challenge = loadChallenge('publish-udp-dns')!
    const r = replayCommands(challenge, [
      { on: 'laptop', run: 'nc -u -z 10.77.0.10 1053' },
      { on: 'host1', run: 'docker run -d --name dns -p 1053:53/udp coredns/coredns' },
      { on: 'host1', run: 'docker exec dns nc -u -z 127.0.0.1 53' },
    ])
    expect(r.steps).toHaveLength(1)
    expect(r.steps[0]).toMatchObject({ ok: true })
  })
})

describe('replayCommands and the terminal agree on foreground probe runs', () => {
  it('keeps the container a foreground ping leaves, with the same exit status', () => {
    const challenge = loadChallenge('expose-nginx-8080')!
    const lines = ['docker run --name lost alpine ping -c 1 10.99.0.1', 'docker run --name found alpine ping -c 1 10.77.0.50', 'docker run --rm alpine ping -c 1 10.77.0.50']
    const s = lines.reduce((acc, l) => runLine(acc, 'host1', l), newSession(startWorld(challenge)))
    // The --rm run left nothing, so only the two containers that stay are in the submission.
    expect(s.commands.map((c) => c.run)).toEqual(lines.slice(0, 2))
    const r = replayCommands(challenge, s.commands)
    expect(r.steps).toEqual(s.commands.map(() => ({ ok: true, output: '', warnings: [] })))
    const ps = applyCommand(r.world, 'host1', 'docker ps -a').result
    expect(ps).toEqual(applyCommand(currentWorld(s), 'host1', 'docker ps -a').result)
    expect(ps).toMatchObject({ ok: true, output: expect.stringMatching(/Exited \(0\)\s+found\n.*Exited \(1\)\s+lost$/s) })
  })
})

describe('startWorld', () => {
  it('is built once per loaded challenge and no replay changes it (worlds are immutable)', async () => {
    const { runCommandLine } = await import('@/simulator')
    const challenge = loadChallenge('expose-nginx-8080')!
    const start = startWorld(challenge)
    expect(startWorld(challenge)).toBe(start)
    const listing = () => runCommandLine(start, 'host1', 'docker ps -a').result
    const before = listing()
    const r = replayCommands(challenge, [{ on: 'host1', run: 'docker run -d --name web -p 8080:80 nginx' }])
    expect(r.changed).toBe(true)
    expect(r.start).toBe(start)
    expect(listing()).toEqual(before)
    expect(JSON.stringify(runCommandLine(r.world, 'host1', 'docker ps -a').result)).toContain('web')
  })
})
