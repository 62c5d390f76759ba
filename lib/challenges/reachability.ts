// The reachability matrix: every client (each machine, each running container) against every listening service,
// each cell the outcome of one probe (curl for TCP, nc -u -z for UDP). A container's row is what its network
// namespace reaches, whatever tools its image has (as a helper joined with --network container:NAME would see it).
// Pure, recomputed from the world after every command.
import { describeWorld, listServices, runProbe, type Outcome, type ServiceEntry, type World } from '@/simulator'

export type Client = { label: string; from: string; exec: string | null }
export type Matrix = { clients: Client[]; services: (ServiceEntry & { label: string })[]; cells: Outcome[][]; omitted: number }

// Each cell is a full probe; past this many the matrix would stall the page, so it shows the first services only.
export const MAX_CELLS = 400

export function listClients(world: World): Client[] {
  const t = describeWorld(world)
  return [
    ...t.internet.map((i) => ({ label: `${i.name} (internet)`, from: i.name, exec: null })),
    ...t.hosts.flatMap((h) => [
      { label: h.name, from: h.name, exec: null },
      ...h.containers.filter((c) => c.state === 'running').map((c) => ({ label: `${h.name}/${c.name}`, from: h.name, exec: c.name })),
    ]),
  ]
}

export function computeMatrix(world: World, maxCells = MAX_CELLS): Matrix {
  const clients = listClients(world)
  const all = listServices(world).map((s) => ({
    ...s,
    label: `${s.container ?? s.host} ${s.address}:${s.port}${s.proto === 'udp' ? '/udp' : ''}`,
  }))
  const services = all.slice(0, Math.max(1, Math.floor(maxCells / Math.max(1, clients.length))))
  const cells = clients.map((c) =>
    services.map((s) => {
      const probe = s.proto === 'udp' ? `nc -u -z ${s.address} ${s.port}` : `curl http://${s.address}:${s.port}`
      return runProbe(world, c.from, c.exec === null ? probe : `docker exec ${c.exec} ${probe}`, { imageTools: false }).outcome
    }),
  )
  return { clients, services, cells, omitted: all.length - services.length }
}
