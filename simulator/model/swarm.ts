// Swarm mode: init/join/leave, the ingress overlay (10.0.0.0/24) and docker_gwbridge (facts 20, 56–63), and
// services whose tasks are containers named SERVICE.SLOT.TASKID placed across the nodes.
import { parseRunCommand, type DockerCommand } from '../parse/docker-command'
import type { ServiceCommand } from '../parse/service-command'
import type { PortSpec } from '../parse/ports'
import { toCidr, type Ipv4 } from '../parse/ip'
import { err, ok, type Result } from '../result'
import { createContainer, removeFromEngine, startContainer, stopContainer } from './containers'
import { hexId } from './ids'
import { allocateAddress, hintAfterRelease, pickLocalSubnet } from './ipam'
import { NOT_MANAGER, WORKER_NOT_MANAGER, type Change } from './networks'
import type { Host, Network, Service, Swarm, World } from './types'
import { emptyNetwork, getHost, nextCounter, putContainer, putEngine, putNetwork, takenLocalSubnets } from './world'

const ALREADY = 'This node is already part of a swarm. Use "docker swarm leave" to leave this swarm and join another one.'

function nodeId(id: string): string {
  return BigInt(`0x${id.slice(0, 32)}`).toString(36).padStart(25, '0').slice(0, 25)
}

function addGwBridge(world: World, host: Host): World {
  const engine = host.engine!
  if ([...engine.networks.values()].some((n) => n.name === 'docker_gwbridge')) return world
  const subnet = pickLocalSubnet(takenLocalSubnets(world, host))
  if (subnet === null) return world
  const [w, n] = nextCounter(world)
  const gw = emptyNetwork({
    id: hexId(n), name: 'docker_gwbridge', driver: 'bridge', subnet, gateway: `${subnet.text.split('.').slice(0, 3).join('.')}.1` as Ipv4,
    icc: false, bridge: 'docker_gwbridge', seq: n,
  })
  const networks = new Map(engine.networks)
  networks.set(gw.id, gw)
  return putEngine(w, host, { ...engine, networks })
}

function advertiseAddr(host: Host, wanted: string | null): string | null {
  const ips = host.nics.flatMap((n) => (n.ip === null ? [] : [n.ip as string]))
  if (wanted !== null) return wanted.split(':')[0] as string
  return ips.length === 1 ? (ips[0] as string) : null
}

export function swarmInit(world: World, host: Host, cmd: Extract<DockerCommand, { kind: 'swarm-init' }>): Change {
  const engine = host.engine!
  if (engine.swarm !== null) return err('in-swarm', ALREADY)
  if (world.swarm !== null) return err('second-swarm', 'the simulator models one swarm per scenario: join the existing one with "docker swarm join"')
  const addr = advertiseAddr(host, cmd.advertiseAddr)
  if (addr === null) {
    const list = host.nics.filter((n) => n.ip !== null).map((n) => `${n.ip} on ${n.name}`).join(' and ')
    return err('advertise', `could not choose an IP address to advertise since this system has multiple addresses on different interfaces (${list})`)
  }
  const [w1, n] = nextCounter(world)
  const ingress = emptyNetwork({
    id: hexId(n), name: 'ingress', driver: 'overlay', scope: 'swarm', subnet: toCidr((10 << 24) >>> 0, 24), gateway: '10.0.0.1' as Ipv4,
    ingress: true, vni: 4096, serial: true, seq: n,
  })
  const swarm: Swarm = { managers: [host.name], workers: [], networks: new Map([[ingress.id, ingress]]), services: new Map() }
  const w2 = putEngine({ ...w1, swarm }, host, { ...engine, swarm: 'manager' })
  const output = `Swarm initialized: current node (${nodeId(hexId(n + 1000))}) is now a manager.\n\nTo add a worker to this swarm, run the following command:\n\n    docker swarm join --token SWMTKN-1-WORKER ${addr}:2377\n\nTo add a manager to this swarm, run 'docker swarm join-token manager' and follow the instructions.`
  return ok({ world: addGwBridge(w2, getHost(w2, host.name)!), output })
}

