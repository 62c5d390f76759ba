// Inside container namespaces: sending (own routes: connected networks, then the gateway endpoint), bridges and
// ICC, overlay networks with VXLAN between nodes (facts 56–57), and the receiving application.
import { cidrContains, isLoopback, type Ipv4 } from '../parse/ip'
import { gatewayNetwork } from '../model/ports'
import type { Container, Host, Network } from '../model/types'
import { getNetwork } from '../model/world'
import { descend, end, expectReplyOnInput, hop, ipOwner, type Ctx, type End, type Pkt } from './context'
import { egressNic, localBridges, ownsAddress, shadowingNic } from './addresses'
import { prerouting, userChain } from './chains'
import { blockedDirect, deliverToHost, sendFromHost, toPublishedPort } from './host-path'
import { lanSend } from './lan'
import { label, pickTask } from './tasks'
import { crossUnderlay, VXLAN_PORT, vxlanOuter } from './vxlan'

function netnsMembers(host: Host, owner: Container): Container[] {
  const ids = host.engine?.sharers.get(owner.id) ?? []
  const sharers = ids.flatMap((id) => {
    const c = host.engine?.containers.get(id)
    return c?.state === 'running' ? [c] : []
  })
  return [owner, ...sharers]
}

export function arriveContainer(ctx: Ctx, host: Host, c: Container, p: Pkt): End {
  const at = `${host.name}:${label(c)}`
  if (p.proto === 'icmp') {
    hop(ctx, 'container', at, p, `${label(c)}'s kernel answers the echo request`)
    return end('delivered', { kind: 'container-ping', container: label(c), ip: p.dst }, { host: host.name, container: label(c) })
  }
  const port = p.dport as number
  const member = netnsMembers(host, c).find((m) => m.listens.some((l) => l.port === port && l.proto === p.proto))
  const udp = p.proto === 'udp'
  if (member !== undefined) {
    hop(ctx, 'container', `${host.name}:${label(member)}`, p, `${member.image} in ${label(member)} ${udp ? 'receives the datagram on udp/' : 'accepts on port '}${port}`)
    return end('delivered', { kind: 'container-delivered', container: label(member), image: member.image, host: host.name, proto: p.proto, port }, { host: host.name, container: label(member), port })
  }
  if (udp) return udpUnreachable(ctx, at, c, port, p)
  hop(ctx, 'container', at, p, `nothing listens on port ${port} in ${label(c)}: RST`)
  return end('refused', { kind: 'container-refused', container: label(c), image: c.image, listening: c.listens.map((l) => l.port), port })
}

function udpUnreachable(ctx: Ctx, at: string, c: Container, port: number, p: Pkt): End {
  hop(ctx, 'container', at, p, `nothing listens on udp/${port} in ${label(c)}: ICMP port unreachable`)
  const udp = c.listens.filter((l) => l.proto === 'udp').map((l) => l.port)
  const tcp = c.listens.filter((l) => l.proto === 'tcp').map((l) => l.port)
  return end('refused', { kind: 'container-port-unreachable', container: label(c), image: c.image, udp, tcp, port })
}

/** docker-proxy's own connection to the container: it comes from the bridge gateway address (facts 26). */
export function proxyToContainer(ctx: Ctx, host: Host, c: Container, net: Network, ip: Ipv4, port: number, p: Pkt): End {
  const q: Pkt = { src: net.gateway as Ipv4, dst: ip, proto: p.proto, sport: 40000, dport: port, origDst: p.origDst, origDport: p.origDport }
  const verb = p.proto === 'udp' ? 'relays the datagram' : 'connects'
  hop(ctx, 'docker-proxy', `${host.name}:docker-proxy`, q, `docker-proxy ${verb} from ${net.gateway} (the container will see this source, not the client)`)
  const out = userChain(ctx, host, 'OUTPUT', q, null, net.bridge)
  // docker-proxy gets the error, not the client, which only waits.
  if (out !== null && out !== 'accept') return end('timeout', { kind: 'proxy-output-dropped', host: host.name, container: label(c), ip, port })
  expectReplyOnInput(ctx, host, q, net.bridge)
  hop(ctx, 'bridge', `${host.name}:${net.bridge}`, q, `bridge ${net.bridge} delivers to ${label(c)} through its veth pair`)
  const r = arriveContainer(ctx, host, c, q)
  if (r.outcome !== 'refused') return r
  if (p.proto === 'udp') {
    return end('timeout', { kind: 'proxy-udp-no-listener', container: label(c), port })
  }
  return end('refused', { kind: 'proxy-empty-reply', container: label(c), port })
}

