// Swarm tasks as the walk names and picks them: `web.1` for a service's slot 1, and the task IPVS sends to.
import type { Container, Host, Service } from '../model/types'
import type { Ctx } from './context'

/** A container's name in hops and sentences: SERVICE.SLOT for a swarm task. */
export function label(c: Container): string {
  return c.service === null ? c.name : `${c.service.name}.${c.service.slot}`
}

/** The task IPVS picks for a service: the lowest running slot (deterministic; see README, Known simplifications). */
export function pickTask(ctx: Ctx, svc: Service | undefined): { host: Host; c: Container } | null {
  for (const t of [...(svc?.tasks ?? [])].sort((a, b) => a.slot - b.slot)) {
    const host = ctx.world.hosts.get(t.host)
    const c = host?.engine?.containers.get(t.cid)
    if (host !== undefined && c !== undefined && c.state === 'running') return { host, c }
  }
  return null
}
