// What a host's kernel does with a packet: routing from the host's own namespace, packets arriving on a NIC,
// Docker's nat/filter rules (v28.0.1+ layout, facts 23–31) and local delivery through INPUT.
import { cidrContains, isLoopback, type Ipv4 } from '../parse/ip'
import { gatewayNetwork, hostProcessListens, portKey } from '../model/ports'
import type { Container, Host, Network, PortOwner } from '../model/types'
import { visibleNetworks } from '../model/world'
import { arriveContainer, proxyToContainer } from './container-path'
import { egressNic, localBridges, ownsAddress, shadowingNic } from './addresses'
import { prerouting, userChain } from './chains'
import { end, expectReplyOnInput, expectReplyOnOutput, hop, type Ctx, type End, type Pkt } from './context'
import { ingressPath } from './ingress'
import { lanSend, routeOut } from './lan'

export function findBinding(host: Host, p: Pkt, includeLoopback: boolean): { owner: PortOwner; c: Container } | null {
  if (p.proto === 'icmp' || p.dport === undefined || host.engine === null) return null
  const owners = host.engine.ports.get(portKey(p.proto, p.dport)) ?? []
  const owner = owners.find((o) => o.hostIp === null || o.hostIp === p.dst || (includeLoopback && o.hostIp !== null && isLoopback(o.hostIp) && isLoopback(p.dst)))
  if (owner === undefined) return null
  const c = host.engine.containers.get(owner.cid)
  return c === undefined ? null : { owner, c }
}

function containerIpOn(ctx: Ctx, c: Container): { net: Network; ip: Ipv4 } | null {
  const gw = gatewayNetwork(ctx.world, c)
  const ep = gw === null ? undefined : c.endpoints.find((e) => e.netId === gw.id)
  return gw === null || ep === undefined ? null : { net: gw, ip: ep.ip }
}

/** Local delivery in the host namespace: INPUT, then a listening socket (a host service, host-network container,
 *  or docker-proxy for a published port) or a RST/ICMP reply. */
export function deliverToHost(ctx: Ctx, host: Host, p: Pkt, inIf: string): End {
  const input = userChain(ctx, host, 'INPUT', p, inIf, null)
  if (input !== null && input !== 'accept') return input
  const at = `${host.name}:${inIf}`
  // Whatever answers here (the kernel, a process, docker-proxy) sends its reply through OUTPUT.
  if (p.proto !== 'udp') expectReplyOnOutput(ctx, host, p, inIf)
  if (p.proto === 'icmp') {
    hop(ctx, 'host-stack', at, p, `the host's kernel answers the echo request on ${p.dst}`)
    return end('delivered', { kind: 'host-ping', host: host.name }, { host: host.name, container: null })
  }
  const dport = p.dport as number
  const listener = hostProcessListens(host, p.proto, dport)
  if (listener !== null) {
    const who = listener.container === null ? `a process on ${host.name}` : `container ${listener.container.name} (--network host, so it listens in the host's namespace)`
    const udp = p.proto === 'udp'
    hop(ctx, listener.container === null ? 'host-stack' : 'container', at, p, udp ? `${who} receives the datagram on udp/${dport}` : `${who} accepts on port ${dport}`)
    return end('delivered', { kind: 'host-delivered', host: host.name, hostNetworkContainer: listener.container?.name ?? null, proto: p.proto, port: dport }, { host: host.name, container: listener.container?.name ?? null, port: dport })
  }
  // docker-proxy listens on every published host address; it is what answers host-local and hairpin traffic (facts 26).
  const proxied = findBinding(host, p, true)
  if (proxied !== null) {
    const target = containerIpOn(ctx, proxied.c)
    if (target !== null) {
      const listen = `${proxied.owner.hostIp ?? '0.0.0.0'}:${dport}`
      const relay = p.proto === 'udp' ? `${listen}/udp receives the datagram and relays it from its own socket` : `${listen} accepts and opens its own connection`
      hop(ctx, 'docker-proxy', `${host.name}:docker-proxy`, p, `docker-proxy listening on ${relay} to ${target.ip}:${proxied.owner.containerPort}`)
      return proxyToContainer(ctx, host, proxied.c, target.net, target.ip, proxied.owner.containerPort, p)
    }
  }
  const loop = host.engine?.ports.get(portKey(p.proto, dport))?.find((o) => o.hostIp !== null && isLoopback(o.hostIp))
  const loopbackOnly = loop !== undefined && !isLoopback(p.dst) ? loop.hostIp : null
  if (p.proto === 'udp') return udpPortUnreachable(ctx, host, p, at, loopbackOnly)
  hop(ctx, 'host-stack', at, p, `nothing listens on ${p.dst}:${dport}; the kernel answers with a TCP RST`)
  return end('refused', { kind: 'host-refused', host: host.name, ip: p.dst, port: dport, loopbackOnly })
}

