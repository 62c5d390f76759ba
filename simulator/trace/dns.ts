// Name resolution as a learner's tools see it (facts 39–44): /etc/hosts (links, --add-host; curl and ping read it,
// nslookup does not), Docker's embedded DNS at 127.0.0.11 on user-defined networks only, swarm service names
// (VIP or dnsrr task IPs, tasks.SERVICE), and an upstream that answers NXDOMAIN for everything else.
import { isIpv4, type Ipv4 } from '../parse/ip'
import type { Container, Host, Network } from '../model/types'
import { dnsAnswers } from '../model/endpoints'
import { getNetwork } from '../model/world'
import { end, hop, type Ctx, type End, type Pkt } from './context'
import type { EndReason } from './reason'

export type Origin =
  | Readonly<{ kind: 'host'; host: Host }>
  | Readonly<{ kind: 'container'; host: Host; c: Container }>
  | Readonly<{ kind: 'internet'; name: string; ip: Ipv4 }>

export type Resolution = { ok: true; ips: Ipv4[] } | { ok: false; reason: EndReason }

function namesOnNetwork(ctx: Ctx, net: Network, name: string): Ipv4[] {
  const bare = name.endsWith(`.${net.name}`) ? name.slice(0, -(net.name.length + 1)) : name
  const svcName = bare.startsWith('tasks.') ? bare.slice(6) : bare
  const svc = ctx.world.swarm?.services.get(svcName)
  if (svc !== undefined && svc.networks.includes(net.id)) {
    const vip = svc.vips[net.id]
    if (!bare.startsWith('tasks.') && svc.endpointMode === 'vip' && vip !== undefined) return [vip]
    return [...svc.tasks]
      .sort((a, b) => a.slot - b.slot)
      .flatMap((t) => {
        const c = ctx.world.hosts.get(t.host)?.engine?.containers.get(t.cid)
        const ip = c?.endpoints.find((e) => e.netId === net.id)?.ip
        return ip === undefined ? [] : [ip]
      })
  }
  const eps = dnsAnswers(net, bare)
  if (eps.length > 0) ctx.resolved = { net, eps }
  return eps.map((ep) => ep.ip)
}

function etcHosts(host: Host, c: Container, name: string): Ipv4[] {
  if (name === c.name || name === c.id.slice(0, 12) || name === c.hostname) {
    const ip = c.endpoints[0]?.ip
    if (ip !== undefined) return [ip]
  }
  for (const l of c.links) {
    if (l.name !== name && l.alias !== name) continue
    const linked = host.engine?.names.get(l.name)
    const ip = linked?.endpoints[0]?.ip
    if (ip !== undefined) return [ip]
  }
  for (const h of c.addHosts) {
    if (h.name !== name) continue
    if (h.ip === 'host-gateway') {
      const docker0 = [...(host.engine?.networks.values() ?? [])].find((n) => n.name === 'bridge')
      if (docker0?.gateway != null) return [docker0.gateway]
    } else if (isIpv4(h.ip)) return [h.ip]
  }
  return []
}

