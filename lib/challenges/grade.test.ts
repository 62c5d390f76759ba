import { describe, expect, it, vi } from 'vitest'
import { findDivergence, gradeChallenge, runCheckProbe } from './grade'
import { startWorld } from './replay'
import { readdirSync } from 'node:fs'
import { challengeDir, loadChallenge } from './load.server'

vi.mock('server-only', () => ({}))
const { SOLUTIONS, getSolutions } = await import('./solutions/index.server')

// Every file in content/challenges, so a new challenge without solutions fails here.
const ids = readdirSync(challengeDir())
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''))
  .sort()

describe('every challenge', () => {
  it('has solutions, and every solution file has a challenge', () => {
    expect(ids.length).toBeGreaterThanOrEqual(2)
    expect(Object.keys(SOLUTIONS).sort()).toEqual(ids)
  })

  it.each(ids)('%s: the reference solution passes every check and constraint', (id) => {
    const challenge = loadChallenge(id)!
    const report = gradeChallenge(challenge, getSolutions(id)!.reference)
    expect(report.checks.filter((c) => !c.passed).map((c) => `${c.id}: ${c.explanation}`)).toEqual([])
    expect(report.constraints.filter((c) => !c.passed).map((c) => c.message)).toEqual([])
    expect(report.passed).toBe(true)
  })

  it.each(ids)('%s: has at least three near misses, and each one fails', (id) => {
    const challenge = loadChallenge(id)!
    const solutions = getSolutions(id)!
    expect(solutions.nearMisses.length).toBeGreaterThanOrEqual(3)
    for (const miss of solutions.nearMisses) {
      const report = gradeChallenge(challenge, miss.commands, solutions.reference)
      expect(report.passed, `${id} / ${miss.name} should fail: ${miss.failsBecause}`).toBe(false)
      for (const c of report.checks.filter((c) => !c.passed)) {
        expect(c.explanation).not.toBe('')
        expect(c.divergence?.message ?? '').not.toBe('')
        // The hint ladder reveals the fix step by step; "where it went wrong" must not print it first.
        // (A rule the learner typed too may be quoted: it is their own packet's story.)
        const own = new Set(miss.commands.map((m) => m.run))
        for (const step of solutions.reference.filter((r) => !own.has(r.run))) expect(c.divergence?.message, `${id} / ${miss.name}`).not.toContain(step.run)
        if (c.divergence?.expected) expect(c.divergence.message).not.toContain(c.divergence.expected.note)
        // A throwaway helper (docker run --rm --network container:db …) gets a generated name that differs between
        // the learner's world and the reference's; the path is told by the namespace's owner instead.
        expect(c.divergence?.message, `${id} / ${miss.name}`).not.toMatch(/\b(admiring|brave|clever|eager|focused|gallant|happy|jolly|keen|loving)_[a-z]+/)
      }
    }
  })

  it.each(ids)('%s: an empty attempt fails every check', (id) => {
    const report = gradeChallenge(loadChallenge(id)!, [])
    expect(report.checks.every((c) => !c.passed)).toBe(true)
  })
})

describe('the failures say why', () => {
  const expose = loadChallenge('expose-nginx-8080')!
  const macvlan = loadChallenge('macvlan-on-lan')!

  it('no -p: refused at host1, and the path leaves the reference where DNAT should have happened', () => {
    const report = gradeChallenge(expose, [{ on: 'host1', run: 'docker run -d --name web nginx' }], getSolutions('expose-nginx-8080')!.reference)
    const check = report.checks[0]!
    expect(check.outcome).toBe('refused')
    expect(check.explanation).toMatch(/nothing on host1 listens on 10\.77\.0\.10:8080/)
    expect(check.divergence!.index).toBeGreaterThan(0)
    expect(check.divergence!.actual?.at).toBe('host1:eth0')
  })

  it('--network host: the constraint fails with its own message', () => {
    const report = gradeChallenge(expose, [{ on: 'host1', run: 'docker run -d --name web --network host nginx' }])
    expect(report.constraints[0]).toMatchObject({ passed: false, message: expect.stringMatching(/--network host.*\(web on host1\)/) })
  })

  it('macvlan on the wrong parent: unreachable, and the parent constraint names what it saw', () => {
    const solutions = getSolutions('macvlan-on-lan')!
    const report = gradeChallenge(macvlan, solutions.nearMisses.find((m) => m.name === 'wrong parent NIC')!.commands, solutions.reference)
    expect(report.checks[0]).toMatchObject({ passed: false, outcome: 'unreachable' })
    expect(report.checks[0]!.explanation).toMatch(/nothing on office answers ARP for 10\.77\.0\.200/)
    expect(report.constraints[1]).toMatchObject({ passed: false, message: expect.stringMatching(/It is on lan \(macvlan, parent eth1\)/) })
  })

  it('a failing command does not stop the replay', () => {
    const report = gradeChallenge(expose, [
      { on: 'host1', run: 'docker run -d --name web -p 8080:80 nginxx-typo:latest --bogus' },
      { on: 'host1', run: 'docker run -d --name web -p 8080:80 nginx' },
    ])
    expect(report.passed).toBe(true)
  })
})

