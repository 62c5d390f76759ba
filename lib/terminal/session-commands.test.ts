// The commands a learner QA walk found missing, typed into the terminal (runLine) on real challenge worlds.
import { describe, expect, it } from 'vitest'
import { completeLine, namesIn } from './completion'
import { gradeChallenge } from '../challenges/grade'
import { loadChallenge } from '../challenges/load.server'
import { startWorld } from '../challenges/replay'
import { currentWorld, newSession, runLine, type Session } from './session'

function typed(challengeId: string, lines: readonly [string, string][]): Session {
  const challenge = loadChallenge(challengeId)
  if (challenge == null) throw new Error(`no challenge ${challengeId}`)
  return lines.reduce((s, [on, l]) => runLine(s, on, l), newSession(startWorld(challenge)))
}

const last = (s: Session) => s.log[s.log.length - 1]!

describe('the firewall challenge through the terminal', () => {
  it('lists the rule someone else added, deletes it by number and then passes', () => {
    const s0 = typed('docker-user-block-laptop', [['host1', 'iptables -L DOCKER-USER -n --line-numbers']])
    expect(last(s0)).toMatchObject({ tone: 'ok', output: expect.stringMatching(/^Chain DOCKER-USER \(1 references\)\nnum  target     prot opt source               destination\n1    DROP       all  --  10\.77\.0\.11 +0\.0\.0\.0\/0$/) })
    const s1 = runLine(runLine(runLine(s0, 'host1', 'iptables -D DOCKER-USER 1'), 'host1', 'iptables -I DOCKER-USER -i eth0 -s 10.77.0.50 -j DROP'), 'host1', 'iptables -S DOCKER-USER')
    expect(last(s1).output).toBe('-N DOCKER-USER\n-A DOCKER-USER -s 10.77.0.50/32 -i eth0 -j DROP')
    const challenge = loadChallenge('docker-user-block-laptop')!
    expect(gradeChallenge(challenge, s1.commands).passed).toBe(true)
  })

  it('keeps a listing in the submission without changing the world (like docker ps)', () => {
    const before = typed('docker-user-block-laptop', [])
    const after = runLine(before, 'host1', 'iptables -nvL')
    expect(currentWorld(after)).toEqual(currentWorld(before))
  })
})

describe('docker commands through the terminal', () => {
  const lines: [string, string][] = [['host1', 'docker run -d --name web -p 8080:80 nginx']]
  it.each([
    ['docker port web', '80/tcp -> 0.0.0.0:8080', 'ok'],
    ['docker ps --format "{{.Names}}: {{.Ports}}"', 'web: 0.0.0.0:8080->80/tcp', 'ok'],
    ['docker inspect web', 'docker inspect: not available in this simulator; docker ps, docker network ls and the topology view show the same addresses.', 'error'],
    ['docker foo', "docker: 'foo' is not a docker command.\nSee 'docker --help'", 'error'],
    ['docker run -p 80 nginx:', "docker: invalid reference format.\n\nRun 'docker run --help' for more information", 'error'],
  ])('%s', (line, output, tone) => {
    expect(last(typed('expose-nginx-8080', [...lines, ['host1', line]]))).toMatchObject({ output, tone })
  })

  it('docker run -it … sh and docker exec -it … sh give the same message and leave no container', () => {
    const s = typed('expose-nginx-8080', [...lines, ['host1', 'docker run -it --rm alpine sh'], ['host1', 'docker exec -it web sh'], ['host1', 'docker ps -aq']])
    expect(s.log[1]!.output).toMatch(/^docker run -it: interactive shells are not available in this simulator/)
    expect(s.log[2]!.output).toMatch(/^docker exec -it: interactive shells are not available in this simulator/)
    expect(s.log[1]!.output.split('\n').slice(1)).toEqual(s.log[2]!.output.split('\n').slice(1))
    expect(s.log[3]!.output.split('\n')).toHaveLength(1)
  })

  it('explains $(…) and && instead of misreading them as flags', () => {
    const s = typed('expose-nginx-8080', [...lines, ['host1', 'docker rm -f $(docker ps -aq)'], ['host1', 'docker ps && docker ps']])
    expect(s.log[1]!.output).toMatch(/^the simulator runs one command per line with no shell expansion; "\$\(…\)"/)
    expect(s.log[2]!.output).toMatch(/^the simulator runs one command per line with no shell expansion; "&&"/)
  })
})

describe('completeLine for the new commands', () => {
  const world = currentWorld(typed('expose-nginx-8080', [['host1', 'docker run -d --name web -p 8080:80 nginx']]))
  const names = namesIn(world, 'host1')
  it.each([
    ['iptables ', 'iptables -', ['-L', '-S', '-nL', '-I', '-A', '-D', '-F', '-t']],
    ['iptables -L DOCKER-U', 'iptables -L DOCKER-USER ', ['DOCKER-USER']],
    ['iptables -nL DOCKER-USER --l', 'iptables -nL DOCKER-USER --line-numbers ', ['--line-numbers']],
    ['iptables -D DOCKER-', 'iptables -D DOCKER-USER ', ['DOCKER-USER']],
    ['iptables -t n', 'iptables -t nat ', ['nat']],
    ['docker po', 'docker port ', ['port']],
    ['docker port w', 'docker port web ', ['web']],
    ['docker port web ', 'docker port web ', []],
    ['docker ps --f', 'docker ps --format ', ['--format']],
  ])('%j → %j', (line, completed, options) => {
    expect(completeLine(line, names)).toEqual({ line: completed, options })
  })
})
