import { describe, expect, it } from 'vitest'
import { completeLine, namesIn } from './completion'
import { loadChallenge } from './load'
import { startWorld } from './replay'
import { currentWorld, newSession, runLine, type Session } from './session'

const challenge = loadChallenge('expose-nginx-8080')!
const typed = (lines: [string, string][]): Session => lines.reduce((s, [on, l]) => runLine(s, on, l), newSession(startWorld(challenge)))

describe('runLine', () => {
  it('keeps world-changing commands as the submission and prints Docker\'s output', () => {
    const s = typed([['host1', 'docker run -d --name web -p 8080:80 nginx'], ['host1', 'docker ps']])
    expect(s.commands).toEqual([
      { on: 'host1', run: 'docker run -d --name web -p 8080:80 nginx' },
      { on: 'host1', run: 'docker ps' },
    ])
    expect(s.log[0]!.output).toMatch(/^[0-9a-f]{64}$/)
    expect(s.log[1]!.output).toMatch(/0\.0\.0\.0:8080->80\/tcp\s+web/)
  })

  it('traces probes without adding them to the submission', () => {
    const s = typed([['host1', 'docker run -d --name web -p 8080:80 nginx'], ['laptop', 'curl http://10.77.0.10:8080']])
    expect(s.commands).toHaveLength(1)
    expect(s.probe).toMatchObject({ from: 'laptop', result: { outcome: 'delivered' } })
    expect(s.log[1]).toMatchObject({ tone: 'ok', output: expect.stringMatching(/^HTTP\/1\.1 200 OK from web on host1\n# Delivered/) })
  })

  it('prints a daemon error for a conflict, and docker is not found on the laptop', () => {
    const s = typed([['host1', 'docker run -d --name web nginx'], ['host1', 'docker run -d --name web nginx'], ['laptop', 'docker ps']])
    expect(s.log[1]).toMatchObject({ tone: 'error', output: expect.stringMatching(/Conflict\. The container name "\/web" is already in use/) })
    expect(s.log[2]).toMatchObject({ tone: 'error', output: 'bash: docker: command not found' })
  })

  it('undo takes back the last command and its world; reset goes back to the start', () => {
    const start = typed([])
    const one = runLine(start, 'host1', 'docker run -d --name web nginx')
    const undone = runLine(one, 'host1', 'undo')
    expect(undone.commands).toEqual([])
    expect(currentWorld(undone)).toBe(currentWorld(start))
    const reset = runLine(runLine(one, 'host1', 'docker network create n'), 'host1', 'reset')
    expect(reset.commands).toEqual([])
    expect(runLine(start, 'host1', 'undo').log[0]!.output).toMatch(/Nothing to undo/)
  })

  it('help explains the terminal; clear empties the screen but keeps the world', () => {
    const s = typed([['host1', 'docker run -d --name web nginx'], ['host1', 'help']])
    expect(s.log[1]!.output).toMatch(/undo \(take back the last command\)/)
    const cleared = runLine(s, 'host1', 'clear')
    expect(cleared.log).toEqual([])
    expect(cleared.commands).toHaveLength(1)
  })
})

describe('completeLine', () => {
  const world = currentWorld(typed([['host1', 'docker run -d --name web nginx'], ['host1', 'docker network create backend']]))
  const names = namesIn(world, 'host1')
  it.each([
    ['', '', ['docker', 'curl', 'ping -c 1', 'nslookup', 'iptables', 'help', 'clear', 'undo', 'reset']],
    ['doc', 'docker ', ['docker']],
    ['docker ne', 'docker network ', ['network']],
    ['docker network create -d mac', 'docker network create -d macvlan ', ['macvlan']],
    ['docker network create -d macvlan -o p', 'docker network create -d macvlan -o parent=eth0 ', ['parent=eth0']],
    ['docker run -d --network b', 'docker run -d --network b', ['bridge', 'backend']],
    ['docker run -d ngi', 'docker run -d nginx ', ['nginx']],
    ['docker exec w', 'docker exec web ', ['web']],
    ['docker r', 'docker r', ['run', 'restart', 'rm']],
    ['curl http', 'curl http', []],
  ])('%j → %j', (line, completed, options) => {
    expect(completeLine(line, names)).toEqual({ line: completed, options })
  })
})