export function swarmJoin(world: World, host: Host, cmd: Extract<DockerCommand, { kind: 'swarm-join' }>): Change {
  const engine = host.engine!
  if (engine.swarm !== null) return err('in-swarm', ALREADY)
  const managerIp = cmd.addr.split(':')[0]
  const swarm = world.swarm
  const manager = swarm?.managers.find((m) => getHost(world, m)?.nics.some((x) => x.ip === managerIp))
  if (swarm === null || manager === undefined) {
    return err('join-timeout', 'Timeout was reached before node joined. The attempt to join the swarm will continue in the background. Use the "docker info" command to see the current swarm status of your node.')
  }
  const role = cmd.token === 'SWMTKN-1-MANAGER' ? 'manager' : cmd.token === 'SWMTKN-1-WORKER' ? 'worker' : null
  if (role === null) return err('bad-token', 'rpc error: code = InvalidArgument desc = A valid join token is necessary to join this cluster')
  const next: Swarm = role === 'manager' ? { ...swarm, managers: [...swarm.managers, host.name] } : { ...swarm, workers: [...swarm.workers, host.name] }
  const w = putEngine({ ...world, swarm: next }, host, { ...engine, swarm: role })
  return ok({ world: addGwBridge(w, getHost(w, host.name)!), output: `This node joined a swarm as a ${role}.` })
}

export function swarmLeave(world: World, host: Host, force: boolean): Change {
  const engine = host.engine!
  if (engine.swarm === null || world.swarm === null) return err('not-in-swarm', 'This node is not part of a swarm')
  if (engine.swarm === 'manager' && !force) {
    return err('manager-leave', 'You are attempting to leave the swarm on a node that is participating as a manager. Removing the last manager erases all current state of the swarm. Use `--force` to ignore this message.')
  }
  const swarm = { ...world.swarm, managers: world.swarm.managers.filter((m) => m !== host.name), workers: world.swarm.workers.filter((m) => m !== host.name) }
  return ok({ world: putEngine({ ...world, swarm }, host, { ...engine, swarm: null }), output: 'Node left the swarm.' })
}

function eligible(world: World, cmd: Extract<ServiceCommand, { kind: 'service-create' }>): string[] {
  const swarm = world.swarm!
  const nodes = world.hostOrder.filter((h) => swarm.managers.includes(h) || swarm.workers.includes(h))
  return nodes.filter((h) =>
    cmd.constraints.every((c) => {
      const value = c.key === 'node.hostname' ? h : c.key === 'node.role' ? (swarm.managers.includes(h) ? 'manager' : 'worker') : null
      return value === null ? false : (value === c.value) === (c.op === '==')
    }),
  )
}

function allocVip(world: World, host: string, net: Network, service: string): { world: World; ip: Ipv4 } | null {
  const r = allocateAddress(net, null)
  if (!r.ok) return null
  const updated = { ...net, byIp: net.byIp.set(r.value.ip, `vip:${service}`), nextHint: r.value.nextHint }
  return { world: putNetwork(world, host, updated), ip: r.value.ip }
}

type ServiceCreate = Extract<ServiceCommand, { kind: 'service-create' }>

/** The swarm-scoped networks a service names (a local bridge is refused as the daemon refuses it). */
function serviceNetworks(host: Host, swarm: Swarm, refs: readonly string[]): Result<Network[]> {
  const nets: Network[] = []
  for (const ref of refs) {
    const net = [...swarm.networks.values()].find((x) => x.name === ref || x.id === ref)
    if (net === undefined) {
      const local = [...(host.engine?.networks.values() ?? [])].find((x) => x.name === ref)
      if (local !== undefined) return err('not-swarm-scoped', `The network ${ref} cannot be used with services. Only networks scoped to the swarm can be used, such as those created with the overlay driver.`)
      return err('no-such-network', `network ${ref} not found`)
    }
    nets.push(net)
  }
  return ok(nets)
}