function vxlan(ctx: Ctx, from: Host, to: Host, net: Network, p: Pkt): End | null {
  const src = from.nics.find((n) => n.ip !== null)?.ip as Ipv4
  const dst = to.nics.find((n) => n.ip !== null)?.ip as Ipv4
  const encap = { src, dst, proto: 'udp' as const, dport: VXLAN_PORT, vni: net.vni ?? 4096 }
  hop(ctx, 'overlay', `${from.name}:vxlan`, { ...p, encap }, `VXLAN encapsulation: ${p.dst} lives on ${to.name}, so the frame goes inside UDP ${src} -> ${dst}:4789 (VNI ${encap.vni})`)
  const fromNic = from.nics.find((n) => n.ip === src)?.name ?? null
  const arrive = () => hop(ctx, 'nic', `${to.name}:${to.nics[0]?.name ?? 'eth0'}`, { ...p, encap }, 'VXLAN packet arrives on the underlay')
  const dropped = crossUnderlay(ctx, from, fromNic, to, to.nics[0]?.name ?? null, vxlanOuter(src, dst), arrive)
  if (dropped !== null) return end('timeout', { kind: 'vxlan-dropped', chain: dropped, host: dropped === 'OUTPUT' ? from.name : to.name, dst: p.dst })
  hop(ctx, 'overlay', `${to.name}:vxlan`, p, `decapsulated into overlay ${net.name}`)
  return null
}

function onSameNetwork(ctx: Ctx, host: Host, src: Container, net: Network, p: Pkt): End {
  // macvlan/ipvlan children sit directly on the parent's LAN: their neighbours are whatever answers ARP there.
  if ((net.driver === 'macvlan' || net.driver === 'ipvlan') && net.parent?.startsWith('dm-') === false) {
    return lanSend(ctx, { kind: 'macvlan', host, c: src, net }, p)
  }
  const owner = ipOwner(ctx, net, p.dst)
  if (typeof owner === 'string' && owner.startsWith('vip:') && descend(ctx)) {
    const task = pickTask(ctx, ctx.world.swarm?.services.get(owner.slice(4)))
    const ip = task?.c.endpoints.find((e) => e.netId === net.id)?.ip
    if (task === null || ip === undefined) {
      hop(ctx, 'ipvs', `${host.name}:ipvs`, p, `VIP ${p.dst} has no running task`)
      return end('timeout', { kind: 'vip-no-task', vip: p.dst })
    }
    hop(ctx, 'ipvs', `${host.name}:${label(src)}:ipvs`, { ...p, dst: ip }, `IPVS: service VIP ${p.dst} -> task ${label(task.c)} at ${ip}`)
    return onSameNetwork(ctx, host, src, net, { ...p, dst: ip })
  }
  const ep = owner === undefined || typeof owner === 'string' ? undefined : owner
  const dstHost = ep === undefined ? undefined : ctx.world.hosts.get(ep.host)
  const target = ep === undefined ? undefined : dstHost?.engine?.containers.get(ep.cid)
  const where = `${host.name}:${net.bridge ?? net.name}`
  if (ep === undefined || dstHost === undefined || target === undefined) {
    hop(ctx, 'bridge', where, p, `ARP for ${p.dst} on ${net.name}: no answer`)
    return end('unreachable', { kind: 'no-container-at', errno: 'EHOSTUNREACH', ip: p.dst, network: net.name })
  }
  const framed = { ...p, dstMac: ep.mac }
  if (net.driver === 'bridge') {
    if (!net.icc) {
      hop(ctx, 'docker-filter', `${host.name}:DOCKER-FORWARD`, framed, `DROP -i ${net.bridge} -o ${net.bridge} (enable_icc=false)`)
      return end('timeout', { kind: 'icc-disabled', network: net.name })
    }
    // Bridged frames cross iptables too (Docker turns on bridge-nf-call-iptables): PREROUTING, then FORWARD.
    const pre = prerouting(ctx, host, p, net.bridge as string)
    if (pre !== null) return pre
    const head = userChain(ctx, host, 'FORWARD', p, net.bridge, net.bridge) ?? userChain(ctx, host, 'DOCKER-USER', p, net.bridge, net.bridge)
    if (head !== null && head !== 'accept') return head
    hop(ctx, 'bridge', where, framed, `bridge ${net.bridge} switches the frame to ${target.name}'s veth (same network)`)
    return arriveContainer(ctx, host, target, framed)
  }
  if (net.driver === 'overlay') {
    if (dstHost.name !== host.name) {
      const blocked = vxlan(ctx, host, dstHost, net, framed)
      if (blocked !== null) return blocked
    } else hop(ctx, 'overlay', where, framed, `overlay ${net.name}: same node, switched locally without VXLAN`)
    return arriveContainer(ctx, dstHost, target, framed)
  }
  hop(ctx, 'macvlan', where, framed, `${net.driver} on dummy parent ${net.parent}: container to container`)
  return arriveContainer(ctx, dstHost, target, framed)
}