/** No UDP socket on the port: the kernel answers ICMP port unreachable (RFC 1122 § 4.1.3.1), which the client's
 *  socket reports as "Connection refused". A TCP-only mapping of the same port gets a hint, since `-p 1053:53`
 *  forwards no UDP. */
function udpPortUnreachable(ctx: Ctx, host: Host, p: Pkt, at: string, loopbackOnly: string | null): End {
  const dport = p.dport as number
  hop(ctx, 'host-stack', at, p, `nothing listens on udp ${p.dst}:${dport}; the kernel answers with ICMP port unreachable`)
  const tcp = host.engine?.ports.get(portKey('tcp', dport))?.[0]
  return end('refused', { kind: 'host-port-unreachable', host: host.name, ip: p.dst, port: dport, loopbackOnly, tcpOnly: tcp?.containerPort ?? null })
}

/** A DNATed or routed packet crossing FORWARD towards a container on a bridge network. */
export function forwardToContainer(ctx: Ctx, host: Host, c: Container, net: Network, p: Pkt, inIf: string): End {
  const br = net.bridge ?? net.name
  const head = userChain(ctx, host, 'FORWARD', p, inIf, br)
  if (head !== null && head !== 'accept') return head
  if (head === null) {
    const user = userChain(ctx, host, 'DOCKER-USER', p, inIf, br)
    if (user !== null && user !== 'accept') return user
    if (user === null && net.internal) {
      hop(ctx, 'docker-filter', `${host.name}:DOCKER-INTERNAL`, p, `DROP: ${net.name} is --internal (! -s ${net.subnet?.text} -o ${br} -j DROP)`)
      return end('timeout', { kind: 'internal-network', network: net.name })
    }
    const proto = p.proto === 'udp' ? '-p udp ' : ''
    hop(ctx, 'docker-filter', `${host.name}:DOCKER`, p, `FORWARD -> DOCKER-FORWARD -> DOCKER: ACCEPT -d ${p.dst} -o ${br} ${proto}--dport ${p.dport ?? ''} (published port)`)
  }
  const ep = c.endpoints.find((e) => e.netId === net.id)
  hop(ctx, 'bridge', `${host.name}:${br}`, { ...p, dstMac: ep?.mac }, `bridge ${br} delivers to ${c.name} through its veth pair`)
  return arriveContainer(ctx, host, c, { ...p, dstMac: ep?.mac })
}

/** A packet for one of the host's own addresses meets a published port's DNAT (nat PREROUTING, or OUTPUT when
 *  `inIf` is 'local'), then the swarm ingress mesh (seen as arriving on `meshIf`): the End of whichever takes it, or
 *  null when neither does and the host itself is the destination. */
export function toPublishedPort(ctx: Ctx, host: Host, p: Pkt, inIf: string, meshIf: string, fromBridge: Network | null): End | null {
  return tryDnat(ctx, host, p, inIf, fromBridge) ?? ingressPath(ctx, host, p, meshIf)
}