/** The service's ports: ingress ports without a published port get one from 30000 up, and must be free swarm-wide. */
function servicePorts(swarm: Swarm, cmd: ServiceCreate): Result<PortSpec[]> {
  if (cmd.publish.some((p) => p.mode === 'ingress') && cmd.endpointMode === 'dnsrr') return err('dnsrr-ingress', "EndpointSpec: port published with ingress mode can't be used with dnsrr mode")
  const publish: PortSpec[] = []
  let dynamic = 30000
  for (const p of cmd.publish) {
    let hostPort = p.hostPort
    if (hostPort === null && p.mode === 'ingress') {
      while ([...swarm.services.values()].some((s) => s.publish.some((q) => q.hostPort === dynamic))) dynamic++
      hostPort = dynamic++
    }
    const clash = [...swarm.services.values()].find((s) => s.publish.some((q) => q.mode === 'ingress' && q.hostPort === hostPort && q.proto === p.proto))
    if (clash !== undefined && p.mode === 'ingress') {
      return err('port-in-use', `rpc error: code = InvalidArgument desc = port '${hostPort}' is already in use by service '${clash.name}' (${clash.id}) as an ingress port`)
    }
    publish.push({ ...p, hostPort })
  }
  return ok(publish)
}

export function serviceCreate(world: World, host: Host, cmd: ServiceCreate): Change {
  const engine = host.engine!
  if (engine.swarm !== 'manager' || world.swarm === null) return err('not-manager', engine.swarm === 'worker' ? WORKER_NOT_MANAGER : NOT_MANAGER)
  const swarm = world.swarm
  const [w1, n] = nextCounter(world)
  const name = cmd.name ?? `service${n}`
  if (swarm.services.has(name)) return err('name-conflict', `rpc error: code = AlreadyExists desc = name conflicts with an existing object: service ${name} already exists`)
  const netsOk = serviceNetworks(host, swarm, cmd.networks)
  if (!netsOk.ok) return netsOk
  const nets = netsOk.value
  const portsOk = servicePorts(swarm, cmd)
  if (!portsOk.ok) return portsOk
  const publish = portsOk.value
  const ingressPorts = publish.filter((p) => p.mode === 'ingress')
  const ingress = [...swarm.networks.values()].find((x) => x.ingress)
  const allNets = ingressPorts.length > 0 && ingress !== undefined ? [ingress, ...nets] : nets
  let w = w1
  const vips: Record<string, Ipv4> = {}
  if (cmd.endpointMode === 'vip') {
    for (const net of allNets) {
      const v = allocVip(w, host.name, w.swarm!.networks.get(net.id)!, name)
      if (v !== null) {
        w = v.world
        vips[net.id] = v.ip
      }
    }
  }
  const nodes = eligible(w, cmd)
  const count = cmd.mode === 'global' ? nodes.length : (cmd.replicas ?? 1)
  const load = new Map(nodes.map((h) => [h, 0]))
  const tasks: Service['tasks'][number][] = []
  for (let slot = 1; slot <= count && nodes.length > 0; slot++) {
    const hostPortsUsed = (h: string) => publish.some((p) => p.mode === 'host' && tasks.some((t) => t.host === h))
    const candidates = cmd.mode === 'global' ? [nodes[slot - 1] as string] : nodes.filter((h) => !hostPortsUsed(h))
    const target = candidates.reduce<string | null>((best, h) => (best === null || (load.get(h) ?? 0) < (load.get(best) ?? 0) ? h : best), null)
    if (target === null) break
    load.set(target, (load.get(target) ?? 0) + 1)
    const [w2, t] = nextCounter(w)
    const taskName = `${name}.${slot}.${nodeId(hexId(t))}`
    const nodeHost = getHost(w2, target)!
    // The task's container is what `docker run -d --name TASK --network none IMAGE CMD…` makes, with the service's
    // host-mode ports already parsed; its swarm networks are attached below.
    const spec = parseRunCommand(['-d', '--name', taskName, '--network', 'none', cmd.image, ...cmd.cmd])
    if (!spec.ok) return spec
    const created = createContainer(w2, nodeHost, { ...spec.value, publish: publish.filter((p) => p.mode === 'host') }, { name, slot })
    if (!created.ok) return created
    // A task with no swarm network runs on the node's default bridge (swarmkit's container executor).
    const docker0 = [...(nodeHost.engine?.networks.values() ?? [])].find((x) => x.name === 'bridge')
    const netIds = allNets.length > 0 || docker0 === undefined ? allNets.map((x) => x.id) : [docker0.id]
    const c = { ...created.value.container, netMode: { kind: 'default' as const }, attachments: netIds.map((id) => ({ netId: id, ip: null, aliases: [] })) }
    const started = startContainer(putContainer(created.value.world, c), c)
    if (!started.ok) return started
    w = started.value.world
    tasks.push({ slot, host: target, cid: c.id })
  }
  const service: Service = { id: nodeId(hexId(n)), name, image: cmd.image, cmd: cmd.cmd, networks: allNets.map((x) => x.id), publish, endpointMode: cmd.endpointMode, vips, tasks, spec: { ...cmd, name } }
  const services = new Map(w.swarm!.services)
  services.set(name, service)
  return ok({ world: { ...w, swarm: { ...w.swarm!, services } }, output: service.id })
}

