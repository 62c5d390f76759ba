// `docker ps --filter KEY=VALUE` (-f) for the keys learners use: name, status, id, ancestor and network. As in the
// daemon (moby daemon/list.go, api/types/filters), values of one key are alternatives and different keys must all
// match; name is a regular expression matched anywhere in the name. Docker's other keys are real but not modelled.
import { err, ok, type Result } from '../result'
import { imageBase } from './images'
import type { Container, World } from './types'
import { getNetwork } from './world'

export type PsFilters = ReadonlyMap<string, readonly string[]>

const MODELLED = ['name', 'status', 'id', 'ancestor', 'network']
// docker ps --help: the daemon's other keys.
const UNMODELLED = ['label', 'exited', 'before', 'since', 'volume', 'health', 'isolation', 'is-task', 'publish', 'expose']
const STATUSES = ['created', 'restarting', 'running', 'removing', 'paused', 'exited', 'dead']

export function parsePsFilters(texts: readonly string[]): Result<PsFilters> {
  const filters = new Map<string, string[]>()
  for (const text of texts) {
    const eq = text.indexOf('=')
    // cli/opts FilterOpt.Set: "bad format of filter (expected name=value)".
    if (eq < 0) return err('invalid-argument', `invalid argument "${text}" for "-f, --filter" flag: bad format of filter (expected name=value)`)
    const key = text.slice(0, eq).trim().toLowerCase()
    const value = text.slice(eq + 1).trim()
    if (UNMODELLED.includes(key)) return err('usage', `docker ps --filter ${key}=…: not modelled in this simulator; it filters by ${MODELLED.join(', ')}.`)
    if (!MODELLED.includes(key)) return err('invalid-filter', `invalid filter '${key}'`)
    if (key === 'status' && !STATUSES.includes(value)) return err('invalid-filter', `Unrecognised filter value for status: ${value}`)
    if (key === 'name') {
      try {
        new RegExp(value)
      } catch {
        return err('invalid-filter', `invalid filter 'name=${value}': the value is not a regular expression`)
      }
    }
    filters.set(key, [...(filters.get(key) ?? []), value])
  }
  return ok(filters)
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
  return containers.filter((c) => [...filters].every(([key, values]) => values.some((v) => matches(world, c, key, v))))
}
