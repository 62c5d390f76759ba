// Plain JSON views of a world for drawing (describeWorld) and for reachability matrices (listServices).
import { shortId } from './ids'
import { formatBinding } from './ports'
import type { World } from './types'
import { getNetwork, visibleNetworks } from './world'

export type Topology = ReturnType<typeof describeWorld>

export function describeWorld(world: World) {
  const hosts = world.hostOrder.flatMap((name) => {
    const h = world.hosts.get(name)
    if (h === undefined) return []
    const nets = visibleNetworks(world, name).sort((a, b) => a.seq - b.seq)
    const containers = (h.engine?.containers.values() ?? []).sort((a, b) => a.seq - b.seq)
    return [
      {
        name,
        docker: h.docker,
        swarm: h.engine?.swarm ?? null,
        nics: h.nics.map((n) => ({ name: n.name, lan: n.lan, ip: n.ip, mac: n.mac, vlan: n.vlan, link: n.link })),
        services: h.services,
        bridges: nets.filter((n) => n.driver === 'bridge').map((n) => ({ name: n.bridge, network: n.name, ip: n.gateway, subnet: n.subnet?.text ?? null })),
        networks: nets.map((n) => ({
          id: n.id, name: n.name, driver: n.driver, scope: n.scope, subnet: n.subnet?.text ?? null, gateway: n.gateway, parent: n.parent,
          internal: n.internal, icc: n.icc, attachable: n.attachable, vni: n.vni,
        })),
        containers: containers.map((c) => ({
          id: c.id, name: c.name, image: c.image, state: c.state, service: c.service,
          networkMode: c.netMode.kind === 'container' ? `container:${c.netMode.target}` : c.netMode.kind,
          endpoints: c.endpoints.map((e) => ({ network: getNetwork(world, name, e.netId)?.name ?? e.netId, ip: e.ip, mac: e.mac })),
          ports: c.bindings.map(formatBinding),
          listens: c.listens,
        })),
        veths: containers.flatMap((c) =>
          c.endpoints.flatMap((e) => {
            const net = getNetwork(world, name, e.netId)
            return net?.driver === 'bridge' ? [{ host: `veth${shortId(c.id).slice(0, 7)}`, container: c.name, bridge: net.bridge }] : []
          }),
        ),
        rules: {
          INPUT: h.chains.INPUT.map((r) => r.text),
          FORWARD: [...h.chains.FORWARD, ...h.forwardAppended].map((r) => r.text),
          OUTPUT: h.chains.OUTPUT.map((r) => r.text),
          'DOCKER-USER': h.chains['DOCKER-USER'].map((r) => r.text),
        },
      },
    ]
  })
  const tunnels =
    world.swarm === null
      ? []
      : [...world.swarm.networks.values()].map((n) => ({ network: n.name, vni: n.vni, port: 4789, nodes: [...world.swarm!.managers, ...world.swarm!.workers] }))
  return {
    lans: [...world.lans.values()].map((l) => ({ name: l.name, subnet: l.subnet.text, gateway: l.gateway })),
    routers: world.routers.map((r) => ({ name: r.name, lan: r.lan, ip: r.ip, publicIp: r.publicIp, forwards: r.forwards })),
    internet: world.internet,
    hosts,
    services: world.swarm === null ? [] : [...world.swarm.services.values()].map((s) => ({ name: s.name, mode: s.endpointMode, vips: s.vips, publish: s.publish, tasks: s.tasks })),
    tunnels,
  }
}

export type ServiceEntry = { host: string; container: string | null; address: string; port: number; proto: 'tcp' | 'udp' }

/** Every listening socket in the world with an address to reach it at (for a reachability matrix). */
export function listServices(world: World): ServiceEntry[] {
  const out: ServiceEntry[] = []
  for (const name of world.hostOrder) {
    const h = world.hosts.get(name)
    if (h === undefined) continue
    const hostIp = h.nics.find((n) => n.ip !== null)?.ip ?? '127.0.0.1'
    for (const s of h.services) out.push({ host: name, container: null, address: hostIp, port: s.port, proto: s.proto })
    for (const c of (h.engine?.containers.values() ?? []).sort((a, b) => a.seq - b.seq)) {
      if (c.state !== 'running') continue
      const label = c.service === null ? c.name : `${c.service.name}.${c.service.slot}`
      for (const l of c.listens) {
        const address = c.netMode.kind === 'host' ? hostIp : (c.endpoints[0]?.ip ?? null)
        if (address !== null) out.push({ host: name, container: label, address, port: l.port, proto: l.proto })
      }
      for (const b of c.bindings) out.push({ host: name, container: label, address: b.hostIp ?? hostIp, port: b.hostPort, proto: b.proto })
    }
  }
  for (const i of world.internet) for (const s of i.services) out.push({ host: i.name, container: null, address: i.ip, port: s.port, proto: s.proto })
  return out
}