/** nat PREROUTING/OUTPUT -j DOCKER: DNAT of a published port on a local address (facts 25). */
function tryDnat(ctx: Ctx, host: Host, p: Pkt, inIf: string, fromBridge: Network | null): End | null {
  const found = findBinding(host, p, false)
  if (found === null) return null
  const target = containerIpOn(ctx, found.c)
  if (target === null) return null
  if (fromBridge !== null && fromBridge.id === target.net.id) return null // DNAT rule has "! -i br": docker-proxy handles hairpin
  const dnat: Pkt = { ...p, dst: target.ip, dport: found.owner.containerPort }
  const chain = inIf === 'local' ? 'OUTPUT' : 'PREROUTING'
  hop(ctx, 'docker-dnat', `${host.name}:nat ${chain}`, dnat, `DNAT ${p.dst}:${p.dport} -> ${target.ip}:${found.owner.containerPort} (published port of ${found.c.name})`)
  const shadow = shadowingNic(ctx, host, target.net, target.ip)
  if (shadow !== null) {
    hop(ctx, 'routing', `${host.name}:routing`, dnat, `the older route ${ctx.world.lans.get(shadow.lan)?.subnet.text} dev ${shadow.name} wins over ${target.net.subnet?.text} dev ${target.net.bridge}: the packet leaves on the LAN, not the bridge`)
    if (inIf === 'local') return lanSend(ctx, { kind: 'host', host }, dnat)
    // Forwarded from the NIC back out of it: no Docker rule accepts that, so FORWARD's policy DROP takes it.
    hop(ctx, 'docker-policy', `${host.name}:FORWARD`, dnat, `-i ${inIf} -o ${shadow.name}: no ACCEPT in DOCKER-FORWARD; policy DROP`)
    return end('timeout', { kind: 'dnat-shadowed', host: host.name, network: target.net.name, subnet: target.net.subnet?.text ?? '', nic: shadow.name })
  }
  if (inIf === 'local') {
    // filter OUTPUT runs after nat OUTPUT: it sees the container address and the bridge as the way out.
    const out = userChain(ctx, host, 'OUTPUT', dnat, null, target.net.bridge)
    if (out !== null && out !== 'accept') return out
    expectReplyOnInput(ctx, host, dnat, target.net.bridge)
    hop(ctx, 'bridge', `${host.name}:${target.net.bridge}`, dnat, `host-originated, so no FORWARD: straight onto bridge ${target.net.bridge}`)
    return arriveContainer(ctx, host, found.c, dnat)
  }
  return forwardToContainer(ctx, host, found.c, target.net, dnat, inIf)
}

/** Direct routing to a container IP from outside its bridge (static route, or another bridge network). */
export function blockedDirect(ctx: Ctx, host: Host, p: Pkt, target: Network, inIf: string, fromBridge: Network | null): End {
  const br = target.bridge as string
  hop(ctx, 'docker-filter', `${host.name}:raw PREROUTING`, p, `DROP -d ${p.dst} ! -i ${br} (Docker blocks direct access to container addresses)`)
  if (fromBridge !== null) {
    return end('timeout', { kind: 'isolated-bridges', from: fromBridge.name, to: target.name })
  }
  return end('timeout', { kind: 'direct-access-blocked', host: host.name, ip: p.dst, inIf })
}

/** A packet arriving from the wire on one of the host's NICs. */
export function receiveOnHost(ctx: Ctx, host: Host, nicName: string, p: Pkt): End {
  hop(ctx, 'nic', `${host.name}:${nicName}`, p, `arrives on ${nicName}`)
  const pre = prerouting(ctx, host, p, nicName)
  if (pre !== null) return pre
  if (ownsAddress(host, p.dst) !== null && !isLoopback(p.dst)) {
    const published = p.encap === undefined ? toPublishedPort(ctx, host, p, nicName, nicName, null) : null
    if (published !== null) return published
    return deliverToHost(ctx, host, p, nicName)
  }
  const bridge = localBridges(host).find((n) => n.subnet !== null && cidrContains(n.subnet, p.dst))
  if (bridge !== undefined) return blockedDirect(ctx, host, p, bridge, nicName, null)
  if (host.engine === null) {
    hop(ctx, 'host-stack', `${host.name}:${nicName}`, p, 'not addressed to this host and ip_forward is 0: dropped')
    return end('timeout', { kind: 'not-a-router', host: host.name, ip: p.dst })
  }
  const fwd = userChain(ctx, host, 'FORWARD', p, nicName, null) ?? userChain(ctx, host, 'DOCKER-USER', p, nicName, null)
  if (fwd !== null && fwd !== 'accept') return fwd
  if (fwd === 'accept') return routeOut(ctx, host, p)
  hop(ctx, 'docker-policy', `${host.name}:FORWARD`, p, 'policy DROP (Docker set it when it enabled ip_forward)')
  return end('timeout', { kind: 'forward-policy', host: host.name })
}