export function serviceRemove(world: World, host: Host, names: readonly string[]): Change {
  const engine = host.engine!
  if (engine.swarm !== 'manager' || world.swarm === null) return err('not-manager', engine.swarm === 'worker' ? WORKER_NOT_MANAGER : NOT_MANAGER)
  let w = world
  for (const ref of names) {
    const svc = w.swarm!.services.get(ref) ?? [...w.swarm!.services.values()].find((s) => s.id.startsWith(ref))
    if (svc === undefined) return err('no-such-service', `service ${ref} not found`)
    for (const t of svc.tasks) {
      const c = getHost(w, t.host)?.engine?.containers.get(t.cid)
      if (c !== undefined) w = removeFromEngine(stopContainer(w, c), c)
    }
    for (const [netId, ip] of Object.entries(svc.vips)) {
      const net = w.swarm!.networks.get(netId)
      if (net !== undefined) w = putNetwork(w, host.name, { ...net, byIp: net.byIp.delete(ip), nextHint: hintAfterRelease(net, ip) })
    }
    const services = new Map(w.swarm!.services)
    services.delete(svc.name)
    w = { ...w, swarm: { ...w.swarm!, services } }
  }
  return ok({ world: w, output: names.join('\n') })
}

/**
 * `docker service update`: the service keeps its name and ID, its spec takes the changes, and its tasks are replaced
 * by new ones (swarmkit's rolling update; a published port added this way joins the ingress network). Prints the
 * service name, as the CLI does.
 */
export function serviceUpdate(world: World, host: Host, cmd: Extract<ServiceCommand, { kind: 'service-update' }>): Change {
  const engine = host.engine!
  if (engine.swarm !== 'manager' || world.swarm === null) return err('not-manager', engine.swarm === 'worker' ? WORKER_NOT_MANAGER : NOT_MANAGER)
  const old = world.swarm.services.get(cmd.name) ?? [...world.swarm.services.values()].find((s) => s.id.startsWith(cmd.name))
  if (old === undefined) return err('no-such-service', `service ${cmd.name} not found`)
  if (cmd.replicas !== null && old.spec.mode === 'global') return err('invalid-argument', 'replicas can only be used with replicated mode')
  const spec = {
    ...old.spec,
    publish: [...old.spec.publish, ...cmd.publishAdd],
    replicas: cmd.replicas ?? old.spec.replicas,
    image: cmd.image ?? old.spec.image,
  }
  const removed = serviceRemove(world, host, [old.name])
  if (!removed.ok) return removed
  const created = serviceCreate(removed.value.world, getHost(removed.value.world, host.name)!, spec)
  if (!created.ok) return created
  const w = created.value.world
  const services = new Map(w.swarm!.services)
  services.set(old.name, { ...services.get(old.name)!, id: old.id })
  return ok({ world: { ...w, swarm: { ...w.swarm!, services } }, output: cmd.name })
}
