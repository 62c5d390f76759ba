// Layer 2 on a LAN (ARP, who owns an address), the host's routing table (connected LANs, then the LAN gateway),
// and the router/internet extension: NAT for the LAN and port forwards from the public address.
import { cidrContains, type Ipv4 } from '../parse/ip'
import { parentLan } from '../model/endpoints'
import type { Container, Host, Network, Router } from '../model/types'
import { lanKeyOf } from '../model/world'
import { arriveContainer } from './container-path'
import { descend, end, hop, type Ctx, type End, type Pkt } from './context'
import { receiveOnHost } from './host-path'

export type Sender =
  | Readonly<{ kind: 'host'; host: Host }>
  | Readonly<{ kind: 'macvlan'; host: Host; c: Container; net: Network }>
  | Readonly<{ kind: 'router'; router: Router }>


type Route = { lanKey: string; nextHop: Ipv4; srcMac: string; via: string; viaGateway: boolean } | { error: End }

function routeFromHost(ctx: Ctx, host: Host, p: Pkt): Route {
  // A down link has no routes (the kernel flushes them) and sends nothing.
  for (const r of host.routes) {
    const nic = host.nics.find((n) => n.name === r.dev)
    if (nic !== undefined && nic.up && cidrContains(r.to, p.dst)) {
      return { lanKey: lanKeyOf(nic), nextHop: p.dst, srcMac: nic.mac, via: nic.name, viaGateway: false }
    }
  }
  for (const nic of host.nics) {
    const lan = ctx.world.lans.get(nic.lan)
    if (nic.up && nic.ip !== null && lan !== undefined && cidrContains(lan.subnet, p.dst)) {
      return { lanKey: lanKeyOf(nic), nextHop: p.dst, srcMac: nic.mac, via: nic.name, viaGateway: false }
    }
  }
  for (const nic of host.nics) {
    const lan = ctx.world.lans.get(nic.lan)
    if (nic.up && nic.ip !== null && lan?.gateway != null) {
      return { lanKey: lanKeyOf(nic), nextHop: lan.gateway, srcMac: nic.mac, via: nic.name, viaGateway: true }
    }
  }
  hop(ctx, 'routing', `${host.name}:routing`, p, `no route to ${p.dst}: no LAN of ${host.name} contains it and there is no default gateway`)
  return { error: end('unreachable', { kind: 'no-gateway', errno: 'ENETUNREACH', host: host.name, ip: p.dst }) }
}

function routeFromMacvlan(ctx: Ctx, host: Host, c: Container, net: Network, p: Pkt): Route {
  const lanKey = parentLan(host, net)
  const mac = c.endpoints.find((e) => e.netId === net.id)?.mac ?? ''
  if (lanKey === null) {
    hop(ctx, 'macvlan', `${host.name}:${net.parent}`, p, `${net.name} has no parent interface on a LAN (internal/dummy parent)`)
    return { error: end('unreachable', { kind: 'macvlan-isolated', errno: 'ENETUNREACH', network: net.name, container: c.name }) }
  }
  if (net.subnet !== null && cidrContains(net.subnet, p.dst)) return { lanKey, nextHop: p.dst, srcMac: mac, via: net.parent as string, viaGateway: false }
  if (net.gateway !== null) return { lanKey, nextHop: net.gateway, srcMac: mac, via: net.parent as string, viaGateway: true }
  hop(ctx, 'routing', `${host.name}/${c.name}:routing`, p, `no default route: ${net.name} was created without --gateway (v29 installs none)`)
  return { error: end('unreachable', { kind: 'macvlan-no-gateway', errno: 'ENETUNREACH', driver: net.driver, network: net.name, container: c.name }) }
}

