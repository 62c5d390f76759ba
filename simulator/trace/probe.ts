// runProbe: one probe command walked hop by hop through the world.
//
//   internet ──> router (NAT, port forwards) ──> LAN (ARP) ──> host NIC
//        │                                                        │
//        │            raw PREROUTING (direct-access drops) ──> nat PREROUTING/OUTPUT (-j DOCKER: DNAT)
//        │                                   │ local address, no DNAT          │ DNAT to a container
//        │                                   v                                 v
//        │                      INPUT ──> host process / docker-proxy   FORWARD: DOCKER-USER ──> DOCKER-FORWARD
//        │                                                              (ICC, INTERNAL, published-port ACCEPT)
//        │                                                                     │
//        │      bridge/veth, macvlan child, overlay (VXLAN udp/4789) <─────────┘
//        v                                     │
//   container netns: 127.0.0.11 DNS, routes ──> container app (listening socket, or RST / ICMP port unreachable)
//   and back out: container ──> bridge ──> FORWARD ──> POSTROUTING MASQUERADE ──> host NIC ──> LAN/router
//
// Every place a packet can stop appends a hop saying why, and its End carries the reason as data (reason.ts): the
// rule, the address, the errno. explain.ts turns that into the one sentence the learner reads.
import { isIpv4, type Ipv4 } from '../parse/ip'
import { parseProbeCommand, type ProbeCommand, type ProbeTool } from '../parse/probe-command'
import type { World } from '../model/types'
import { findContainer } from '../model/world'
import { sendFromContainer } from './container-path'
import { end, type Ctx, type End, type Pkt } from './context'
import { explain } from './explain'
import { resolveName, reverseLookup, type Origin } from './dns'
import { sendFromHost } from './host-path'
import { egressNic } from './addresses'
import { sendFromInternet } from './lan'
import { missingToolMessage } from './missing-tool'
import { checkReply } from './replies'
import type { ProbeResult } from './types'

function originIp(ctx: Ctx, origin: Origin, dst: Ipv4): Ipv4 {
  if (dst.startsWith('127.')) return '127.0.0.1' as Ipv4
  if (origin.kind === 'internet') return origin.ip
  if (origin.kind === 'container') {
    const owner = origin.c.netMode.kind === 'container' ? origin.host.engine?.containers.get(origin.c.netMode.target) : origin.c
    if (owner?.netMode.kind !== 'host') return owner?.endpoints[0]?.ip ?? ('127.0.0.1' as Ipv4)
  }
  return egressNic(ctx, origin.host, dst)?.ip ?? ('127.0.0.1' as Ipv4)
}

function failure(ctx: Ctx, at: string, message: string): End {
  ctx.hops.push({ stage: 'os', kind: 'host-stack', at, packet: { src: '0.0.0.0', dst: '0.0.0.0', proto: 'tcp' }, note: message })
  return end('error', { kind: 'failed', message })
}

/** What runProbe may be asked beyond the line. */
export type ProbeOptions = Readonly<{
  // false: probe from the container's network namespace whatever tools its image has, as a helper container joined
  // to it would (`docker run --rm --network container:C alpine …`). The reachability matrix asks this way.
  imageTools?: boolean
}>

function findOrigin(ctx: Ctx, from: string, exec: string | null, tool: ProbeTool, argv: readonly string[], imageTools: boolean): Origin | End {
  const host = ctx.world.hosts.get(from)
  if (host === undefined) {
    const inet = ctx.world.internet.find((h) => h.name === from)
    if (inet === undefined || exec !== null) return failure(ctx, from, exec !== null ? 'docker: command not found' : `no host named "${from}"`)
    return { kind: 'internet', name: inet.name, ip: inet.ip }
  }
  if (exec === null) return { kind: 'host', host }
  if (host.engine === null) return failure(ctx, from, 'bash: docker: command not found')
  const c = findContainer(ctx.world, from, exec)
  if (c === undefined) return failure(ctx, from, `Error response from daemon: No such container: ${exec}`)
  if (c.state !== 'running') return failure(ctx, `${from}:${c.name}`, `Error response from daemon: container ${c.id} is not running`)
  // runc looks the program up in the container's $PATH only once the container is known to be running.
  const missing = imageTools ? missingToolMessage(c, tool, argv) : null
  if (missing !== null) return failure(ctx, `${from}:${c.name}`, missing)
  return { kind: 'container', host, c }
}

function walk(ctx: Ctx, origin: Origin, tool: ProbeTool): End & { address?: string } {
  const name = tool.kind === 'nslookup' ? tool.name : tool.host
  const seed: Pkt = { src: '0.0.0.0' as Ipv4, dst: '0.0.0.0' as Ipv4, proto: 'udp', origDst: '0.0.0.0' as Ipv4 }
  const provisional = originIp(ctx, origin, '8.8.8.8' as Ipv4)
  if (tool.kind === 'nslookup' && isIpv4(name)) return reverseLookup(ctx, origin, name, { ...seed, src: provisional })
  const resolved = resolveName(ctx, origin, name, tool.kind === 'nslookup', { ...seed, src: provisional })
  if (!resolved.ok) return end('unresolved', resolved.reason)
  const dst = resolved.ips[0] as Ipv4
  if (tool.kind === 'nslookup') return { ...end('delivered', { kind: 'resolved', name, addresses: resolved.ips }), address: dst }
  const p: Pkt =
    tool.kind === 'ping'
      ? { src: originIp(ctx, origin, dst), dst, proto: 'icmp', origDst: dst }
      : { src: originIp(ctx, origin, dst), dst, proto: tool.proto, sport: 49152, dport: tool.port, origDst: dst, origDport: tool.port }
  const request = origin.kind === 'host' ? sendFromHost(ctx, origin.host, p, 'host') : origin.kind === 'container' ? sendFromContainer(ctx, origin.host, origin.c, p) : sendFromInternet(ctx, origin.name, p)
  // A UDP datagram counts as delivered when the listener gets it; it needs no answer (see README, UDP).
  return p.proto === 'udp' ? request : checkReply(ctx, request)
}

/** Walks `probe` (a line as typed, or one parse/ already read) from machine `from`. */
export function runProbe(world: World, from: string, probe: ProbeCommand | string, options: ProbeOptions = {}): ProbeResult {
  const ctx: Ctx = { world, hops: [], depth: 0, resolved: null, replies: [] }
  const parsed = typeof probe === 'string' ? parseProbeCommand(probe) : { ok: true as const, value: probe }
  let result: End & { address?: string }
  if (!parsed.ok) result = failure(ctx, from, parsed.error.message)
  else {
    const origin = findOrigin(ctx, from, parsed.value.exec, parsed.value.tool, parsed.value.argv, options.imageTools !== false)
    result = 'outcome' in origin ? origin : walk(ctx, origin, parsed.value.tool)
  }
  const explanation = explain(result.reason)
  if (ctx.hops.length === 0) ctx.hops.push({ stage: 'os', kind: 'host-stack', at: from, packet: { src: '0.0.0.0', dst: '0.0.0.0', proto: 'tcp' }, note: explanation })
  const out: ProbeResult = { outcome: result.outcome, answeredBy: result.answeredBy, reason: result.reason, explanation, trace: ctx.hops }
  if (result.address !== undefined) out.address = result.address
  return out
}
