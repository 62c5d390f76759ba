// Building the initial world from a scenario, and the small accessors every model and trace module shares.
import { parseCidr, type Cidr, type Ipv4 } from '../parse/ip'
import type { Scenario } from '../parse/scenario'
import { appended } from './compact'
import { hexId, macFrom } from './ids'
import { pickLocalSubnet } from './ipam'
import { PMap } from './pmap'
import type { Container, Engine, Host, LanInfo, LanOwner, Network, Nic, World } from './types'

/** The broadcast domain a NIC is on: its LAN, or that LAN's VLAN when the NIC is an 802.1Q sub-interface. */
export function lanKeyOf(nic: Nic): string {
  return nic.vlan === null ? nic.lan : `${nic.lan}.vlan${nic.vlan}`
}

export function emptyNetwork(fields: Partial<Network> & Pick<Network, 'id' | 'name' | 'driver' | 'seq'>): Network {
  return {
    scope: 'local',
    predefined: false,
    subnet: null,
    userSubnet: false,
    gateway: null,
    ipRange: null,
    aux: [],
    ipv6: false,
    internal: false,
    icc: true,
    attachable: false,
    ingress: false,
    bridge: null,
    parent: null,
    ipvlanMode: null,
    vni: null,
    endpoints: PMap.empty(),
    byIp: PMap.empty(),
    dns: PMap.empty(),
    nextHint: 0,
    serial: false,
    ...fields,
  }
}

export function nextCounter(world: World): [World, number] {
  return [{ ...world, counter: world.counter + 1 }, world.counter + 1]
}

/** The subnets a new local network must not overlap: existing local networks and the host's on-link routes. */
export function takenLocalSubnets(world: World, host: Host): Cidr[] {
  const taken: Cidr[] = []
  for (const n of host.engine?.networks.values() ?? []) if (n.subnet !== null) taken.push(n.subnet)
  for (const nic of host.nics) {
    const lan = world.lans.get(nic.lan)
    if (lan !== undefined && nic.ip !== null) taken.push(lan.subnet)
  }
  return taken
}

function defaultEngine(world: World, host: Host, counter: number): Engine {
  const subnet = pickLocalSubnet(takenLocalSubnets(world, host)) as Cidr
  const bridge = emptyNetwork({
    id: hexId(counter),
    name: 'bridge',
    driver: 'bridge',
    predefined: true,
    subnet,
    gateway: `${subnet.text.split('.').slice(0, 3).join('.')}.1` as Ipv4,
    bridge: 'docker0',
    seq: counter,
  })
  const hostNet = emptyNetwork({ id: hexId(counter + 1), name: 'host', driver: 'host', predefined: true, seq: counter + 1 })
  const none = emptyNetwork({ id: hexId(counter + 2), name: 'none', driver: 'null', predefined: true, seq: counter + 2 })
  return {
    networks: new Map([bridge, hostNet, none].map((n) => [n.id, n])),
    containers: PMap.empty(),
    names: PMap.empty(),
    ports: PMap.empty(),
    swarm: null,
    hostNet: [],
    sharers: PMap.empty(),
  }
}

export function createWorld(scenario: Scenario): World {
  const lans = new Map<string, LanInfo>()
  for (const l of scenario.lans) {
    const subnet = parseCidr(l.subnet)
    if (subnet.ok) lans.set(l.name, { name: l.name, subnet: subnet.value, gateway: (l.gateway as Ipv4 | undefined) ?? null })
  }
  let world: World = {
    lans,
    hosts: PMap.empty(),
    hostOrder: scenario.hosts.map((h) => h.name),
    routers: [],
    internet: scenario.internet.map((h) => ({ name: h.name, ip: h.ip as Ipv4, services: h.services })),
    lanIndex: PMap.empty(),
    swarm: null,
    counter: 0,
  }
  let lanIndex = PMap.empty<LanOwner>()
  let counter = 0
  scenario.hosts.forEach((h, i) => {
    const nics = h.nics.map((n, j): Nic => {
      const tag = /^(.+)\.(\d{1,4})$/.exec(n.name)
      return {
        name: n.name,
        kind: tag ? 'vlan' : 'physical',
        lan: n.lan,
        ip: n.ip as Ipv4,
        mac: n.mac ?? macFrom(100000 + i * 16 + j),
        vlan: tag ? Number(tag[2]) : null,
        link: tag ? (tag[1] as string) : null,
        up: true,
        mode: null,
      }
    })
    for (const n of nics) lanIndex = lanIndex.set(`${lanKeyOf(n)}|${n.ip}`, { kind: 'nic', host: h.name, nic: n.name })
    const host: Host = {
      name: h.name,
      docker: h.docker,
      nics,
      services: h.services,
      engine: null,
      chains: { INPUT: [], FORWARD: [], OUTPUT: [], 'DOCKER-USER': [], 'raw PREROUTING': [], 'mangle PREROUTING': [] },
      forwardAppended: [],
      routes: [],
      seq: i,
    }
    const withEngine = h.docker ? { ...host, engine: defaultEngine(world, host, counter + 1) } : host
    if (h.docker) counter += 3
    world = { ...world, hosts: world.hosts.set(h.name, withEngine) }
  })
  const routers = scenario.routers.map((r, i) => {
    lanIndex = lanIndex.set(`${r.lan}|${r.ip}`, { kind: 'router', name: r.name })
    return {
      name: r.name,
      lan: r.lan,
      ip: r.ip as Ipv4,
      publicIp: r.publicIp as Ipv4,
      mac: macFrom(200000 + i),
      forwards: r.forwards.map((f) => ({ port: f.port, proto: f.proto, to: f.to as Ipv4, toPort: f.toPort ?? f.port })),
    }
  })
  return { ...world, routers, lanIndex, counter }
}

