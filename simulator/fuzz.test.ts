// Properties (fast-check): arbitrary input never throws out of the parsers, the loader or the engine; every probe
// gets exactly one outcome, a non-empty explanation and a non-empty trace; the same scenario gives the same JSON.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { runScenario } from './index'
import { parseDockerCommand, parseIptablesCommand, parseProbeCommand } from './parse'
import { OFFICE } from './testing'

const OUTCOMES = ['delivered', 'refused', 'timeout', 'unreachable', 'unresolved', 'error']
const WORDS = ['docker', 'run', '-d', '-p', '8080:80', '--name', 'web', 'nginx', 'alpine', 'sleep', '1d', 'network', 'create', 'app',
  '--network', 'rm', 'connect', 'host', 'none', 'container:web', '-itd', '--ip', '172.18.0.9', 'exec', 'iptables', '-I', 'DOCKER-USER',
  '-j', 'DROP', 'INPUT', '--dport', '-p', 'tcp', 'curl', 'http://web', 'ping', '-c', '1', 'nslookup', 'swarm', 'init', '--internal',
  '-o', 'parent=eth0', 'macvlan', '--driver', 'overlay', '--attachable', 'stop', 'start', '127.0.0.1:9000:80', 'service', '--publish',
  'nc', '-u', '-z', '-zu', '10.77.0.10', '53', '5353:53/udp', 'coredns/coredns', 'udp']

const line = fc.oneof(fc.string(), fc.array(fc.constantFrom(...WORDS), { maxLength: 9 }).map((w) => w.join(' ')))

describe('fuzz', () => {
  it('command parsers return a result or an error for any input', () => {
    fc.assert(
      fc.property(line, (text) => {
        for (const r of [parseDockerCommand(text), parseIptablesCommand(text), parseProbeCommand(text)]) {
          expect(typeof r.ok).toBe('boolean')
          if (!r.ok) expect(r.error.message.length).toBeGreaterThan(0)
        }
      }),
      { numRuns: 400 },
    )
  })

  it('the loader rejects arbitrary JSON with a message naming the field, never a throw', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const r = runScenario(value)
        if (!r.ok) expect(r.error.message).toMatch(/\S/)
      }),
      { numRuns: 300 },
    )
  })

  it('any sequence of commands yields one outcome per probe with a trace, deterministically', () => {
    const hosts = ['host1', 'host2', 'laptop']
    const steps = fc.array(fc.record({ on: fc.constantFrom(...hosts), run: line.filter((s) => s.trim() !== '') }), { maxLength: 12 })
    const probes = fc.array(fc.record({ from: fc.constantFrom(...hosts), run: line.filter((s) => s.trim() !== '') }), { maxLength: 6 })
    fc.assert(
      fc.property(steps, probes, (st, pr) => {
        const scenario = { ...OFFICE, steps: st, probes: pr }
        const a = runScenario(scenario)
        expect(a.ok).toBe(true)
        if (!a.ok) return
        expect(a.value.steps).toHaveLength(st.length)
        a.value.probes.forEach((p, i) => {
          expect(OUTCOMES).toContain(p.outcome)
          expect(p.explanation).not.toBe('')
          expect(p.trace.length).toBeGreaterThan(0)
          // path order: the walk starts where the probe was typed
          expect(p.trace[0]?.at.startsWith(pr[i]?.from ?? '?')).toBe(true)
        })
        expect(JSON.stringify(runScenario(scenario))).toBe(JSON.stringify(a))
      }),
      { numRuns: 150 },
    )
  })
})