/** Put a packet on a LAN towards its next hop, resolving the next hop with ARP. */
export function lanSend(ctx: Ctx, sender: Sender, p: Pkt): End {
  let route: Route
  if (sender.kind === 'host') route = routeFromHost(ctx, sender.host, p)
  else if (sender.kind === 'macvlan') route = routeFromMacvlan(ctx, sender.host, sender.c, sender.net, p)
  else route = { lanKey: sender.router.lan, nextHop: p.dst, srcMac: sender.router.mac, via: 'lan', viaGateway: false }
  if ('error' in route) return route.error
  const owner = ctx.world.lanIndex.get(`${route.lanKey}|${route.nextHop}`)
  const senderName = sender.kind === 'router' ? sender.router.name : sender.host.name
  const out = { ...p, srcMac: route.srcMac }
  if (owner === undefined) {
    hop(ctx, 'routing', `${senderName}:${route.via}`, out, `ARP: who has ${route.nextHop}? no answer on ${route.lanKey}`)
    return end('unreachable', { kind: 'arp-no-answer', errno: 'EHOSTUNREACH', nextHop: route.nextHop, lan: route.lanKey, viaGateway: route.viaGateway })
  }
  // A down link answers no ARP: the frame finds nobody.
  const ownerNic = owner.kind === 'nic' ? ctx.world.hosts.get(owner.host)?.nics.find((n) => n.name === owner.nic) : undefined
  if (ownerNic !== undefined && !ownerNic.up && owner.kind === 'nic') {
    hop(ctx, 'routing', `${senderName}:${route.via}`, out, `ARP: who has ${route.nextHop}? ${owner.host}:${owner.nic} is down and does not answer`)
    return end('unreachable', { kind: 'arp-link-down', errno: 'EHOSTUNREACH', nextHop: route.nextHop, host: owner.host, nic: owner.nic })
  }
  // A macvlan child and its own parent interface cannot talk: the kernel filters it (facts 51). A host-side macvlan
  // "shim" on the same parent can, but only in bridge mode: in the kernel's default vepa mode (and private) every
  // frame goes out to the switch, which does not send it back down the port it came from.
  const ownHost = sender.kind === 'router' ? null : sender.host.name
  const shimMode = (host: Host | undefined, name: string) => { const n = host?.nics.find((x) => x.name === name); return n?.kind === 'macvlan' ? n.mode : null }
  const senderHost = sender.kind === 'router' ? undefined : sender.host
  const viaMode = owner.kind === 'container' && sender.kind === 'host' ? shimMode(senderHost, route.via) : owner.kind === 'nic' && sender.kind === 'macvlan' ? shimMode(senderHost, owner.nic) : null
  const childOfSender = owner.kind === 'container' && owner.host === ownHost && sender.kind === 'host' && viaMode !== 'bridge'
  const parentOfSender = owner.kind === 'nic' && sender.kind === 'macvlan' && owner.host === ownHost && viaMode !== 'bridge'
  if ((childOfSender || parentOfSender) && viaMode !== null) {
    hop(ctx, 'macvlan', `${senderName}:${route.via}`, out, `the shim is a macvlan in ${viaMode} mode: frames go out to the switch, which does not hairpin them back to a sibling on the same parent`)
    return end('unreachable', { kind: 'macvlan-shim-mode', errno: 'EHOSTUNREACH', mode: viaMode })
  }
  if (childOfSender || parentOfSender) {
    hop(ctx, 'macvlan', `${senderName}:${route.via}`, out, 'ARP never crosses between a macvlan child and its own parent interface')
    return end('unreachable', { kind: 'macvlan-parent', errno: 'EHOSTUNREACH' })
  }
  if (owner.kind === 'nic') {
    const host = ctx.world.hosts.get(owner.host) as Host
    const dstMac = host.nics.find((n) => n.name === owner.nic)?.mac
    hop(ctx, 'routing', `${senderName}:${route.via}`, { ...out, dstMac }, `ARP: ${route.nextHop} is at ${dstMac}; frame sent on ${route.lanKey}`)
    return receiveOnHost(ctx, host, owner.nic, { ...out, dstMac })
  }
  if (owner.kind === 'router') {
    const router = ctx.world.routers.find((r) => r.name === owner.name) as Router
    hop(ctx, 'routing', `${senderName}:${route.via}`, { ...out, dstMac: router.mac }, `ARP: ${route.nextHop} (router ${router.name}) is at ${router.mac}`)
    return routerFromLan(ctx, router, { ...out, dstMac: router.mac })
  }
  const host = ctx.world.hosts.get(owner.host) as Host
  const c = host.engine?.containers.get(owner.cid) as Container
  const ep = c.endpoints.find((e) => e.netId === owner.netId)
  const framed = { ...out, dstMac: ep?.mac }
  hop(ctx, 'macvlan', `${owner.host}:${c.name}`, framed, `ARP: ${route.nextHop} is macvlan/ipvlan container ${c.name} (own MAC ${ep?.mac} on the parent's LAN)`)
  return arriveContainer(ctx, host, c, framed)
}

