// The mutable scratchpad of one probe walk (local to runProbe, so the walk stays a pure function of the world).
import type { Ipv4 } from '../parse/ip'
import type { Endpoint, Host, Network, World } from '../model/types'
import { STAGE_OF_HOP, WRITTEN_BY_DOCKER, type HopKind } from './stages'
import type { EndReason } from './reason'
import type { AnsweredBy, Hop, HopPacket, Outcome } from './types'

export type Pkt = Readonly<{
  src: Ipv4
  dst: Ipv4
  proto: 'tcp' | 'udp' | 'icmp'
  sport?: number
  dport?: number
  srcMac?: string
  dstMac?: string
  origDst: Ipv4
  origDport?: number
  encap?: HopPacket['encap']
}>

export type End = Readonly<{ outcome: Outcome; answeredBy: AnsweredBy | null; reason: EndReason }>

// `resolved`: the endpoints the embedded DNS just answered with, on that network. Routing to the answer then needs no
// second lookup by address in the same (possibly 50,000-endpoint) network: byIp would return these very endpoints.
export type Ctx = {
  world: World
  hops: Hop[]
  depth: number
  resolved: Readonly<{ net: Network; eps: readonly Endpoint[] }> | null
  // Where the reply will meet learner rules on its way back, in request order (replies.ts walks them backwards).
  replies: ReplyCheck[]
}

/** A filter chain the reply crosses: FORWARD (and DOCKER-USER) where the request was forwarded, INPUT where a
 *  connection the host itself opened gets its answer, OUTPUT where a host process sends one. `p` is the reply as
 *  that chain sees it. */
export type ReplyCheck = Readonly<{ host: Host; chain: 'INPUT' | 'OUTPUT' | 'FORWARD'; p: Pkt; inIf: string | null; outIf: string | null }>

/** The reply to `p`: addresses and ports swapped (conntrack's reply tuple). */
export function reversed(p: Pkt): Pkt {
  const r: Pkt = { src: p.dst, dst: p.src, proto: p.proto, origDst: p.src }
  return { ...r, ...(p.dport !== undefined ? { sport: p.dport } : {}), ...(p.sport !== undefined ? { dport: p.sport, origDport: p.sport } : {}) }
}

/** The host opened this connection itself (a local process, docker-proxy, a VXLAN tunnel): its answer comes in
 *  through INPUT on `inIf`. */
export function expectReplyOnInput(ctx: Ctx, host: Host, request: Pkt, inIf: string | null): void {
  ctx.replies.push({ host, chain: 'INPUT', p: reversed(request), inIf, outIf: null })
}

/** A process on the host (a service, docker-proxy, the kernel's echo reply, a VXLAN endpoint) answers through
 *  OUTPUT, out of the interface the request came in on. */
export function expectReplyOnOutput(ctx: Ctx, host: Host, request: Pkt, outIf: string | null): void {
  ctx.replies.push({ host, chain: 'OUTPUT', p: reversed(request), inIf: null, outIf })
}

/** The endpoint that owns `ip` on `net` (or a `vip:<service>` marker), as `net.byIp` records it. */
export function ipOwner(ctx: Ctx, net: Network, ip: string): Endpoint | string | undefined {
  const r = ctx.resolved
  if (r !== null && r.net === net) for (const ep of r.eps) if (ep.ip === ip) return ep
  return net.byIp.get(ip)
}

export function toHopPacket(p: Pkt): HopPacket {
  const out: HopPacket = { src: p.src, dst: p.dst, proto: p.proto }
  if (p.srcMac !== undefined) out.srcMac = p.srcMac
  if (p.dstMac !== undefined) out.dstMac = p.dstMac
  if (p.sport !== undefined) out.sport = p.sport
  if (p.dport !== undefined) out.dport = p.dport
  if (p.encap !== undefined) out.encap = p.encap
  return out
}

/** Records a hop; its stage follows from its kind (trace/stages.ts), and kernel work that follows Docker's own
 *  rules says so in the note. */
export function hop(ctx: Ctx, kind: HopKind, at: string, p: Pkt, note: string): void {
  const author = WRITTEN_BY_DOCKER[kind]
  ctx.hops.push({ stage: STAGE_OF_HOP[kind], kind, at, packet: toHopPacket(p), note: author === undefined ? note : `${note}; ${author}` })
}

// The one bound on hand-offs that can come back to where they started (a service VIP picked again, a host that
// forwards a packet back onto its LAN): a real packet loses one TTL per router and dies at 0 (Linux starts at 64).
export const MAX_DEPTH = 16

/** Counts one such hand-off; false once the walk has made MAX_DEPTH of them. */
export function descend(ctx: Ctx): boolean {
  if (ctx.depth >= MAX_DEPTH) return false
  ctx.depth++
  return true
}

export function end(outcome: Outcome, reason: EndReason, answeredBy: AnsweredBy | null = null): End {
  return { outcome, answeredBy, reason }
}
