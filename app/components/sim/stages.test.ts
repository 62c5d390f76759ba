// The packet-trace panel's groups: one per stage per machine, so a trace from the laptop to a published port reads
// as the lesson's path (the laptop's OS, host1's NIC, host1's OS doing the DNAT, the bridge, the container).
import { describe, expect, it } from 'vitest'
import { lab, on1 } from '@/simulator/testing'
import { groupByStage, groupLabel } from './stages'

describe('groupByStage', () => {
  const l = lab(on1('docker run -d --name web -p 8080:80 nginx', 'docker network create app', 'docker run -d --name cli --network app alpine sleep 1d'))

  it('labels each group with its stage and, across machines, the machine', () => {
    const groups = groupByStage(l.probe('laptop', 'curl http://10.77.0.10:8080').trace)
    expect(groups.map((g) => groupLabel(g, groups))).toEqual(['OS · laptop', 'Host NIC · host1', 'OS · host1', 'Network plugin · host1', 'Container App · host1'])
    expect(groups[2]?.hops.map((h) => h.hop.kind)).toEqual(['docker-dnat', 'docker-filter'])
  })

  it('names no machine when the whole trace stays on one', () => {
    const groups = groupByStage(l.probe('host1', 'docker exec cli nslookup web').trace)
    expect(groups.map((g) => groupLabel(g, groups))).toEqual(['Docker Engine'])
  })

  it('keeps the hop order and indexes', () => {
    const trace = l.probe('host1', 'docker exec cli wget -qO- http://10.77.0.10:8080').trace
    expect(groupByStage(trace).flatMap((g) => g.hops.map((h) => h.index))).toEqual(trace.map((_, i) => i))
  })
})
