import { describe, expect, it } from 'vitest'
import { loadChallenge } from './load.server'
import { computeMatrix } from './reachability'
import { currentWorld, newSession, runLine } from '../terminal/session'
import { startWorld } from './replay'

const start = startWorld(loadChallenge('expose-nginx-8080')!)
const after = (line: string) => currentWorld(runLine(newSession(start), 'host1', line))
const cell = (m: ReturnType<typeof computeMatrix>, client: string, service: string) =>
  m.cells[m.clients.findIndex((c) => c.label === client)]?.[m.services.findIndex((s) => s.label === service)]

describe('computeMatrix', () => {
  it('an empty world has clients but no services', () => {
    const m = computeMatrix(start)
    expect(m.clients.map((c) => c.label)).toEqual(['host1', 'laptop'])
    expect(m.services).toEqual([])
  })

  it('-p 8080:80 exposes web to the laptop; 127.0.0.1:8080:80 cuts the laptop off but not host1', () => {
    const open = computeMatrix(after('docker run -d --name web -p 8080:80 nginx'))
    expect(open.clients.map((c) => c.label)).toEqual(['host1', 'host1/web', 'laptop'])
    expect(cell(open, 'laptop', 'web 10.77.0.10:8080')).toBe('delivered')
    expect(cell(open, 'laptop', 'web 172.17.0.2:80')).not.toBe('delivered')

    const local = computeMatrix(after('docker run -d --name web -p 127.0.0.1:8080:80 nginx'))
    expect(cell(local, 'laptop', 'web 127.0.0.1:8080')).not.toBe('delivered')
    expect(cell(local, 'host1', 'web 127.0.0.1:8080')).toBe('delivered')
  })

  it('UDP services are probed with nc -u -z and labelled /udp: a /udp binding reaches coredns, a TCP-only one does not', () => {
    const udp = computeMatrix(after('docker run -d --name dns -p 1053:53/udp coredns/coredns'))
    expect(cell(udp, 'laptop', 'dns 10.77.0.10:1053/udp')).toBe('delivered')
    expect(cell(udp, 'laptop', 'dns 172.17.0.2:53/udp')).not.toBe('delivered')

    const tcpOnly = computeMatrix(after('docker run -d --name dns -p 1053:53 coredns/coredns'))
    expect(tcpOnly.services.map((s) => s.label)).toContain('dns 10.77.0.10:1053')
    expect(tcpOnly.services.map((s) => s.label)).not.toContain('dns 10.77.0.10:1053/udp')
  })

  it('a container row is what its namespace reaches, even when its image has no client (postgres, coredns)', () => {
    const s = ['docker network create appnet', 'docker run -d --name web --network appnet nginx', 'docker run -d --name db --network appnet postgres']
    const m = computeMatrix(currentWorld(s.reduce((acc, line) => runLine(acc, 'host1', line), newSession(start))))
    expect(cell(m, 'host1/db', 'web 172.18.0.2:80')).toBe('delivered')
    expect(cell(m, 'host1/web', 'db 172.18.0.3:5432')).toBe('delivered')
  })

  it('a large world is cut to the cell budget and says how many services it left out', () => {
    let world = start
    for (let i = 0; i < 6; i++) world = currentWorld(runLine(newSession(world), 'host1', `docker run -d --name c${i} -p ${9000 + i}:80 nginx`))
    const m = computeMatrix(world, 16)
    expect(m.clients).toHaveLength(8)
    expect(m.services).toHaveLength(2)
    expect(m.omitted).toBe(10)
  })
})
