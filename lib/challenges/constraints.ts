// Constraints judge how the learner built the world, read from describeWorld (state, not the typed text): a
// container that ended up on the host network fails "forbid-network-mode" however its flags were spelled.
import { describeWorld, type World } from '@/simulator'
import type { Constraint } from './schema'

export type ConstraintResult = { kind: Constraint['kind']; passed: boolean; message: string }

/** "an overlay", "an ipvlan" (said "eye-pee-vlan"), "a bridge", "a macvlan": the article goes by the sound. */
export function articleFor(driver: string): 'a' | 'an' {
  return /^[aeiou]/i.test(driver) ? 'an' : 'a'
}

function assertNever(x: never): never {
  throw new Error(`unhandled constraint ${JSON.stringify(x)}`)
}

export function checkConstraint(world: World, constraint: Constraint): ConstraintResult {
  const topology = describeWorld(world)
  switch (constraint.kind) {
    case 'forbid-network-mode': {
      const offenders = topology.hosts.flatMap((h) => h.containers.filter((c) => c.networkMode === constraint.mode).map((c) => `${c.name} on ${h.name}`))
      return offenders.length === 0
        ? { kind: constraint.kind, passed: true, message: `No container uses --network ${constraint.mode}.` }
        : { kind: constraint.kind, passed: false, message: `${constraint.message} (${offenders.join(', ')})` }
    }
    case 'require-driver': {
      const host = topology.hosts.find((h) => h.name === constraint.host)
      const container = host?.containers.find((c) => c.name === constraint.container)
      if (host === undefined || container === undefined) {
        return { kind: constraint.kind, passed: false, message: `There is no container named ${constraint.container} on ${constraint.host}. ${constraint.message}` }
      }
      const networks = container.endpoints.flatMap((e) => host.networks.filter((n) => n.name === e.network))
      const ok = networks.some((n) => n.driver === constraint.driver && (constraint.parent === undefined || n.parent === constraint.parent))
      const seen = networks.map((n) => `${n.name} (${n.driver}${n.parent === null ? '' : `, parent ${n.parent}`})`).join(', ') || 'no network'
      return ok
        ? { kind: constraint.kind, passed: true, message: `${constraint.container} is on ${articleFor(constraint.driver)} ${constraint.driver} network${constraint.parent === undefined ? '' : ` with parent ${constraint.parent}`}.` }
        : { kind: constraint.kind, passed: false, message: `${constraint.message} It is on ${seen}.` }
    }
    default:
      return assertNever(constraint)
  }
}