/** A packet the host itself sends (curl/ping run on the host, or a --network host container). */
export function sendFromHost(ctx: Ctx, host: Host, p: Pkt, label: string): End {
  hop(ctx, 'host-stack', `${host.name}:${label}`, p, `${label === 'host' ? host.name : label} sends to ${p.dst}${p.dport ? `:${p.dport}` : ''}`)
  const owned = ownsAddress(host, p.dst)
  if (owned !== null) {
    const published = isLoopback(p.dst) ? null : toPublishedPort(ctx, host, p, 'local', 'lo', null)
    if (published !== null) return published
    const out = userChain(ctx, host, 'OUTPUT', p, null, 'lo')
    if (out !== null && out !== 'accept') return out
    expectReplyOnInput(ctx, host, p, 'lo')
    return deliverToHost(ctx, host, p, 'lo')
  }
  const bridge = localBridges(host).find((n) => n.subnet !== null && cidrContains(n.subnet, p.dst))
  const shadow = bridge === undefined ? null : shadowingNic(ctx, host, bridge, p.dst)
  if (bridge !== undefined && shadow !== null) {
    hop(ctx, 'routing', `${host.name}:routing`, p, `two routes for ${p.dst}: ${ctx.world.lans.get(shadow.lan)?.subnet.text} dev ${shadow.name} (older) wins over ${bridge.subnet?.text} dev ${bridge.bridge}, so it goes out on the LAN`)
  } else if (bridge !== undefined) {
    const owner = bridge.byIp.get(p.dst)
    const c = owner === undefined || typeof owner === 'string' ? undefined : host.engine?.containers.get(owner.cid)
    if (c === undefined) {
      hop(ctx, 'bridge', `${host.name}:${bridge.bridge}`, p, `ARP for ${p.dst} on ${bridge.bridge}: no answer`)
      return end('unreachable', { kind: 'no-container-at', errno: 'EHOSTUNREACH', ip: p.dst, network: bridge.name })
    }
    const src = { ...p, src: bridge.gateway as Ipv4 }
    const out = userChain(ctx, host, 'OUTPUT', src, null, bridge.bridge)
    if (out !== null && out !== 'accept') return out
    expectReplyOnInput(ctx, host, src, bridge.bridge)
    hop(ctx, 'bridge', `${host.name}:${bridge.bridge}`, src, `the host reaches ${c.name} directly over ${bridge.bridge} (no FORWARD for host-originated traffic)`)
    return arriveContainer(ctx, host, c, src)
  }
  const otherNets = visibleNetworks(ctx.world, host.name).filter((n) => n.driver === 'overlay' && n.subnet !== null && cidrContains(n.subnet, p.dst))
  if (otherNets.length > 0) {
    hop(ctx, 'routing', `${host.name}:routing`, p, `overlay ${otherNets[0]?.name} lives in container namespaces; the host has no route into it`)
  }
  const nic = egressNic(ctx, host, p.dst)?.name ?? null
  const out = userChain(ctx, host, 'OUTPUT', p, null, nic)
  if (out !== null && out !== 'accept') return out
  expectReplyOnInput(ctx, host, p, nic)
  return lanSend(ctx, { kind: 'host', host }, p)
}