export function resolveName(ctx: Ctx, origin: Origin, name: string, viaDnsOnly: boolean, p: Pkt): Resolution {
  if (isIpv4(name)) return { ok: true, ips: [name] }
  if (name === 'localhost') return { ok: true, ips: ['127.0.0.1' as Ipv4] }
  if (origin.kind !== 'container') {
    const who = origin.kind === 'host' ? origin.host.name : origin.name
    hop(ctx, 'resolver', `${who}:resolver`, { ...p, proto: 'udp', dport: 53 }, `lookup ${name}: the upstream DNS server answers NXDOMAIN`)
    return { ok: false, reason: { kind: 'name-outside-containers', name, machine: who } }
  }
  const { host, c } = origin
  const owner = c.netMode.kind === 'container' ? (host.engine?.containers.get(c.netMode.target) ?? c) : c
  if (!viaDnsOnly) {
    const fromHosts = etcHosts(host, owner === c ? c : { ...c, endpoints: owner.endpoints }, name)
    if (fromHosts.length > 0) {
      hop(ctx, 'container', `${host.name}:${c.name}:/etc/hosts`, p, `/etc/hosts: ${name} -> ${fromHosts[0]}`)
      return { ok: true, ips: fromHosts }
    }
  }
  const userNets = owner.endpoints
    .map((e) => getNetwork(ctx.world, host.name, e.netId))
    .filter((n): n is Network => n !== undefined && !n.predefined && n.name !== 'docker_gwbridge')
  const query: Pkt = { ...p, dst: '127.0.0.11' as Ipv4, proto: 'udp', dport: 53, origDst: '127.0.0.11' as Ipv4 }
  if (owner.netMode.kind === 'host') {
    // A host-network container gets the host's /etc/resolv.conf and asks the host's resolvers (facts 39, 64).
    hop(ctx, 'resolver', `${host.name}:resolver`, { ...query, dst: p.src }, `--network host: /etc/resolv.conf is ${host.name}'s own, and the upstream DNS server answers NXDOMAIN for ${name}`)
    return { ok: false, reason: { kind: 'name-host-network', name, container: c.name, host: host.name } }
  }
  if (owner.netMode.kind === 'none') {
    hop(ctx, 'resolver', `${host.name}:${c.name}:resolv.conf`, { ...query, dst: p.src }, `--network none: only lo, so the DNS query for ${name} cannot leave the container (Network unreachable)`)
    return { ok: false, reason: { kind: 'name-network-none', name, container: c.name } }
  }
  if (userNets.length === 0) {
    hop(ctx, 'resolver', `${host.name}:${c.name}:resolv.conf`, { ...query, dst: p.src }, `no embedded DNS on the default bridge: ${name} goes to the host's upstream DNS, which answers NXDOMAIN`)
    const linked = c.links.some((l) => l.name === name || l.alias === name)
    return { ok: false, reason: { kind: 'name-default-bridge', name, container: c.name, linked } }
  }
  for (const net of userNets) {
    const ips = namesOnNetwork(ctx, net, name)
    if (ips.length > 0) {
      hop(ctx, 'embedded-dns', `${host.name}:127.0.0.11`, query, `embedded DNS: ${name} -> ${ips.join(', ')} (network ${net.name})`)
      return { ok: true, ips }
    }
  }
  hop(ctx, 'embedded-dns', `${host.name}:127.0.0.11`, query, `embedded DNS: no container, alias or service "${name}" on ${userNets.map((n) => n.name).join(', ')}; upstream says NXDOMAIN`)
  return { ok: false, reason: { kind: 'name-unknown', name, container: c.name, networks: userNets.map((n) => n.name) } }
}

/** nslookup of an address asks for its PTR record: only the embedded DNS knows names, for containers it can see. */
export function reverseLookup(ctx: Ctx, origin: Origin, ip: Ipv4, p: Pkt): End & { address?: string } {
  const at = origin.kind === 'container' ? `${origin.host.name}:127.0.0.11` : `${origin.kind === 'host' ? origin.host.name : origin.name}:resolver`
  const query: Pkt = { ...p, dst: '127.0.0.11' as Ipv4, proto: 'udp', dport: 53 }
  if (origin.kind === 'container') {
    for (const e of origin.c.endpoints) {
      const net = getNetwork(ctx.world, origin.host.name, e.netId)
      const owner = net === undefined || net.predefined ? undefined : net.byIp.get(ip)
      const ep = owner === undefined || typeof owner === 'string' ? undefined : owner
      const c = ep === undefined ? undefined : ctx.world.hosts.get(ep.host)?.engine?.containers.get(ep.cid)
      if (c !== undefined && net !== undefined) {
        hop(ctx, 'embedded-dns', at, query, `embedded DNS: PTR ${ip} -> ${c.name}.${net.name}`)
        return { ...end('delivered', { kind: 'reverse-resolved', ip, container: c.name, network: net.name }), address: ip }
      }
    }
  }
  hop(ctx, origin.kind === 'container' ? 'embedded-dns' : 'resolver', at, query, `PTR ${ip}: NXDOMAIN`)
  return end('unresolved', { kind: 'no-ptr', ip })
}
