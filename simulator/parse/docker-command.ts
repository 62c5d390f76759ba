// `docker …` command lines → typed commands, parsed the way the docker CLI (cobra) parses them. Only the subset the
// course needs; anything else is a clear error naming the command.
import { err, ok, type Result } from '../result'
import { splitArgv } from './argv'
import { flagAll, flagBool, flagLast, parseFlags, type FlagSpec, type ParsedFlags } from './flags'
import { parseImageReference } from './image-reference'
import { formatNoInteractiveShell, isShellCommand } from './interactive'
import { parseIpv4, type Ipv4 } from './ip'
import { parsePortSpec, type PortSpec, type Proto } from './ports'
import { parseServiceCommand, type ServiceCommand } from './service-command'
import { formatUnmodelled, isUnmodelledCommand } from './unmodelled-commands'

export type RunCommand = Readonly<{
  kind: 'run'
  create: boolean // `docker create`: created, not started
  detach: boolean
  interactive: boolean
  tty: boolean
  rm: boolean
  name: string | null
  networks: readonly string[]
  // Per network (same order as `networks`) the ip/alias given in --network's key=value form
  // (`--network name=app,alias=backend,ip=…`); absent when every --network was a plain name.
  networkOptions?: readonly Readonly<{ ip: Ipv4 | null; aliases: readonly string[] }>[]
  aliases: readonly string[]
  ip: Ipv4 | null
  publish: readonly PortSpec[]
  publishAll: boolean
  links: readonly Readonly<{ name: string; alias: string }>[]
  addHosts: readonly Readonly<{ name: string; ip: string }>[]
  hostname: string | null
  dns: readonly string[]
  expose: readonly number[]
  image: string
  cmd: readonly string[]
}>

export type DockerCommand =
  | RunCommand
  | Readonly<{ kind: 'start' | 'stop' | 'restart' | 'kill'; names: readonly string[] }>
  | Readonly<{ kind: 'rm'; names: readonly string[]; force: boolean }>
  | Readonly<{ kind: 'rename'; container: string; name: string }>
  | Readonly<{ kind: 'exec'; container: string; cmd: readonly string[] }>
  // filters: each --filter KEY=VALUE as typed; the model checks the keys (ps-filter.ts).
  | Readonly<{ kind: 'ps'; all: boolean; quiet: boolean; format: string | null; filters: readonly string[] }>
  | Readonly<{ kind: 'port'; container: string; port: Readonly<{ text: string; number: number; proto: Proto }> | null }>
  | Readonly<{
      kind: 'network-create'
      name: string
      driver: string
      subnet: string | null
      gateway: string | null
      ipRange: string | null
      aux: readonly Readonly<{ name: string; ip: string }>[]
      internal: boolean
      attachable: boolean
      opts: Readonly<Record<string, string>>
      // --ipv6 and IPv6 --subnet/--gateway values: recorded and shown, not modelled (the simulator is IPv4 only).
      ipv6: boolean
      ipv6Subnets: readonly string[]
      ipamDriver: string | null
    }>
  | Readonly<{ kind: 'network-rm'; names: readonly string[] }>
  | Readonly<{ kind: 'network-connect'; network: string; container: string; ip: Ipv4 | null; aliases: readonly string[] }>
  | Readonly<{ kind: 'network-disconnect'; network: string; container: string }>
  | Readonly<{ kind: 'network-ls'; quiet: boolean; format: string | null; filters: readonly string[] }>
  | Readonly<{ kind: 'swarm-init'; advertiseAddr: string | null }>
  | Readonly<{ kind: 'swarm-join'; token: string; addr: string }>
  | Readonly<{ kind: 'swarm-leave'; force: boolean }>
  | ServiceCommand

