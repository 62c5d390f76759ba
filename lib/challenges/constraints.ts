// Constraints judge how the learner built the world, read from the final state (state, not the typed text): a
// container that ended up on the host network fails "forbid-network-mode" however its flags were spelled. Two kinds
// also read the replay: keep-container (never stopped on the way) and keep-rules (compared with the start world).
import { describeWorld, findContainer, imageBase, parseDockerCommand, type World } from '@/simulator'
import type { Constraint } from './schema'
import type { ReplayedStep } from './replay'

export type ConstraintResult = { kind: Constraint['kind']; verifies: readonly string[]; passed: boolean; message: string }

/** What a constraint may read besides the final world: the start world and every replayed command. */
export type ConstraintContext = { start: World; history: readonly ReplayedStep[] }

/** "an overlay", "an ipvlan" (said "eye-pee-vlan"), "a bridge", "a macvlan": the article goes by the sound. */
export function articleFor(driver: string): 'a' | 'an' {
  return /^[aeiou]/i.test(driver) ? 'an' : 'a'
}

function assertNever(x: never): never {
  throw new Error(`unhandled constraint ${JSON.stringify(x)}`)
}

// Docker's own networks; every other one a learner created (a "user-defined" network in Docker's docs).
const PREDEFINED_NETWORKS = new Set(['bridge', 'host', 'none', 'ingress', 'docker_gwbridge'])

function ipToInt(ip: string): number {
  return ip.split('.').reduce((n, o) => n * 256 + Number(o), 0)
}

/** Whether prefix `outer` (base, len) covers all of `inner`. */
function covers(outer: { base: number; prefix: number }, inner: { base: number; prefix: number }): boolean {
  if (outer.prefix > inner.prefix) return false
  const mask = outer.prefix === 0 ? 0 : (0xffffffff << (32 - outer.prefix)) >>> 0
  return ((inner.base & mask) >>> 0) === outer.base
}

/** Whether `rules` still holds every one of `kept`, in the same order (other rules may sit in between). */
function keepsInOrder(rules: readonly string[], kept: readonly string[]): string | null {
  let at = 0
  for (const rule of kept) {
    const i = rules.indexOf(rule, at)
    if (i === -1) return rule
    at = i + 1
  }
  return null
}

const STOPPING = new Set(['stop', 'restart', 'kill'])

/** Why the start world's container `name` on `host` is not the same, always-running container at the end, or null. */
function keptContainer(world: World, ctx: ConstraintContext, host: string, name: string): string | null {
  const original = findContainer(ctx.start, host, name)
  if (original === undefined) return `there is no ${name} on ${host} in the start world`
  for (const step of ctx.history) {
    if (step.on === host && step.result.ok) {
      const cmd = parseDockerCommand(step.run.trim().replace(/^sudo\s+/, ''))
      if (cmd.ok && STOPPING.has(cmd.value.kind) && 'names' in cmd.value) {
        const hit = cmd.value.names.some((ref) => findContainer(step.before, host, ref)?.id === original.id)
        if (hit) return `"${step.run}" stopped it`
      }
    }
    const now = step.after.hosts.get(host)?.engine?.containers.get(original.id)
    if (now === undefined) return `"${step.run}" removed it${findContainer(world, host, name) === undefined ? '' : `; the ${name} running now is a new container`}`
    if (now.state !== 'running') return `"${step.run}" left it ${now.state}`
  }
  return null
}