describe('requirements the probes alone missed', () => {
  const allowOne = loadChallenge('docker-user-allow-one')!
  const scanner = loadChallenge('docker-user-block-scanner')!
  const fixInput = { on: 'host1', run: 'iptables -D INPUT 1' }
  const dropHost2 = { on: 'host1', run: 'iptables -D DOCKER-USER 1' }

  it('a machine that joins the LAN at check time is not covered by one rule per machine present today', () => {
    const perMachine = [fixInput, dropHost2, { on: 'host1', run: 'iptables -I DOCKER-USER -i eth0 -s 10.77.0.50 -j DROP' }, { on: 'host1', run: 'iptables -I DOCKER-USER -i eth0 -s 10.77.0.60 -j DROP' }]
    const report = gradeChallenge(allowOne, perMachine)
    expect(report.checks.filter((c) => !c.passed).map((c) => [c.id, c.outcome])).toEqual([['newcomer-dropped', 'delivered']])
    expect(report.requirements.filter((r) => !r.passed).map((r) => r.id)).toEqual(['future-dropped'])
    const oneRule = gradeChallenge(allowOne, [fixInput, dropHost2, { on: 'host1', run: 'iptables -I DOCKER-USER -i eth0 ! -s 10.77.0.11 -j DROP' }])
    expect(oneRule.passed).toBe(true)
  })

  it('neverReaches: a rule that drops only the replies times the scanner out but its packets still reach web', () => {
    const web = { on: 'host1', run: 'docker run -d --name web -p 8080:80 nginx' }
    const replies = gradeChallenge(scanner, [web, { on: 'host1', run: 'iptables -I DOCKER-USER -d 192.0.2.66 -j DROP' }])
    expect(replies.checks.find((c) => c.id === 'scanner-dropped')).toMatchObject({ passed: false, outcome: 'timeout' })
    expect(replies.requirements.find((r) => r.id === 'scanner-dropped')?.passed).toBe(false)
    expect(gradeChallenge(scanner, [web, { on: 'host1', run: 'iptables -I DOCKER-USER -s 192.0.2.66 -j DROP' }]).passed).toBe(true)
  })
})

describe('findDivergence', () => {
  const hop = (at: string) => ({ stage: 'os' as const, kind: 'host-stack' as const, at, packet: { src: '1.1.1.1', dst: '2.2.2.2', proto: 'tcp' as const }, note: at })
  it.each([
    [['a', 'b', 'c'], ['a', 'b', 'c'], null],
    [['a', 'b', 'c'], ['a', 'x'], 1],
    [['a', 'b', 'c'], ['a', 'b'], 2],
    [['a', 'b'], ['a', 'b', 'z'], 2],
  ])('%j vs %j → %s', (e, a, index) => {
    expect(findDivergence(e.map(hop), a.map(hop))?.index ?? null).toBe(index)
  })
})

describe('runCheckProbe', () => {
  const challenge = loadChallenge('internal-db-network')!
  const world = startWorld(challenge)

  it('runs a foreground docker run helper as the check, in a world it does not keep', () => {
    const r = runCheckProbe(world, 'host1', 'docker run --rm --network container:db alpine wget -qO- http://10.77.0.50')
    // At the start db is on appnet, which has a way out: the helper in its namespace reaches the laptop.
    expect(r.outcome).toBe('delivered')
    expect(r.answeredBy?.host).toBe('laptop')
  })

  it('turns a line that runs no probe, or a run that fails, into an error with the reason', () => {
    expect(runCheckProbe(world, 'host1', 'docker network ls').explanation).toContain('runs no probe')
    const missing = runCheckProbe(world, 'host1', 'docker run --rm --network container:nosuch alpine ping -c 1 10.77.0.50')
    expect(missing.outcome).toBe('error')
    expect(missing.explanation).toContain('nosuch')
    expect(missing.trace).toHaveLength(1)
  })
})
