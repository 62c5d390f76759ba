// `docker service create|rm` for swarm mode: --name, --replicas, --mode global, --network, --constraint,
// --endpoint-mode vip|dnsrr and --publish in short and long form.
import { err, ok, type Result } from '../result'
import { flagAll, flagLast, parseFlags, type FlagSpec } from './flags'
import { formatUnmodelled, isUnmodelledCommand } from './unmodelled-commands'
import { parsePortSpec, type PortSpec } from './ports'

export type ServiceCommand =
  | Readonly<{
      kind: 'service-create'
      name: string | null
      replicas: number | null
      mode: 'replicated' | 'global'
      networks: readonly string[]
      publish: readonly PortSpec[]
      constraints: readonly Readonly<{ key: string; op: '==' | '!='; value: string }>[]
      endpointMode: 'vip' | 'dnsrr'
      image: string
      cmd: readonly string[]
    }>
  | Readonly<{ kind: 'service-rm'; names: readonly string[] }>

const CREATE_FLAGS: FlagSpec = {
  name: { kind: 'value' },
  replicas: { kind: 'value' },
  mode: { kind: 'value' },
  network: { kind: 'value' },
  publish: { kind: 'value', short: 'p' },
  constraint: { kind: 'value' },
  'endpoint-mode': { kind: 'value' },
  env: { kind: 'value', short: 'e' },
  detach: { kind: 'bool', short: 'd' },
  quiet: { kind: 'bool', short: 'q' },
  label: { kind: 'value', short: 'l' },
  hostname: { kind: 'value' },
}

export function parseServiceCommand(argv: readonly string[]): Result<ServiceCommand> {
  const [sub, ...rest] = argv
  const usage = `docker service ${sub ?? ''}`.trim()
  if (sub === 'rm' || sub === 'remove') {
    if (rest.length === 0) return err('usage', `"${usage}" requires at least 1 argument.\nSee '${usage} --help'.`)
    return ok({ kind: 'service-rm', names: rest })
  }
  if (sub !== 'create' && isUnmodelledCommand(['service', sub ?? ''])) return err('usage', formatUnmodelled(['service', sub ?? '']))
  if (sub !== 'create') return err('usage', `docker service: unknown command "${sub ?? ''}" (the simulator supports create, rm)`)
  const parsed = parseFlags(rest, CREATE_FLAGS, false, usage)
  if (!parsed.ok) return parsed
  const p = parsed.value
  const [image, ...cmd] = p.args
  if (image === undefined) return err('usage', `"${usage}" requires at least 1 argument.\nSee '${usage} --help'.`)
  const publish: PortSpec[] = []
  for (const text of flagAll(p, 'publish')) {
    const r = parsePortSpec(text)
    if (!r.ok) return r
    publish.push(...r.value)
  }
  const replicasText = flagLast(p, 'replicas')
  const replicas = replicasText === undefined ? null : Number(replicasText)
  if (replicas !== null && (!Number.isInteger(replicas) || replicas < 0)) {
    return err('invalid-argument', `invalid argument "${replicasText}" for "--replicas" flag: strconv.ParseUint: parsing "${replicasText}": invalid syntax`)
  }
  const mode = flagLast(p, 'mode') ?? 'replicated'
  if (mode !== 'replicated' && mode !== 'global') return err('invalid-argument', `invalid argument "${mode}" for "--mode" flag: must be "replicated" or "global"`)
  if (mode === 'global' && replicas !== null) return err('invalid-argument', 'replicas can only be used with replicated mode')
  const endpointMode = flagLast(p, 'endpoint-mode') ?? 'vip'
  if (endpointMode !== 'vip' && endpointMode !== 'dnsrr') return err('invalid-argument', `invalid endpoint mode: ${endpointMode}`)
  const constraints = []
  for (const c of flagAll(p, 'constraint')) {
    const m = /^\s*([\w.]+)\s*(==|!=)\s*(\S+)\s*$/.exec(c)
    if (!m) return err('invalid-argument', `invalid constraint: ${c} (expected for example node.hostname==host1)`)
    constraints.push({ key: m[1] as string, op: m[2] as '==' | '!=', value: m[3] as string })
  }
  return ok({
    kind: 'service-create',
    name: flagLast(p, 'name') ?? null,
    replicas,
    mode,
    networks: flagAll(p, 'network'),
    publish,
    constraints,
    endpointMode,
    image,
    cmd,
  })
}
