// A cobra/pflag-style flag parser, because the docker CLI is built on cobra: combined short flags (-itd, -dp 80:80),
// --flag=value and --flag value, "--" ends flags, and per-command "interspersed" (docker run stops at the image so
// the container's command keeps its own flags; network commands accept flags after their arguments).
import { err, ok, type Result } from '../result'

export type FlagKind = 'bool' | 'value'
export type FlagSpec = Readonly<Record<string, Readonly<{ kind: FlagKind; short?: string }>>>
export type ParsedFlags = Readonly<{ values: ReadonlyMap<string, readonly string[]>; args: readonly string[] }>

export function parseFlags(argv: readonly string[], spec: FlagSpec, interspersed: boolean, usage: string): Result<ParsedFlags> {
  const shorts = new Map<string, string>()
  for (const [name, f] of Object.entries(spec)) if (f.short !== undefined) shorts.set(f.short, name)
  const values = new Map<string, string[]>()
  const args: string[] = []
  const add = (name: string, v: string) => values.set(name, [...(values.get(name) ?? []), v])
  const fail = (msg: string) => err('unknown-flag', formatUsageError(msg, usage))
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string
    if (a === '--') {
      args.push(...argv.slice(i + 1))
      break
    }
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=')
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq)
      const f = spec[name]
      if (f === undefined) return fail(`unknown flag: --${name}`)
      if (f.kind === 'bool') {
        const v = eq < 0 ? 'true' : a.slice(eq + 1)
        if (v !== 'true' && v !== 'false') return fail(`invalid argument "${v}" for "--${name}" flag: strconv.ParseBool: parsing "${v}": invalid syntax`)
        add(name, v)
      } else if (eq >= 0) add(name, a.slice(eq + 1))
      else if (i + 1 < argv.length) add(name, argv[++i] as string)
      else return fail(`flag needs an argument: --${name}`)
      continue
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const ch = a[j] as string
        const name = shorts.get(ch)
        if (name === undefined) return fail(`unknown shorthand flag: '${ch}' in ${a}`)
        if ((spec[name] as { kind: FlagKind }).kind === 'bool') {
          add(name, 'true')
          continue
        }
        const rest = a.slice(j + 1).replace(/^=/, '')
        if (rest !== '') add(name, rest)
        else if (i + 1 < argv.length) add(name, argv[++i] as string)
        else return fail(`flag needs an argument: '${ch}' in ${a}`)
        break
      }
      continue
    }
    args.push(a)
    if (!interspersed) {
      args.push(...argv.slice(i + 1))
      break
    }
  }
  return ok({ values, args })
}

export function flagBool(p: ParsedFlags, name: string): boolean {
  const v = p.values.get(name)
  return v !== undefined && v[v.length - 1] === 'true'
}

export function flagLast(p: ParsedFlags, name: string): string | undefined {
  const v = p.values.get(name)
  return v === undefined ? undefined : v[v.length - 1]
}

export function flagAll(p: ParsedFlags, name: string): readonly string[] {
  return p.values.get(name) ?? []
}

// The synopsis cobra prints under a flag error (docker CLI v24+), keyed by command path.
const SYNOPSIS: Readonly<Record<string, string>> = {
  'docker run': 'docker run [OPTIONS] IMAGE [COMMAND] [ARG...]',
  'docker container run': 'docker container run [OPTIONS] IMAGE [COMMAND] [ARG...]',
  'docker create': 'docker create [OPTIONS] IMAGE [COMMAND] [ARG...]',
  'docker container create': 'docker container create [OPTIONS] IMAGE [COMMAND] [ARG...]',
  'docker exec': 'docker exec [OPTIONS] CONTAINER COMMAND [ARG...]',
  'docker rename': 'docker rename CONTAINER NEW_NAME',
  'docker container rename': 'docker container rename CONTAINER NEW_NAME',
  'docker network create': 'docker network create [OPTIONS] NETWORK',
  'docker network rm': 'docker network rm NETWORK [NETWORK...]',
  'docker network connect': 'docker network connect [OPTIONS] NETWORK CONTAINER',
  'docker network disconnect': 'docker network disconnect [OPTIONS] NETWORK CONTAINER',
  'docker service create': 'docker service create [OPTIONS] IMAGE [COMMAND] [ARG...]',
  'docker swarm init': 'docker swarm init [OPTIONS]',
  'docker swarm join': 'docker swarm join [OPTIONS] HOST:PORT',
}

/** "unknown flag: --x", then the synopsis and the help hint, as the docker CLI prints them. */
export function formatUsageError(message: string, usage: string): string {
  const synopsis = SYNOPSIS[usage] ?? `${usage} [OPTIONS]`
  return `${message}\n\nUsage:  ${synopsis}\n\nRun '${usage} --help' for more information`
}
