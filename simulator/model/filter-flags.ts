// `--filter KEY=VALUE` (-f) as the docker CLI and daemon read it (cli/opts FilterOpt, api/types/filters): one map of
// key → values, where values of one key are alternatives and different keys must all match. Shared by docker ps and
// docker network ls; each says which keys it models, which real keys it does not, and how a value must look.
import { err, ok, type Result } from '../result'

export type Filters = ReadonlyMap<string, readonly string[]>

export type FilterSpec = Readonly<{
  command: string // `docker ps`, for the "not modelled" message
  modelled: readonly string[]
  unmodelled: readonly string[] // real keys of that command the simulator does not filter by
  // The daemon's error for a bad value of a modelled key, or null when the value is fine.
  badValue?: (key: string, value: string) => string | null
}>

export function parseFilters(texts: readonly string[], spec: FilterSpec): Result<Filters> {
  const filters = new Map<string, string[]>()
  for (const text of texts) {
    const eq = text.indexOf('=')
    if (eq < 0) return err('invalid-argument', `invalid argument "${text}" for "-f, --filter" flag: bad format of filter (expected name=value)`)
    const key = text.slice(0, eq).trim().toLowerCase()
    const value = text.slice(eq + 1).trim()
    if (spec.unmodelled.includes(key)) return err('usage', `${spec.command} --filter ${key}=…: not modelled in this simulator; it filters by ${spec.modelled.join(', ')}.`)
    if (!spec.modelled.includes(key)) return err('invalid-filter', `invalid filter '${key}'`)
    const bad = key === 'name' ? badRegExp(value) : (spec.badValue?.(key, value) ?? null)
    if (bad !== null) return err('invalid-filter', bad)
    filters.set(key, [...(filters.get(key) ?? []), value])
  }
  return ok(filters)
}

/** `name=` is a regular expression in both commands. */
function badRegExp(value: string): string | null {
  try {
    new RegExp(value)
    return null
  } catch {
    return `invalid filter 'name=${value}': the value is not a regular expression`
  }
}

/** Every key's values offer at least one match (values of one key are alternatives). */
export function matchesAll(filters: Filters, matches: (key: string, value: string) => boolean): boolean {
  return [...filters].every(([key, values]) => values.some((v) => matches(key, v)))
}
