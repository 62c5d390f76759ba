// The stage each kind of hop is shown under (trace/stages.ts) is the one simulator/README.md documents, and every
// trace the simulator produces follows it: kernel work (DNAT, filter chains, routing, IPVS) is OS, with the rule's
// author named when Docker wrote it; Docker Engine is only docker-proxy and the embedded DNS; the network plugin is
// the bridge/veth, macvlan/ipvlan and VXLAN plumbing.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runScenario } from '../run'
import { lab, OFFICE, on1 } from '../testing'
import { HOP_KINDS, STAGE_OF_HOP, WRITTEN_BY_DOCKER } from './stages'
import type { Hop, ProbeResult } from './types'

/** The "Trace stages" table of simulator/README.md: `kind` | stage | what. */
function documentedStages(): Map<string, string> {
  const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8')
  const section = readme.split('## Trace stages')[1]?.split('\n## ')[0] ?? ''
  const rows = [...section.matchAll(/^\| `([a-z-]+)` \| ([a-z-]+) \|/gm)]
  return new Map(rows.map((m) => [m[1] as string, m[2] as string]))
}

function fixtureTraces(): ProbeResult[] {
  const dir = join(import.meta.dirname, '..', 'fixtures')
  return ['home-router-internet', 'office-bridge-basics', 'swarm-overlay-macvlan'].flatMap((name) => {
    const r = runScenario(JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')))
    if (!r.ok) throw new Error(`${name}: ${r.error.message}`)
    return r.value.probes
  })
}

// Probes for the kinds the fixtures do not reach: a learner's rule, Docker's FORWARD policy, docker-proxy, the
// host's resolver, plus the cross-bridge path through a published port (a stage the packet really comes back to).
const l = lab(
  on1(
    'docker run -d --name web -p 8080:80 -p 127.0.0.1:9090:80 nginx',
    'docker network create app',
    'docker run -d --name cli --network app alpine sleep 1d',
    'iptables -I DOCKER-USER -s 10.77.0.11 -j DROP',
  ),
)
const extra = {
  proxy: l.probe('host1', 'curl http://127.0.0.1:9090'),
  rule: l.probe('host2', 'curl -m 5 http://10.77.0.10:8080'),
  // host1 as the LAN's gateway: a packet it must route (not for a container) meets the FORWARD policy Docker set.
  policy: lab([], { ...OFFICE, lans: [{ name: 'office', subnet: '10.77.0.0/24', gateway: '10.77.0.10' }] }).probe('laptop', 'ping -c 1 192.0.2.1'),
  resolver: l.probe('host1', 'nslookup web'),
  crossBridge: l.probe('host1', 'docker exec cli wget -qO- http://10.77.0.10:8080'),
  published: l.probe('laptop', 'curl http://10.77.0.10:8080'),
}
const traces: Hop[][] = [...fixtureTraces(), ...Object.values(extra)].map((r) => r.trace)
const machine = (h: Hop) => h.at.split(/[:/]/)[0]

describe('trace stages', () => {
  it('maps every hop kind to the stage simulator/README.md documents', () => {
    expect(Object.fromEntries(documentedStages())).toEqual(STAGE_OF_HOP)
  })

  it('gives every hop of every trace the stage of its kind, naming Docker as the author of its rules', () => {
    const hops = traces.flat()
    for (const h of hops) {
      expect(h.stage, `${h.kind} at ${h.at}`).toBe(STAGE_OF_HOP[h.kind])
      const author = WRITTEN_BY_DOCKER[h.kind]
      if (author !== undefined) expect(h.note, h.at).toMatch(new RegExp(`; ${author}$`))
      else expect(h.note).not.toMatch(/written by Docker Engine|set by Docker Engine/)
    }
    // The probes above reach every kind, so none of the table is untested.
    expect([...new Set(hops.map((h) => h.kind))].sort()).toEqual([...HOP_KINDS].sort())
  })

  it('tells the published-port story: the kernel does the DNAT (a rule Docker wrote), no Docker process sees the packet', () => {
    const t = extra.published.trace
    expect(t.map((h) => h.stage)).toEqual(['os', 'os', 'host-nic', 'os', 'os', 'network-plugin', 'container-app'])
    expect(t.find((h) => h.kind === 'docker-dnat')?.note).toBe('DNAT 10.77.0.10:8080 -> 172.17.0.2:80 (published port of web); rule written by Docker Engine')
    expect(t.some((h) => h.stage === 'docker-engine')).toBe(false)
  })

  it('shows Docker Engine only for its own processes: docker-proxy and the embedded DNS server', () => {
    const engine = traces.flat().filter((h) => h.stage === 'docker-engine')
    expect(new Set(engine.map((h) => h.kind))).toEqual(new Set(['docker-proxy', 'embedded-dns']))
    expect(extra.proxy.trace.map((h) => h.stage)).toEqual(['os', 'docker-engine', 'docker-engine', 'network-plugin', 'container-app'])
  })

  it('shows a stage twice on one machine only where the packet comes back to it at another place', () => {
    for (const t of traces) {
      const groups: { key: string; ats: Set<string> }[] = []
      for (const h of t) {
        const key = `${h.stage}@${machine(h)}`
        const last = groups.at(-1)
        if (last?.key === key) last.ats.add(h.at)
        else groups.push({ key, ats: new Set([h.at]) })
      }
      for (const [i, g] of groups.entries()) {
        for (const other of groups.slice(i + 1).filter((o) => o.key === g.key)) {
          expect([...other.ats].filter((at) => g.ats.has(at)), `${g.key} in ${t.map((h) => h.at).join(' > ')}`).toEqual([])
        }
      }
    }
    // The cross-bridge call leaves cli over br-… and comes back in over docker0: two network-plugin groups on host1.
    expect(extra.crossBridge.trace.filter((h) => h.stage === 'network-plugin').map((h) => h.at)).toEqual([expect.stringMatching(/^host1:br-[0-9a-f]{12}$/), 'host1:docker0'])
    expect(extra.policy.trace.at(-1)).toMatchObject({ stage: 'os', kind: 'docker-policy', at: 'host1:FORWARD' })
  })
})