export function getHost(world: World, name: string): Host | undefined {
  return world.hosts.get(name)
}

export function putHost(world: World, host: Host): World {
  return { ...world, hosts: world.hosts.set(host.name, host) }
}

export function putEngine(world: World, host: Host, engine: Engine): World {
  return putHost(world, { ...host, engine })
}

export function getContainer(world: World, host: string, cid: string): Container | undefined {
  return world.hosts.get(host)?.engine?.containers.get(cid)
}

export function putContainer(world: World, c: Container): World {
  const host = world.hosts.get(c.host) as Host
  const engine = host.engine as Engine
  const isNew = !engine.containers.has(c.id)
  let { hostNet, sharers } = engine
  if (isNew && c.netMode.kind === 'host') hostNet = appended(hostNet, c.id)
  if (isNew && c.netMode.kind === 'container') sharers = sharers.set(c.netMode.target, appended(sharers.get(c.netMode.target), c.id))
  return putEngine(world, host, { ...engine, containers: engine.containers.set(c.id, c), names: engine.names.set(c.name, c), hostNet, sharers })
}

/** A network visible to `host`: its local networks, or the swarm's overlays when the host is a swarm node. */
export function getNetwork(world: World, host: string, netId: string): Network | undefined {
  const local = world.hosts.get(host)?.engine?.networks.get(netId)
  if (local !== undefined) return local
  const engine = world.hosts.get(host)?.engine
  return engine?.swarm != null ? world.swarm?.networks.get(netId) : undefined
}

export function putNetwork(world: World, host: string, net: Network): World {
  if (net.scope === 'swarm' && world.swarm !== null) {
    const networks = new Map(world.swarm.networks)
    networks.set(net.id, net)
    return { ...world, swarm: { ...world.swarm, networks } }
  }
  const h = world.hosts.get(host) as Host
  const engine = h.engine as Engine
  const networks = new Map(engine.networks)
  networks.set(net.id, net)
  return putEngine(world, h, { ...engine, networks })
}

export function visibleNetworks(world: World, host: string): Network[] {
  const engine = world.hosts.get(host)?.engine
  if (engine == null) return []
  const local = [...engine.networks.values()]
  const swarm = engine.swarm !== null && world.swarm !== null ? [...world.swarm.networks.values()] : []
  return [...local, ...swarm]
}

/** Find a network by name, full id or unique id prefix, as the docker CLI does. */
export function findNetwork(world: World, host: string, ref: string): Network | undefined {
  const nets = visibleNetworks(world, host)
  return nets.find((n) => n.name === ref) ?? nets.find((n) => n.id === ref) ?? (ref.length >= 1 ? nets.find((n) => n.id.startsWith(ref)) : undefined)
}

/** Find a container by name, full id or id prefix. */
export function findContainer(world: World, host: string, ref: string): Container | undefined {
  const engine = world.hosts.get(host)?.engine
  if (engine == null) return undefined
  // One lookup for the common case, a name: `docker exec NAME` in every probe of a container.
  const byName = engine.names.get(ref.replace(/^\//, ''))
  if (byName !== undefined) return byName
  const byId = engine.containers.get(ref)
  if (byId !== undefined) return byId
  if (!/^[0-9a-f]{1,63}$/.test(ref)) return undefined
  return engine.containers.values().find((c) => c.id.startsWith(ref))
}
