// `docker ps --filter KEY=VALUE` (-f) for the keys learners use: name, status, id, ancestor and network. As in the
// daemon (moby daemon/list.go, api/types/filters), values of one key are alternatives and different keys must all
// match; name is a regular expression matched anywhere in the name. Docker's other keys are real but not modelled.
import type { Result } from '../result'
import { matchesAll, parseFilters, type Filters } from './filter-flags'
import { imageBase } from './images'
import type { Container, World } from './types'
import { getNetwork } from './world'

export type PsFilters = Filters

const MODELLED = ['name', 'status', 'id', 'ancestor', 'network']
// docker ps --help: the daemon's other keys.
const UNMODELLED = ['label', 'exited', 'before', 'since', 'volume', 'health', 'isolation', 'is-task', 'publish', 'expose']
const STATUSES = ['created', 'restarting', 'running', 'removing', 'paused', 'exited', 'dead']

export function parsePsFilters(texts: readonly string[]): Result<PsFilters> {
  const badValue = (key: string, value: string) => (key === 'status' && !STATUSES.includes(value) ? `Unrecognised filter value for status: ${value}` : null)
  return parseFilters(texts, { command: 'docker ps', modelled: MODELLED, unmodelled: UNMODELLED, badValue })
}

function matches(world: World, c: Container, key: string, value: string): boolean {
  switch (key) {
    // The daemon keeps names with a leading "/", so both `name=web` and `name=^/web$` find web.
    case 'name':
      return new RegExp(value).test(`/${c.name}`)
    case 'status':
      return c.state === value
    case 'id':
      return c.id.startsWith(value)
    case 'ancestor':
      // `ancestor=nginx` is any nginx tag; `ancestor=nginx:1.29` that tag only.
      return imageBase(value) === value ? imageBase(c.image) === value : c.image === value
    case 'network':
      return c.endpoints.some((e) => e.netId.startsWith(value) || getNetwork(world, c.host, e.netId)?.name === value)
    default:
      return false
  }
}

export function filterContainers(world: World, containers: readonly Container[], filters: PsFilters): Container[] {
  return containers.filter((c) => matchesAll(filters, (key, v) => matches(world, c, key, v)))
}