/** A packet leaving a container towards the host through the bridge gateway (the container's default route). */
function viaBridgeGateway(ctx: Ctx, host: Host, net: Network, p: Pkt): End {
  const br = net.bridge as string
  hop(ctx, 'bridge', `${host.name}:${br}`, p, `to the default gateway ${net.gateway} on ${br}; the host routes it`)
  const pre = prerouting(ctx, host, p, br)
  if (pre !== null) return pre
  const shadow = shadowingNic(ctx, host, net, p.src)
  if (shadow !== null) {
    // Whatever answers (the host, a container, the internet through MASQUERADE) answers ${p.src}, and the host routes
    // that address out of the NIC whose older route covers the same prefix: the answer never reaches the bridge.
    hop(ctx, 'routing', `${host.name}:routing`, p, `${net.name} uses ${net.subnet?.text}, which the host already routes to ${shadow.name}: answers to ${p.src} go out on the LAN`)
    return end('timeout', { kind: 'reply-shadowed', host: host.name, network: net.name, subnet: net.subnet?.text ?? '', nic: shadow.name, src: p.src, bridge: br })
  }
  if (ownsAddress(host, p.dst) !== null) {
    return toPublishedPort(ctx, host, p, br, br, net) ?? deliverToHost(ctx, host, p, br)
  }
  const other = localBridges(host).find((n) => n.subnet !== null && cidrContains(n.subnet, p.dst))
  if (other !== undefined) return blockedDirect(ctx, host, p, other, br, net)
  const nic = egressNic(ctx, host, p.dst)
  const head = userChain(ctx, host, 'FORWARD', p, br, nic?.name ?? null) ?? userChain(ctx, host, 'DOCKER-USER', p, br, nic?.name ?? null)
  if (head !== null && head !== 'accept') return head
  if (nic?.ip == null) {
    hop(ctx, 'routing', `${host.name}:routing`, p, 'the host has no address to masquerade behind')
    return end('unreachable', { kind: 'no-route-out', errno: 'ENETUNREACH', host: host.name })
  }
  const masq: Pkt = { ...p, src: nic.ip, srcMac: undefined, dstMac: undefined }
  hop(ctx, 'docker-masquerade', `${host.name}:nat POSTROUTING`, masq, `FORWARD: DOCKER-FORWARD -i ${br} -j ACCEPT; MASQUERADE ${p.src} -> ${nic.ip} (out ${nic.name})`)
  return lanSend(ctx, { kind: 'host', host }, masq)
}

export function sendFromContainer(ctx: Ctx, host: Host, c0: Container, p: Pkt): End {
  const owner = c0.netMode.kind === 'container' ? host.engine?.containers.get(c0.netMode.target) : c0
  if (owner === undefined) return end('error', { kind: 'namespace-gone', container: c0.name })
  // A container that joined another's namespace (--network container:db, often a throwaway helper with a random
  // name) sends from that namespace: hops and texts name the owner, so the path reads the same whoever sends.
  const where = label(owner)
  const who = owner === c0 ? label(c0) : `${where}'s network namespace`
  if (owner.netMode.kind === 'host') return sendFromHost(ctx, host, p, `${where} (host network)`)
  hop(ctx, 'container', `${host.name}:${where}`, p, `${who} sends to ${p.dst}${p.dport ? `:${p.dport}` : ''}`)
  if (isLoopback(p.dst) || owner.endpoints.some((e) => e.ip === p.dst)) return arriveContainer(ctx, host, owner, p)
  if (owner.netMode.kind === 'none') {
    hop(ctx, 'routing', `${host.name}:${where}`, p, '--network none: only lo, no routes')
    return end('unreachable', { kind: 'network-none', errno: 'ENETUNREACH', who })
  }
  for (const e of owner.endpoints) {
    const net = getNetwork(ctx.world, host.name, e.netId)
    if (net?.subnet == null || !cidrContains(net.subnet, p.dst)) continue
    const src = { ...p, src: e.ip, srcMac: e.mac }
    if (net.driver === 'bridge' && p.dst === net.gateway) return viaBridgeGateway(ctx, host, net, src)
    return onSameNetwork(ctx, host, owner, net, src)
  }
  const gw = gatewayNetwork(ctx.world, owner)
  if (gw === null) {
    hop(ctx, 'routing', `${host.name}:${where}`, p, 'no default route in the container')
    const internal = owner.endpoints.some((e) => getNetwork(ctx.world, host.name, e.netId)?.internal === true)
    return end('unreachable', { kind: 'no-default-route', errno: 'ENETUNREACH', who, internal })
  }
  const ep = owner.endpoints.find((e) => e.netId === gw.id)
  const src = { ...p, src: ep?.ip ?? p.src, srcMac: ep?.mac }
  if (gw.driver === 'bridge') return viaBridgeGateway(ctx, host, gw, src)
  return lanSend(ctx, { kind: 'macvlan', host, c: owner, net: gw }, src)
}