const RUN_FLAGS: FlagSpec = {
  detach: { kind: 'bool', short: 'd' },
  interactive: { kind: 'bool', short: 'i' },
  tty: { kind: 'bool', short: 't' },
  rm: { kind: 'bool' },
  name: { kind: 'value' },
  network: { kind: 'value' },
  net: { kind: 'value' },
  'network-alias': { kind: 'value' },
  'net-alias': { kind: 'value' },
  ip: { kind: 'value' },
  publish: { kind: 'value', short: 'p' },
  'publish-all': { kind: 'bool', short: 'P' },
  link: { kind: 'value' },
  'add-host': { kind: 'value' },
  hostname: { kind: 'value', short: 'h' },
  dns: { kind: 'value' },
  expose: { kind: 'value' },
  env: { kind: 'value', short: 'e' },
  volume: { kind: 'value', short: 'v' },
  workdir: { kind: 'value', short: 'w' },
  user: { kind: 'value', short: 'u' },
  label: { kind: 'value', short: 'l' },
  memory: { kind: 'value', short: 'm' },
  restart: { kind: 'value' },
  entrypoint: { kind: 'value' },
  privileged: { kind: 'bool' },
  'cap-add': { kind: 'value' },
  init: { kind: 'bool' },
  platform: { kind: 'value' },
  cpus: { kind: 'value' },
  'mac-address': { kind: 'value' },
  // Accepted with no network effect (storage, restart policy, resources, security, logging, health).
  pull: { kind: 'value' },
  mount: { kind: 'value' },
  tmpfs: { kind: 'value' },
  'volumes-from': { kind: 'value' },
  'env-file': { kind: 'value' },
  'label-file': { kind: 'value' },
  'read-only': { kind: 'bool' },
  'cap-drop': { kind: 'value' },
  'security-opt': { kind: 'value' },
  sysctl: { kind: 'value' },
  ulimit: { kind: 'value' },
  'memory-swap': { kind: 'value' },
  'cpu-shares': { kind: 'value', short: 'c' },
  'shm-size': { kind: 'value' },
  'log-driver': { kind: 'value' },
  'log-opt': { kind: 'value' },
  'stop-signal': { kind: 'value' },
  'stop-timeout': { kind: 'value' },
  'health-cmd': { kind: 'value' },
  'health-interval': { kind: 'value' },
  'health-retries': { kind: 'value' },
  'health-timeout': { kind: 'value' },
  'health-start-period': { kind: 'value' },
  'no-healthcheck': { kind: 'bool' },
  'dns-search': { kind: 'value' },
  'dns-option': { kind: 'value' },
  'dns-opt': { kind: 'value' },
  domainname: { kind: 'value' },
  'group-add': { kind: 'value' },
  device: { kind: 'value' },
  gpus: { kind: 'value' },
  pid: { kind: 'value' },
  ipc: { kind: 'value' },
  'sig-proxy': { kind: 'bool' },
  'detach-keys': { kind: 'value' },
  attach: { kind: 'value', short: 'a' },
  cidfile: { kind: 'value' },
  quiet: { kind: 'bool', short: 'q' },
  runtime: { kind: 'value' },
  'oom-kill-disable': { kind: 'bool' },
}

const PULL_POLICIES = ['always', 'missing', 'never']

/** `--network` values: a name, or the CSV key=value form (docker/cli opts/network.go: name, alias, ip, ip6, …). */
function parseNetworkFlag(value: string): Result<{ name: string; ip: Ipv4 | null; aliases: string[] }> {
  if (!value.includes('=')) return ok({ name: value, ip: null, aliases: [] })
  let name: string | null = null
  let ip: Ipv4 | null = null
  const aliases: string[] = []
  for (const field of value.split(',')) {
    const eq = field.indexOf('=')
    const key = eq < 0 ? field : field.slice(0, eq).toLowerCase()
    const v = eq < 0 ? '' : field.slice(eq + 1)
    if (key === 'name') name = v
    else if (key === 'alias') aliases.push(v)
    else if (key === 'ip') {
      const r = parseIpv4(v)
      if (!r.ok) return err('invalid-ip', `invalid IPv4 address: ${v}`)
      ip = r.value
    } else if (!['ip6', 'mac-address', 'link-local-ip', 'driver-opt', 'gw-priority'].includes(key)) {
      return err('invalid-argument', `invalid argument "${value}" for "--network" flag: invalid field key ${key}`)
    }
  }
  if (name === null || name === '') return err('invalid-argument', `invalid argument "${value}" for "--network" flag: network name is required`)
  return ok({ name, ip, aliases })
}

