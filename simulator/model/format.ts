// `docker ps` and `docker network ls` tables, in Docker's column layout.
import { tabulate } from './go-template'
import { shortId } from './ids'
import { formatCommand } from './images'
import { formatPorts } from './ports'
import type { Container, Host, Network } from './types'

// The CLI prints its default tables through the same tabwriter as `--format "table …"` (docker/cli formatter).
function table(rows: string[][]): string {
  return tabulate(rows.map((r) => r.join('\t')))
}

/** The containers `docker ps [-a]` lists, newest first. */
export function listedContainers(host: Host, all: boolean): Container[] {
  return (host.engine?.containers.values() ?? []).filter((c) => all || c.state === 'running').sort((a, b) => b.seq - a.seq)
}

/** The STATUS column without times: the simulator has no clock ("Up", not "Up 5 minutes"). */
export function formatStatus(c: Container): string {
  return c.state === 'running' ? 'Up' : c.state === 'created' ? 'Created' : `Exited (${c.exitCode})`
}

/** The default `docker ps` table of these containers (listedContainers, maybe filtered). */
export function formatPs(containers: readonly Container[]): string {
  const rows = [['CONTAINER ID', 'IMAGE', 'COMMAND', 'STATUS', 'PORTS', 'NAMES']]
  for (const c of containers) {
    rows.push([shortId(c.id), c.image, formatCommand(c.image, c.cmd), formatStatus(c), formatPorts(c), c.name])
  }
  return table(rows)
}

/** The default `docker network ls` table of these networks, sorted by name by the caller. */
export function formatNetworkLs(nets: readonly Network[]): string {
  return table([['NETWORK ID', 'NAME', 'DRIVER', 'SCOPE'], ...nets.map((n) => [shortId(n.id), n.name, n.driver, n.scope])])
}
