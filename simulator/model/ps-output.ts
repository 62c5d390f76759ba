// `docker ps` beyond the default table: -q (IDs only), --filter (ps-filter.ts) and --format with the Go-template
// fields learners use ({{.ID}}, {{.Names}}, {{.Ports}}, …; go-template.ts).
import type { DockerCommand } from '../parse/docker-command'
import { err, ok, type Result } from '../result'
import { formatPs, formatStatus, listedContainers } from './format'
import { formatSupported, formatWithTemplate, type Fields } from './go-template'
import { shortId } from './ids'
import { formatCommand } from './images'
import { formatPorts } from './ports'
import { filterContainers, parsePsFilters } from './ps-filter'
import type { Container, Host, World } from './types'
import { getNetwork } from './world'

function fieldsFor(world: World): Fields<Container> {
  return {
    ID: { header: 'CONTAINER ID', value: (c) => shortId(c.id) },
    Image: { header: 'IMAGE', value: (c) => c.image },
    Command: { header: 'COMMAND', value: (c) => formatCommand(c.image, c.cmd) },
    Status: { header: 'STATUS', value: (c) => formatStatus(c) },
    State: { header: 'STATE', value: (c) => c.state },
    Ports: { header: 'PORTS', value: (c) => formatPorts(c) },
    Names: { header: 'NAMES', value: (c) => c.name },
    Networks: { header: 'NETWORKS', value: (c) => c.endpoints.map((e) => getNetwork(world, c.host, e.netId)?.name ?? e.netId).join(',') },
  }
}

export function formatPsCommand(world: World, host: Host, cmd: Extract<DockerCommand, { kind: 'ps' }>): Result<string> {
  const filters = parsePsFilters(cmd.filters)
  if (!filters.ok) return filters
  // A status filter lists stopped containers too, as the daemon does without -a (moby daemon/list.go).
  const containers = filterContainers(world, listedContainers(host, cmd.all || filters.value.has('status')), filters.value)
  if (cmd.quiet) return ok(containers.map((c) => shortId(c.id)).join('\n'))
  const fields = fieldsFor(world)
  const supported = formatSupported('docker ps', fields)
  if (cmd.format === null || cmd.format === 'table') return ok(formatPs(containers))
  // `--format json` prints every field of the CLI's ContainerContext as JSON; the simulator has only the ones above.
  if (cmd.format === 'json') return err('invalid-argument', supported)
  return formatWithTemplate(containers, cmd.format, fields, supported, '*formatter.ContainerContext')
}