const NETWORK_CREATE_FLAGS: FlagSpec = {
  driver: { kind: 'value', short: 'd' },
  subnet: { kind: 'value' },
  gateway: { kind: 'value' },
  'ip-range': { kind: 'value' },
  'aux-address': { kind: 'value' },
  internal: { kind: 'bool' },
  attachable: { kind: 'bool' },
  opt: { kind: 'value', short: 'o' },
  label: { kind: 'value' },
  ipv6: { kind: 'bool' },
  'ipam-driver': { kind: 'value' },
  scope: { kind: 'value' },
}

function usageError(message: string): Result<never> {
  return err('usage', message)
}

function parseRun(argv: readonly string[], create: boolean, usage: string): Result<RunCommand> {
  const parsed = parseFlags(argv, RUN_FLAGS, false, usage)
  if (!parsed.ok) return parsed
  const p = parsed.value
  const [image, ...cmd] = p.args
  if (image === undefined) return usageError(`"${usage}" requires at least 1 argument.\nSee '${usage} --help'.`)
  const publish: PortSpec[] = []
  for (const text of flagAll(p, 'publish')) {
    const r = parsePortSpec(text)
    if (!r.ok) return r
    publish.push(...r.value)
  }
  const ipText = flagLast(p, 'ip')
  let ip: Ipv4 | null = null
  if (ipText !== undefined) {
    const r = parseIpv4(ipText)
    if (!r.ok) return err('invalid-ip', `invalid IPv4 address: ${ipText}`)
    ip = r.value
  }
  const pairs = (name: string, sep: string) =>
    flagAll(p, name).map((v) => {
      const i = v.indexOf(sep)
      return i < 0 ? { name: v, rest: v } : { name: v.slice(0, i), rest: v.slice(i + 1) }
    })
  const addHosts = pairs('add-host', ':').map((h) => ({ name: h.name, ip: h.rest }))
  const bad = addHosts.find((h) => h.ip === h.name || (h.ip !== 'host-gateway' && !parseIpv4(h.ip).ok))
  if (bad) return err('invalid-argument', `invalid argument "${bad.name}" for "--add-host" flag: invalid IP address in add-host: "${bad.ip}"`)
  const expose = flagAll(p, 'expose').map((e) => Number(e.split('/')[0]))
  if (expose.some((e) => !Number.isInteger(e) || e < 1 || e > 65535)) return err('invalid-port', 'invalid range format for --expose')
  const verb = create ? 'create' : 'run'
  const ref = parseImageReference(image)
  // The CLI's reportError: "docker: <error>." and the help hint, before anything reaches the daemon.
  if (!ref.ok) return err('invalid-argument', `docker: ${ref.error.message}.\n\nRun 'docker ${verb} --help' for more information`)
  const pull = flagLast(p, 'pull')
  if (pull !== undefined && !PULL_POLICIES.includes(pull)) return err('invalid-argument', `docker: invalid pull option: '${pull}': must be one of "always", "missing" or "never".\n\nRun 'docker ${verb} --help' for more information`)
  const nets: { name: string; ip: Ipv4 | null; aliases: string[] }[] = []
  for (const v of [...flagAll(p, 'network'), ...flagAll(p, 'net')]) {
    const r = parseNetworkFlag(v)
    if (!r.ok) return r
    nets.push(r.value)
  }
  const keyed = nets.some((n) => n.ip !== null || n.aliases.length > 0)
  const interactive = flagBool(p, 'interactive')
  const tty = flagBool(p, 'tty')
  if (!create && !flagBool(p, 'detach') && (interactive || tty) && (cmd.length === 0 || isShellCommand(cmd))) {
    return usageError(formatNoInteractiveShell(`docker run -${interactive ? 'i' : ''}${tty ? 't' : ''}`))
  }
  return ok({
    kind: 'run',
    create,
    detach: flagBool(p, 'detach'),
    interactive,
    tty,
    rm: flagBool(p, 'rm'),
    name: flagLast(p, 'name') ?? null,
    networks: nets.map((n) => n.name),
    ...(keyed ? { networkOptions: nets.map((n) => ({ ip: n.ip, aliases: n.aliases })) } : {}),
    aliases: [...flagAll(p, 'network-alias'), ...flagAll(p, 'net-alias')],
    ip,
    publish,
    publishAll: flagBool(p, 'publish-all'),
    links: pairs('link', ':').map((l) => ({ name: l.name, alias: l.rest })),
    addHosts,
    hostname: flagLast(p, 'hostname') ?? null,
    dns: flagAll(p, 'dns'),
    expose,
    image,
    cmd,
  })
}

