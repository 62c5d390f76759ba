// Joining a container to a network (libnetwork's endpoint create + join): an address from IPAM, a MAC, DNS names on
// user-defined networks (facts 39–40), and, for macvlan/ipvlan, an ARP owner on the parent's LAN.
import type { Ipv4 } from '../parse/ip'
import { err, ok, type Result } from '../result'
import { appended, compact } from './compact'
import { macFrom, shortId } from './ids'
import { allocateAddress, hintAfterRelease } from './ipam'
import type { Container, Endpoint, Host, Network, World } from './types'
import { getNetwork, lanKeyOf, nextCounter, putNetwork } from './world'

/** Which LAN a macvlan/ipvlan network's parent sits on ("eth0.50" is VLAN 50 on eth0's LAN). */
export function parentLan(host: Host, net: Network): string | null {
  if (net.parent === null) return null
  const nic = host.nics.find((n) => n.name === net.parent)
  return nic === undefined ? null : lanKeyOf(nic)
}

/** The endpoints a name on `net` answers with, in the order they joined. A name held by one endpoint (nearly all of
 *  them) is stored bare, without an array around it: that is two arrays less per container. */
export function dnsAnswers(net: Network, name: string): readonly Endpoint[] {
  return answersOf(net.dns.get(name))
}

function answersOf(held: Endpoint | readonly Endpoint[] | undefined): readonly Endpoint[] {
  if (held === undefined) return compact([])
  return 'cid' in held ? [held] : held
}

function dnsNames(c: Container, net: Network, aliases: readonly string[]): string[] {
  // docker_gwbridge only carries overlay containers' egress; nobody resolves names through it.
  if (net.predefined || net.name === 'docker_gwbridge') return []
  const names = [c.name, ...aliases, shortId(c.id)]
  if (c.hostname !== null) names.push(c.hostname)
  return [...new Set(names)]
}

export function attachEndpoint(world: World, c: Container, netId: string, requested: Ipv4 | null, aliases: readonly string[]): Result<{ world: World; ip: Ipv4; mac: string }> {
  const net = getNetwork(world, c.host, netId)
  if (net === undefined) return err('no-such-network', `network ${netId} not found`)
  const alloc = allocateAddress(net, requested)
  if (!alloc.ok) return alloc
  const [w1, n] = nextCounter(world)
  // ipvlan shares the parent's MAC (docs: ipvlan driver); everything else gets its own.
  const host = w1.hosts.get(c.host) as Host
  const parentMac = host.nics.find((x) => x.name === net.parent)?.mac
  const mac = net.driver === 'ipvlan' && parentMac !== undefined ? parentMac : macFrom(n)
  const names = dnsNames(c, net, aliases)
  const ep: Endpoint = { host: c.host, cid: c.id, ip: alloc.value.ip, mac, names: compact(names) }
  let dns = net.dns
  for (const name of names) {
    const held = dns.get(name)
    dns = dns.set(name, held === undefined ? ep : appended(answersOf(held), ep))
  }
  const updated: Network = {
    ...net,
    endpoints: net.endpoints.set(c.id, ep),
    byIp: net.byIp.set(alloc.value.ip, ep),
    dns,
    nextHint: requested === null ? alloc.value.nextHint : net.nextHint,
  }
  let w2 = putNetwork(w1, c.host, updated)
  const lan = parentLan(host, net)
  if (lan !== null && (net.driver === 'macvlan' || net.driver === 'ipvlan')) {
    w2 = { ...w2, lanIndex: w2.lanIndex.set(`${lan}|${alloc.value.ip}`, { kind: 'container', host: c.host, cid: c.id, netId }) }
  }
  return ok({ world: w2, ip: alloc.value.ip, mac })
}

export function detachEndpoint(world: World, c: Container, netId: string): World {
  const net = getNetwork(world, c.host, netId)
  if (net === undefined) return world
  const ep = net.endpoints.get(c.id)
  if (ep === undefined) return world
  let dns = net.dns
  for (const name of ep.names) {
    const rest = answersOf(dns.get(name)).filter((e) => e.cid !== c.id)
    dns = rest.length === 0 ? dns.delete(name) : dns.set(name, rest.length === 1 ? (rest[0] as Endpoint) : compact(rest))
  }
  const updated: Network = {
    ...net,
    endpoints: net.endpoints.delete(c.id),
    byIp: net.byIp.delete(ep.ip),
    dns,
    nextHint: hintAfterRelease(net, ep.ip),
  }
  let w = putNetwork(world, c.host, updated)
  const lan = parentLan(w.hosts.get(c.host) as Host, net)
  if (lan !== null) w = { ...w, lanIndex: w.lanIndex.delete(`${lan}|${ep.ip}`) }
  return w
}

/** `docker rename`: each endpoint of the container answers DNS to the new name instead of the old one (the daemon
 *  renames the endpoint and its service records, daemon/rename.go). Addresses and MACs stay. */
export function renameEndpoints(world: World, c: Container, oldName: string): World {
  let w = world
  for (const e of c.endpoints) {
    const net = getNetwork(w, c.host, e.netId)
    const ep = net?.endpoints.get(c.id)
    if (net === undefined || ep === undefined || !ep.names.includes(oldName)) continue
    const names = [...new Set(ep.names.map((n) => (n === oldName ? c.name : n)))]
    const renamed: Endpoint = { ...ep, names: compact(names) }
    let dns = net.dns
    for (const name of ep.names) {
      const rest = answersOf(dns.get(name)).filter((x) => x.cid !== c.id)
      dns = rest.length === 0 ? dns.delete(name) : dns.set(name, rest.length === 1 ? (rest[0] as Endpoint) : compact(rest))
    }
    for (const name of names) {
      const held = dns.get(name)
      dns = dns.set(name, held === undefined ? renamed : appended(answersOf(held), renamed))
    }
    w = putNetwork(w, c.host, { ...net, endpoints: net.endpoints.set(c.id, renamed), byIp: net.byIp.set(ep.ip, renamed), dns })
  }
  return w
}