export function checkConstraint(world: World, constraint: Constraint, ctx: ConstraintContext): ConstraintResult {
  const topology = describeWorld(world)
  const result = (passed: boolean, message: string): ConstraintResult => ({ kind: constraint.kind, verifies: constraint.verifies, passed, message })
  const findOn = (host: string, name: string) => topology.hosts.find((h) => h.name === host)?.containers.find((c) => c.name === name)
  const missing = (host: string, name: string) => result(false, `There is no container named ${name} on ${host}. ${constraint.message}`)
  switch (constraint.kind) {
    case 'forbid-network-mode': {
      // A stopped or never-started container holds no port and no address: only running ones count.
      const offenders = topology.hosts.flatMap((h) => h.containers.filter((c) => c.networkMode === constraint.mode && c.state === 'running').map((c) => `${c.name} on ${h.name}`))
      return offenders.length === 0 ? result(true, `No running container uses --network ${constraint.mode}.`) : result(false, `${constraint.message} (${offenders.join(', ')})`)
    }
    case 'require-driver': {
      const host = topology.hosts.find((h) => h.name === constraint.host)
      const container = host?.containers.find((c) => c.name === constraint.container)
      if (host === undefined || container === undefined) return missing(constraint.host, constraint.container)
      const networks = container.endpoints.flatMap((e) => host.networks.filter((n) => n.name === e.network))
      const ok = networks.some(
        (n) => n.driver === constraint.driver && (constraint.parent === undefined || n.parent === constraint.parent) && (constraint.userDefined !== true || !PREDEFINED_NETWORKS.has(n.name)),
      )
      const seen = networks.map((n) => `${n.name} (${n.driver}${n.parent === null ? '' : `, parent ${n.parent}`})`).join(', ') || 'no network'
      const kind = `${constraint.userDefined === true ? 'a user-defined' : articleFor(constraint.driver)} ${constraint.driver} network`
      return ok
        ? result(true, `${constraint.container} is on ${kind}${constraint.parent === undefined ? '' : ` with parent ${constraint.parent}`}.`)
        : result(false, `${constraint.message} It is on ${seen}.`)
    }
    case 'image': {
      const c = findOn(constraint.host, constraint.container)
      if (c === undefined) return missing(constraint.host, constraint.container)
      return imageBase(c.image) === imageBase(constraint.image)
        ? result(true, `${constraint.container} runs ${constraint.image}.`)
        : result(false, `${constraint.message} It runs ${c.image}.`)
    }
    case 'network-mode': {
      const c = findOn(constraint.host, constraint.container)
      if (c === undefined) return missing(constraint.host, constraint.container)
      const mode = c.networkMode === 'default' ? (c.endpoints.length === 0 ? 'no network' : `the network${c.endpoints.length > 1 ? 's' : ''} ${c.endpoints.map((e) => e.network).join(', ')}`) : `--network ${c.networkMode}`
      // Disconnected from every network, a container has only loopback: on a real host that is --network none.
      const attachments = world.hosts.get(constraint.host)?.engine?.names.get(constraint.container)?.attachments ?? []
      const effective = c.networkMode === 'default' && attachments.length === 0 ? 'none' : c.networkMode
      return effective === constraint.mode
        ? result(true, `${constraint.container} runs with --network ${constraint.mode}.`)
        : result(false, `${constraint.message} It runs with ${mode}.`)
    }
    case 'published-ports': {
      const c = world.hosts.get(constraint.host)?.engine?.names.get(constraint.container)
      if (c === undefined) return missing(constraint.host, constraint.container)
      const chosen = c.publish.filter((p) => p.hostPort !== null)
      const any = c.publish.length > 0 || c.publishAll
      if (constraint.allow === 'none') {
        return any ? result(false, `${constraint.message} It publishes ${c.publishAll ? '-P' : c.publish.map((p) => `${p.hostPort ?? ''}:${p.containerPort}`).join(', ')}.`) : result(true, `${constraint.container} publishes no port.`)
      }
      return chosen.length === 0
        ? result(true, `Docker picked ${constraint.container}'s host port${c.publish.length + (c.publishAll ? 1 : 0) > 1 ? 's' : ''}.`)
        : result(false, `${constraint.message} It publishes host port ${chosen.map((p) => p.hostPort).join(', ')}, chosen in the command.`)
    }
    case 'automatic-address': {
      const c = world.hosts.get(constraint.host)?.engine?.names.get(constraint.container)
      if (c === undefined) return missing(constraint.host, constraint.container)
      const fixed = c.attachments.filter((a) => a.ip !== null).map((a) => a.ip as string)
      return fixed.length === 0
        ? result(true, `Docker's IPAM gave ${constraint.container} its address.`)
        : result(false, `${constraint.message} Its address ${fixed.join(', ')} was given with --ip.`)
    }
    case 'keep-container': {
      const why = keptContainer(world, ctx, constraint.host, constraint.container)
      return why === null ? result(true, `${constraint.container} kept running all along.`) : result(false, `${constraint.message} (${why}.)`)
    }
    case 'keep-rules': {
      const rulesOf = (w: World) => describeWorld(w).hosts.find((h) => h.name === constraint.host)?.rules[constraint.chain] ?? []
      const kept = rulesOf(ctx.start).filter((r) => !constraint.except.includes(r))
      const gone = keepsInOrder(rulesOf(world), kept)
      return gone === null ? result(true, `The rest of ${constraint.chain} on ${constraint.host} is as it was.`) : result(false, `${constraint.message} (${gone} is gone or out of order.)`)
    }
    case 'route': {
      const host = world.hosts.get(constraint.host)
      const [addr, len] = constraint.to.split('/') as [string, string]
      const want = { base: ipToInt(addr), prefix: Number(len) }
      const ok = (host?.routes ?? []).some((r) => covers(r.to, want) && host?.nics.find((n) => n.name === r.dev)?.kind === constraint.devKind)
      const seen = (host?.routes ?? []).map((r) => `${r.to.text} dev ${r.dev}`).join(', ') || 'no route of yours'
      return ok ? result(true, `${constraint.host} routes ${constraint.to} through a ${constraint.devKind} interface.`) : result(false, `${constraint.message} ${constraint.host} has ${seen}.`)
    }
    case 'service': {
      const s = world.swarm === null ? undefined : [...world.swarm.services.values()].find((v) => v.name === constraint.service)
      if (s === undefined) return result(false, `There is no swarm service named ${constraint.service}. ${constraint.message}`)
      if (imageBase(s.image) !== imageBase(constraint.image)) return result(false, `${constraint.message} It runs ${s.image}.`)
      return s.tasks.length === constraint.tasks
        ? result(true, `${constraint.service} runs ${constraint.image} with ${constraint.tasks} task${constraint.tasks > 1 ? 's' : ''}.`)
        : result(false, `${constraint.message} It has ${s.tasks.length} tasks.`)
    }
    default:
      return assertNever(constraint)
  }
}