/** `docker run ARGV…` (the words after `run`): also how a swarm task's container spec is made, so a task gets every
 *  run flag's default exactly as a typed `docker run` does. */
export function parseRunCommand(argv: readonly string[]): Result<RunCommand> {
  return parseRun(argv, false, 'docker run')
}

function needArgs(p: ParsedFlags, n: number, usage: string, exact: boolean): Result<readonly string[]> {
  if (exact ? p.args.length !== n : p.args.length < n) {
    const what = exact ? `exactly ${n} argument${n === 1 ? '' : 's'}` : `at least ${n} argument${n === 1 ? '' : 's'}`
    return usageError(`"${usage}" requires ${what}.\nSee '${usage} --help'.`)
  }
  return ok(p.args)
}

function parseNames(argv: readonly string[], kind: 'start' | 'stop' | 'restart' | 'kill' | 'rm', usage: string): Result<DockerCommand> {
  const spec: FlagSpec =
    kind === 'rm'
      ? { force: { kind: 'bool', short: 'f' }, volumes: { kind: 'bool', short: 'v' } }
      : kind === 'start'
        ? { attach: { kind: 'bool', short: 'a' }, interactive: { kind: 'bool', short: 'i' } }
        : kind === 'kill'
          ? { signal: { kind: 'value', short: 's' } }
          : { time: { kind: 'value', short: 't' }, signal: { kind: 'value', short: 's' } }
  const parsed = parseFlags(argv, spec, true, usage)
  if (!parsed.ok) return parsed
  const args = needArgs(parsed.value, 1, usage, false)
  if (!args.ok) return args
  if (kind === 'rm') return ok({ kind, names: args.value, force: flagBool(parsed.value, 'force') })
  return ok({ kind, names: args.value })
}

function parseNetwork(argv: readonly string[]): Result<DockerCommand> {
  const [sub, ...rest] = argv
  const usage = `docker network ${sub ?? ''}`.trim()
  switch (sub) {
    case 'create': {
      const parsed = parseFlags(rest, NETWORK_CREATE_FLAGS, true, usage)
      if (!parsed.ok) return parsed
      const p = parsed.value
      const args = needArgs(p, 1, usage, true)
      if (!args.ok) return args
      const opts: Record<string, string> = {}
      for (const o of flagAll(p, 'opt')) {
        const i = o.indexOf('=')
        opts[i < 0 ? o : o.slice(0, i)] = i < 0 ? '' : o.slice(i + 1)
      }
      const aux = flagAll(p, 'aux-address').map((a) => {
        const i = a.indexOf('=')
        return { name: i < 0 ? a : a.slice(0, i), ip: i < 0 ? '' : a.slice(i + 1) }
      })
      // A dual-stack network takes one --subnet (and --gateway) per address family; IPv6 ones contain ':'.
      const v4 = (name: string) => flagAll(p, name).filter((v) => !v.includes(':'))
      return ok({
        kind: 'network-create',
        name: args.value[0] as string,
        driver: flagLast(p, 'driver') ?? 'bridge',
        subnet: v4('subnet').at(-1) ?? null,
        gateway: v4('gateway').at(-1) ?? null,
        ipRange: flagLast(p, 'ip-range') ?? null,
        aux,
        internal: flagBool(p, 'internal'),
        attachable: flagBool(p, 'attachable'),
        opts,
        ipv6: flagBool(p, 'ipv6'),
        ipv6Subnets: flagAll(p, 'subnet').filter((v) => v.includes(':')),
        ipamDriver: flagLast(p, 'ipam-driver') ?? null,
      })
    }
    case 'rm':
    case 'remove': {
      const parsed = parseFlags(rest, { force: { kind: 'bool', short: 'f' } }, true, usage)
      if (!parsed.ok) return parsed
      const args = needArgs(parsed.value, 1, usage, false)
      return args.ok ? ok({ kind: 'network-rm', names: args.value }) : args
    }
    case 'connect': {
      const spec: FlagSpec = { ip: { kind: 'value' }, alias: { kind: 'value' }, link: { kind: 'value' }, ip6: { kind: 'value' } }
      const parsed = parseFlags(rest, spec, true, usage)
      if (!parsed.ok) return parsed
      const args = needArgs(parsed.value, 2, usage, true)
      if (!args.ok) return args
      const ipText = flagLast(parsed.value, 'ip')
      const ip = ipText === undefined ? null : parseIpv4(ipText)
      if (ip !== null && !ip.ok) return err('invalid-ip', `invalid IPv4 address: ${ipText}`)
      return ok({
        kind: 'network-connect',
        network: args.value[0] as string,
        container: args.value[1] as string,
        ip: ip === null ? null : ip.value,
        aliases: flagAll(parsed.value, 'alias'),
      })
    }
    case 'disconnect': {
      const parsed = parseFlags(rest, { force: { kind: 'bool', short: 'f' } }, true, usage)
      if (!parsed.ok) return parsed
      const args = needArgs(parsed.value, 2, usage, true)
      if (!args.ok) return args
      return ok({ kind: 'network-disconnect', network: args.value[0] as string, container: args.value[1] as string })
    }
    case 'ls':
    case 'list': {
      const spec: FlagSpec = { quiet: { kind: 'bool', short: 'q' }, format: { kind: 'value' }, filter: { kind: 'value', short: 'f' }, 'no-trunc': { kind: 'bool' } }
      const parsed = parseFlags(rest, spec, true, usage)
      if (!parsed.ok) return parsed
      if (parsed.value.args.length > 0) return usageError(`"${usage}" accepts no arguments.\nSee '${usage} --help'.`)
      return ok({ kind: 'network-ls', quiet: flagBool(parsed.value, 'quiet'), format: flagLast(parsed.value, 'format') ?? null, filters: flagAll(parsed.value, 'filter') })
    }
    default:
      if (isUnmodelledCommand(['network', sub ?? ''])) return usageError(formatUnmodelled(['network', sub ?? '']))
      return usageError(`docker network: unknown command "${sub ?? ''}" (the simulator supports create, rm, connect, disconnect, ls)`)
  }
}

