// `docker service create|rm|update` for swarm mode: --name, --replicas, --mode global, --network, --constraint,
// --endpoint-mode vip|dnsrr and --publish in short and long form; update takes --publish-add, --replicas, --image
// and --force (the service's tasks are replaced, as swarmkit's rolling update does).
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
  | Readonly<{ kind: 'service-update'; name: string; publishAdd: readonly PortSpec[]; replicas: number | null; image: string | null }>

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

const UPDATE_FLAGS: FlagSpec = {
  'publish-add': { kind: 'value' },
  replicas: { kind: 'value' },
  image: { kind: 'value' },
  force: { kind: 'bool' },
  detach: { kind: 'bool', short: 'd' },
  quiet: { kind: 'bool', short: 'q' },
}

function parseReplicas(text: string | undefined): Result<number | null> {
  const replicas = text === undefined ? null : Number(text)
  if (replicas !== null && (!Number.isInteger(replicas) || replicas < 0)) {
    return err('invalid-argument', `invalid argument "${text}" for "--replicas" flag: strconv.ParseUint: parsing "${text}": invalid syntax`)
  }
  return ok(replicas)
}

function parsePublish(texts: readonly string[]): Result<PortSpec[]> {
  const publish: PortSpec[] = []
  for (const text of texts) {
    const r = parsePortSpec(text)
    if (!r.ok) return r
    publish.push(...r.value)
  }
  return ok(publish)
}

function parseServiceUpdate(rest: readonly string[], usage: string): Result<ServiceCommand> {
  const parsed = parseFlags(rest, UPDATE_FLAGS, false, usage)
  if (!parsed.ok) return parsed
  const p = parsed.value
  if (p.args.length !== 1) return err('usage', `"${usage}" requires exactly 1 argument.\nSee '${usage} --help'.`)
  const publishAdd = parsePublish(flagAll(p, 'publish-add'))
  if (!publishAdd.ok) return publishAdd
  const replicas = parseReplicas(flagLast(p, 'replicas'))
  if (!replicas.ok) return replicas
  return ok({ kind: 'service-update', name: p.args[0] as string, publishAdd: publishAdd.value, replicas: replicas.value, image: flagLast(p, 'image') ?? null })
}

export function parseServiceCommand(argv: readonly string[]): Result<ServiceCommand> {
  const [sub, ...rest] = argv
  const usage = `docker service ${sub ?? ''}`.trim()
  if (sub === 'rm' || sub === 'remove') {
    if (rest.length === 0) return err('usage', `"${usage}" requires at least 1 argument.\nSee '${usage} --help'.`)
    return ok({ kind: 'service-rm', names: rest })
  }
  if (sub === 'update') return parseServiceUpdate(rest, usage)
  if (sub !== 'create' && isUnmodelledCommand(['service', sub ?? ''])) return err('usage', formatUnmodelled(['service', sub ?? '']))
  if (sub !== 'create') return err('usage', `docker service: unknown command "${sub ?? ''}" (the simulator supports create, rm, update)`)
  const parsed = parseFlags(rest, CREATE_FLAGS, false, usage)
  if (!parsed.ok) return parsed
  const p = parsed.value
  const [image, ...cmd] = p.args
  if (image === undefined) return err('usage', `"${usage}" requires at least 1 argument.\nSee '${usage} --help'.`)
  const published = parsePublish(flagAll(p, 'publish'))
  if (!published.ok) return published
  const publish = published.value
  const replicasResult = parseReplicas(flagLast(p, 'replicas'))
  if (!replicasResult.ok) return replicasResult
  const replicas = replicasResult.value
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
