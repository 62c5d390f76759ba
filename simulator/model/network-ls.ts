// `docker network ls` with -q, --filter (name, driver, id, scope, type) and --format with the template fields of the
// CLI's network context ({{.Name}}, {{.ID}}, …; go-template.ts). Filters follow moby's network filters: values of one
// key are alternatives, different keys must all match, name is a regular expression.
import type { DockerCommand } from '../parse/docker-command'
import { err, ok, type Result } from '../result'
import { matchesAll, parseFilters } from './filter-flags'
import { formatNetworkLs } from './format'
import { formatSupported, formatWithTemplate, type Fields } from './go-template'
import { shortId } from './ids'
import type { Host, Network, World } from './types'
import { visibleNetworks } from './world'

const FIELDS: Fields<Network> = {
  ID: { header: 'NETWORK ID', value: (n) => shortId(n.id) },
  Name: { header: 'NAME', value: (n) => n.name },
  Driver: { header: 'DRIVER', value: (n) => n.driver },
  Scope: { header: 'SCOPE', value: (n) => n.scope },
  Internal: { header: 'INTERNAL', value: (n) => String(n.internal) },
  IPv6: { header: 'IPV6', value: (n) => String(n.ipv6) },
}
const SUPPORTED = formatSupported('docker network ls', FIELDS)
const MODELLED = ['name', 'driver', 'id', 'scope', 'type']

function matches(n: Network, key: string, value: string): boolean {
  if (key === 'name') return new RegExp(value).test(n.name)
  if (key === 'driver') return n.driver === value
  if (key === 'id') return n.id.startsWith(value)
  if (key === 'scope') return n.scope === value
  // type=builtin: the networks Docker creates itself (bridge, host, none, ingress).
  return (value === 'builtin') === n.predefined
}

function filterNetworks(nets: readonly Network[], texts: readonly string[]): Result<Network[]> {
  const badValue = (key: string, value: string) => (key === 'type' && value !== 'builtin' && value !== 'custom' ? `invalid filter: 'type'='${value}'` : null)
  const filters = parseFilters(texts, { command: 'docker network ls', modelled: MODELLED, unmodelled: ['label', 'dangling'], badValue })
  if (!filters.ok) return filters
  return ok(nets.filter((n) => matchesAll(filters.value, (key, v) => matches(n, key, v))))
}

export function formatNetworkLsCommand(world: World, host: Host, cmd: Extract<DockerCommand, { kind: 'network-ls' }>): Result<string> {
  const all = visibleNetworks(world, host.name).sort((a, b) => a.name.localeCompare(b.name))
  const nets = filterNetworks(all, cmd.filters)
  if (!nets.ok) return nets
  if (cmd.quiet) return ok(nets.value.map((n) => shortId(n.id)).join('\n'))
  if (cmd.format === null || cmd.format === 'table') return ok(formatNetworkLs(nets.value))
  if (cmd.format === 'json') return err('invalid-argument', SUPPORTED)
  return formatWithTemplate(nets.value, cmd.format, FIELDS, SUPPORTED, '*network.networkContext')
}