function parseSwarm(argv: readonly string[]): Result<DockerCommand> {
  const [sub, ...rest] = argv
  const usage = `docker swarm ${sub ?? ''}`.trim()
  if (sub === 'init') {
    const parsed = parseFlags(rest, { 'advertise-addr': { kind: 'value' }, 'listen-addr': { kind: 'value' }, 'default-addr-pool': { kind: 'value' } }, true, usage)
    if (!parsed.ok) return parsed
    return ok({ kind: 'swarm-init', advertiseAddr: flagLast(parsed.value, 'advertise-addr') ?? null })
  }
  if (sub === 'join') {
    const parsed = parseFlags(rest, { token: { kind: 'value' }, 'advertise-addr': { kind: 'value' }, 'listen-addr': { kind: 'value' } }, true, usage)
    if (!parsed.ok) return parsed
    const args = needArgs(parsed.value, 1, usage, true)
    if (!args.ok) return args
    return ok({ kind: 'swarm-join', token: flagLast(parsed.value, 'token') ?? '', addr: args.value[0] as string })
  }
  if (sub === 'leave') {
    const parsed = parseFlags(rest, { force: { kind: 'bool', short: 'f' } }, true, usage)
    if (!parsed.ok) return parsed
    return ok({ kind: 'swarm-leave', force: flagBool(parsed.value, 'force') })
  }
  if (isUnmodelledCommand(['swarm', sub ?? ''])) return usageError(formatUnmodelled(['swarm', sub ?? '']))
  return usageError(`docker swarm: unknown command "${sub ?? ''}" (the simulator supports init, join, leave)`)
}

