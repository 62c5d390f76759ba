// `docker ps` and `docker network ls` tables, in Docker's column layout.
import { shortId } from './ids'
import { formatCommand } from './images'
import { formatBinding } from './ports'
import type { Host, World } from './types'
import { visibleNetworks } from './world'

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)))
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd((widths[i] ?? 0) + 3))).join('').trimEnd()).join('\n')
}

export function formatPs(world: World, host: Host, all: boolean): string {
  const containers = (host.engine?.containers.values() ?? []).filter((c) => all || c.state === 'running').sort((a, b) => b.seq - a.seq)
  const rows = [['CONTAINER ID', 'IMAGE', 'COMMAND', 'STATUS', 'PORTS', 'NAMES']]
  for (const c of containers) {
    const status = c.state === 'running' ? 'Up' : c.state === 'created' ? 'Created' : `Exited (${c.exitCode})`
    rows.push([shortId(c.id), c.image, formatCommand(c.image, c.cmd), status, c.bindings.map(formatBinding).join(', '), c.name])
  }
  return table(rows)
}

export function formatNetworkLs(world: World, host: Host): string {
  const nets = visibleNetworks(world, host.name).sort((a, b) => a.name.localeCompare(b.name))
  return table([['NETWORK ID', 'NAME', 'DRIVER', 'SCOPE'], ...nets.map((n) => [shortId(n.id), n.name, n.driver, n.scope])])
}