function internetDeliver(ctx: Ctx, p: Pkt): End {
  const server = ctx.world.internet.find((h) => h.ip === p.dst)
  if (server === undefined) {
    const router = ctx.world.routers.find((r) => r.publicIp === p.dst)
    if (router !== undefined) return routerFromInternet(ctx, router, p)
    hop(ctx, 'internet', 'internet', p, `no machine in this world has ${p.dst}`)
    return end('timeout', { kind: 'internet-lost', ip: p.dst })
  }
  if (p.proto === 'icmp') {
    hop(ctx, 'internet', server.name, p, `${server.name} answers the ping`)
    return end('delivered', { kind: 'peer-ping', machine: server.name }, { host: server.name, container: null })
  }
  const listens = server.services.some((s) => s.port === p.dport && s.proto === p.proto)
  if (p.proto === 'udp') {
    hop(ctx, 'internet', server.name, p, listens ? `${server.name} receives the datagram on udp/${p.dport}` : `nothing listens on udp/${p.dport}: ICMP port unreachable`)
    return listens
      ? end('delivered', { kind: 'internet-delivered', server: server.name, proto: 'udp', port: p.dport as number }, { host: server.name, container: null, port: p.dport as number })
      : end('refused', { kind: 'internet-port-unreachable', server: server.name, port: p.dport as number })
  }
  hop(ctx, 'internet', server.name, p, listens ? `${server.name} accepts on port ${p.dport}` : `nothing listens on ${p.dport}: TCP RST`)
  return listens
    ? end('delivered', { kind: 'internet-delivered', server: server.name, proto: 'tcp', port: p.dport as number }, { host: server.name, container: null, port: p.dport as number })
    : end('refused', { kind: 'internet-refused', server: server.name, port: p.dport as number })
}

export function sendFromInternet(ctx: Ctx, from: string, p: Pkt): End {
  hop(ctx, 'internet', from, p, `${from} sends to ${p.dst}${p.dport ? `:${p.dport}` : ''}`)
  return internetDeliver(ctx, p)
}

export function routerFromInternet(ctx: Ctx, router: Router, p: Pkt): End {
  hop(ctx, 'router', `${router.name}:wan`, p, `arrives on ${router.name}'s public address`)
  const fwd = p.proto === 'icmp' ? undefined : router.forwards.find((f) => f.port === p.dport && f.proto === p.proto)
  if (fwd === undefined) {
    if (p.proto === 'icmp') return end('delivered', { kind: 'router-public-ping', router: router.name }, { host: router.name, container: null })
    hop(ctx, 'router', `${router.name}:wan`, p, `no port forward for ${p.proto}/${p.dport}: dropped`)
    return end('timeout', { kind: 'router-no-forward', router: router.name, proto: p.proto, port: p.dport })
  }
  // The router's conntrack entry is its own: the Docker host's conntrack starts from the packet it receives, so its
  // --ctorigdst/--ctorigdstport see the LAN address and port the router forwarded to, not the public ones.
  const dnat: Pkt = { ...p, dst: fwd.to, dport: fwd.toPort, origDst: fwd.to, origDport: fwd.toPort }
  hop(ctx, 'router', `${router.name}:lan`, dnat, `port forward: DNAT ${p.dst}:${p.dport} -> ${fwd.to}:${fwd.toPort}`)
  return lanSend(ctx, { kind: 'router', router }, dnat)
}

function routerFromLan(ctx: Ctx, router: Router, p: Pkt): End {
  if (p.dst === router.ip) {
    const refusal = p.proto === 'udp' ? `udp/${p.dport}: ICMP port unreachable` : `${p.dport}: RST`
    hop(ctx, 'router', `${router.name}:lan`, p, p.proto === 'icmp' ? 'the router answers the ping' : `the router has no service on ${refusal}`)
    return p.proto === 'icmp'
      ? end('delivered', { kind: 'peer-ping', machine: router.name }, { host: router.name, container: null })
      : end('refused', { kind: 'router-refused', router: router.name, proto: p.proto, port: p.dport as number })
  }
  if (p.dst === router.publicIp) return routerFromInternet(ctx, router, p)
  const snat: Pkt = { ...p, src: router.publicIp, srcMac: undefined, dstMac: undefined }
  hop(ctx, 'router', `${router.name}:wan`, snat, `NAT for the LAN: source ${p.src} -> ${router.publicIp}`)
  return internetDeliver(ctx, snat)
}

/** A host forwarding a packet on (a learner's FORWARD ACCEPT): back onto its LAN towards the next hop. */
export function routeOut(ctx: Ctx, host: Host, p: Pkt): End {
  if (!descend(ctx)) {
    hop(ctx, 'routing', `${host.name}:routing`, p, 'TTL exceeded: the packet has been forwarded in a loop')
    return end('timeout', { kind: 'ttl-exceeded', host: host.name })
  }
  return lanSend(ctx, { kind: 'host', host }, p)
}