function parsePort(argv: readonly string[], usage: string): Result<DockerCommand> {
  const parsed = parseFlags(argv, {}, true, usage)
  if (!parsed.ok) return parsed
  const args = parsed.value.args
  if (args.length < 1 || args.length > 2) return usageError(`"${usage}" requires at least 1 and at most 2 arguments.\nSee '${usage} --help'.`)
  const [container, text] = args as [string, string | undefined]
  if (text === undefined) return ok({ kind: 'port', container, port: null })
  // cli/command/container/port.go: PRIVATE_PORT[/PROTO], tcp when no protocol is given.
  const [num = '', proto = 'tcp'] = text.split('/', 2)
  const n = Number(num)
  if (!/^\d+$/.test(num) || n > 65535) return err('invalid-argument', `Error: invalid port (${num}): strconv.ParseUint: parsing "${num}": invalid syntax`)
  if (proto !== 'tcp' && proto !== 'udp' && proto !== 'sctp') return err('invalid-argument', `Error: No public port '${text}' published for ${container}`)
  return ok({ kind: 'port', container, port: { text, number: n, proto: proto === 'udp' ? 'udp' : 'tcp' } })
}

function parseContainerVerb(verb: string, rest: readonly string[], usage: string): Result<DockerCommand> | null {
  switch (verb) {
    case 'run':
    case 'create':
      return parseRun(rest, verb === 'create', usage)
    case 'start':
    case 'stop':
    case 'restart':
    case 'kill':
    case 'rm':
      return parseNames(rest, verb, usage)
    case 'exec': {
      const spec: FlagSpec = { interactive: { kind: 'bool', short: 'i' }, tty: { kind: 'bool', short: 't' }, detach: { kind: 'bool', short: 'd' }, user: { kind: 'value', short: 'u' }, env: { kind: 'value', short: 'e' }, workdir: { kind: 'value', short: 'w' } }
      const parsed = parseFlags(rest, spec, false, usage)
      if (!parsed.ok) return parsed
      const args = needArgs(parsed.value, 2, usage, false)
      if (!args.ok) return args
      return ok({ kind: 'exec', container: args.value[0] as string, cmd: args.value.slice(1) })
    }
    case 'ps':
    case 'ls': {
      const spec: FlagSpec = { all: { kind: 'bool', short: 'a' }, quiet: { kind: 'bool', short: 'q' }, format: { kind: 'value' }, filter: { kind: 'value', short: 'f' } }
      const parsed = parseFlags(rest, spec, true, usage)
      if (!parsed.ok) return parsed
      return ok({ kind: 'ps', all: flagBool(parsed.value, 'all'), quiet: flagBool(parsed.value, 'quiet'), format: flagLast(parsed.value, 'format') ?? null, filters: flagAll(parsed.value, 'filter') })
    }
    case 'port':
      return parsePort(rest, usage)
    case 'rename': {
      const parsed = parseFlags(rest, {}, true, usage)
      if (!parsed.ok) return parsed
      const args = needArgs(parsed.value, 2, usage, true)
      if (!args.ok) return args
      return ok({ kind: 'rename', container: args.value[0] as string, name: args.value[1] as string })
    }
    default:
      return null
  }
}

export function parseDockerArgv(argv: readonly string[]): Result<DockerCommand> {
  const [docker, group, ...rest] = argv
  if (docker !== 'docker') return usageError(`not a docker command: ${argv.join(' ')}`)
  if (group === undefined) return usageError('docker: a command is required (for example "docker run")')
  if (group === 'network') return parseNetwork(rest)
  if (group === 'swarm') return parseSwarm(rest)
  if (group === 'service') return parseServiceCommand(rest)
  if (group === 'container') {
    const [verb = '', ...more] = rest
    const parsed = parseContainerVerb(verb, more, `docker container ${verb}`)
    if (parsed !== null) return parsed
    if (isUnmodelledCommand(['container', verb])) return usageError(formatUnmodelled(['container', verb]))
    return usageError(`docker container: unknown command "${verb}"`)
  }
  if (group === 'ls') return usageError(`docker: 'ls' is not a docker command.\nSee 'docker --help'`)
  const parsed = parseContainerVerb(group, rest, `docker ${group}`)
  if (parsed !== null) return parsed
  // A real Docker command the simulator does not model says so; a word Docker does not know gets Docker's own text.
  if (isUnmodelledCommand([group, rest[0] ?? ''])) return usageError(formatUnmodelled([group, rest[0] ?? '']))
  return usageError(`docker: '${group}' is not a docker command.\nSee 'docker --help'`)
}

export function parseDockerCommand(line: string): Result<DockerCommand> {
  const argv = splitArgv(line)
  return argv.ok ? parseDockerArgv(argv.value) : argv
}
