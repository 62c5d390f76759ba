// docker network create / rm / connect / disconnect with Docker's own error texts (facts 5, 7–14, 49–55).
import type { DockerCommand } from '../parse/docker-command'
import { cidrContains, parseCidr, parseIpv4, intToIp, type Cidr, type Ipv4 } from '../parse/ip'
import { err, ok, type Result, type SimError } from '../result'
import { hexId, shortId } from './ids'
import { pickGlobalSubnet, pickLocalSubnet } from './ipam'
import type { Host, NetDriver, Network, Nic, World } from './types'
import { emptyNetwork, findNetwork, nextCounter, putEngine, putHost, putNetwork, takenLocalSubnets, visibleNetworks } from './world'

type CreateCmd = Extract<DockerCommand, { kind: 'network-create' }>
/** A command's effect. A failed step may still change the world (a run that fails at start keeps the container). */
export type Change =
  | { ok: true; value: { world: World; output: string; warnings?: string[] } }
  | { ok: false; error: SimError; world?: World }

export const NOT_MANAGER =
  'This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.'
export const WORKER_NOT_MANAGER =
  "This node is not a swarm manager. Worker nodes can't be used to view or modify cluster state. Please run this command on a manager node or promote the current node to a manager."

function invalidConfig(message: string): Result<never> {
  return err('invalid-network-config', `invalid network config:\n${message}`)
}

function checkParent(host: Host, parent: string, driver: string, existing: readonly Network[]): Result<{ nic: Nic | null }> {
  if (parent === 'lo') return err('bad-parent', `loopback interface is not a valid ${driver} parent link`)
  const dot = parent.indexOf('.')
  const found = host.nics.find((n) => n.name === parent)
  if (driver === 'ipvlan' && existing.some((n) => n.driver === 'ipvlan' && n.parent === parent)) {
    const other = existing.find((n) => n.parent === parent) as Network
    return err('parent-in-use', `network ${shortId(other.id)} is already using parent interface ${parent}`)
  }
  if (found !== undefined) return ok({ nic: null })
  if (dot < 0) return err('bad-parent', `invalid subinterface vlan name ${parent}, example formatting is eth0.10`)
  const base = host.nics.find((n) => n.name === parent.slice(0, dot))
  if (base === undefined) return err('bad-parent', `-o parent interface was not found on the host: ${parent.slice(0, dot)}`)
  const vlan = Number(parent.slice(dot + 1))
  if (!Number.isInteger(vlan) || vlan < 1 || vlan > 4094) return err('bad-parent', `vlan id must be between 1-4094, received: ${parent.slice(dot + 1)}`)
  // Docker creates the 802.1Q sub-interface itself (facts 49); it has no address and tags frames with the VLAN id.
  return ok({ nic: { name: parent, kind: 'vlan', lan: base.lan, ip: null, mac: base.mac, vlan, link: base.name, up: true, mode: null } })
}

function parseAddressing(cmd: CreateCmd): Result<{ subnet: Cidr | null; gateway: Ipv4 | null; ipRange: Cidr | null; aux: Ipv4[] }> {
  const subnet = cmd.subnet === null ? null : parseCidr(cmd.subnet)
  if (subnet !== null && !subnet.ok) return invalidConfig(`invalid subnet ${cmd.subnet}: invalid CIDR address: ${cmd.subnet}`)
  const s = subnet?.value ?? null
  const gateway = cmd.gateway === null ? null : parseIpv4(cmd.gateway)
  if (gateway !== null && !gateway.ok) return invalidConfig(`invalid gateway address ${cmd.gateway}`)
  if (gateway !== null && s === null) return err('gateway-without-subnet', 'cannot specify gateway without a subnet (add --subnet)')
  if (gateway?.ok && s !== null && !cidrContains(s, gateway.value)) {
    return invalidConfig(`invalid gateway ${cmd.gateway}: parent subnet ${s.text} doesn't contain this address`)
  }
  const range = cmd.ipRange === null ? null : parseCidr(cmd.ipRange)
  if (range !== null && !range.ok) return invalidConfig(`invalid ip-range ${cmd.ipRange}: invalid CIDR address: ${cmd.ipRange}`)
  if (range?.ok && (s === null || !cidrContains(s, intToIp(range.value.base)) || range.value.prefix < s.prefix)) {
    return invalidConfig(`invalid ip-range ${cmd.ipRange}: parent subnet ${s?.text ?? '(none)'} doesn't contain ip-range`)
  }
  const aux: Ipv4[] = []
  for (const a of cmd.aux) {
    const ip = parseIpv4(a.ip)
    if (!ip.ok || s === null || !cidrContains(s, ip.value)) {
      return err('bad-aux', `auxiliary address: (${a.name}:${a.ip}) must belong to the master pool: ${s?.text ?? '(none)'}`)
    }
    aux.push(ip.value)
  }
  return ok({ subnet: s, gateway: gateway?.ok ? gateway.value : null, ipRange: range?.ok ? range.value : null, aux })
}

export function createNetwork(world: World, host: Host, cmd: CreateCmd): Change {
  const engine = host.engine
  if (engine === null) return err('no-docker', 'docker is not installed on this host')
  if (visibleNetworks(world, host.name).some((n) => n.name === cmd.name)) return err('name-conflict', `network with name ${cmd.name} already exists`)
  const driver = cmd.driver as NetDriver
  if (driver === 'host' || driver === 'null') return err('bad-driver', `only one instance of "${driver}" network is allowed`)
  if (!['bridge', 'macvlan', 'ipvlan', 'overlay'].includes(driver)) {
    return err('bad-driver', `plugin "${driver}" not found`)
  }
  if (driver === 'overlay' && engine.swarm !== 'manager') return err('not-manager', engine.swarm === 'worker' ? WORKER_NOT_MANAGER : NOT_MANAGER)
  if (cmd.ipamDriver !== null && cmd.ipamDriver !== 'default') return err('ipam-plugin', ipamPluginNote(cmd.ipamDriver))
  const addr = parseAddressing(cmd)
  if (!addr.ok) return addr
  const overlay = driver === 'overlay'
  const taken = overlay ? [...(world.swarm?.networks.values() ?? [])].flatMap((n) => (n.subnet ? [n.subnet] : [])) : takenLocalSubnets(world, host)
  const netTaken = overlay ? taken : [...engine.networks.values()].flatMap((n) => (n.subnet ? [n.subnet] : []))
  let subnet = addr.value.subnet
  if (subnet !== null && netTaken.some((t) => t.base <= subnet!.base + 2 ** (32 - subnet!.prefix) - 1 && subnet!.base <= t.base + 2 ** (32 - t.prefix) - 1)) {
    return err('pool-overlap', 'Pool overlaps with other one on this address space')
  }
  subnet ??= overlay ? pickGlobalSubnet(taken) : pickLocalSubnet(taken)
  if (subnet === null) return err('pool-exhausted', 'all predefined address pools have been fully subnetted')
  const opts = cmd.opts
  const icc = opts['com.docker.network.bridge.enable_icc'] !== 'false'
  let parent: string | null = null
  let newNic: Nic | null = null
  const [w1, n] = nextCounter(world)
  const id = hexId(n)
  if (driver === 'macvlan' || driver === 'ipvlan') {
    const mode = opts[`${driver}_mode`]
    const modes = driver === 'macvlan' ? ['bridge', 'vepa', 'passthru', 'private'] : ['l2', 'l3', 'l3s']
    if (mode !== undefined && !modes.includes(mode)) {
      return err('bad-mode', driver === 'macvlan' ? `requested macvlan mode '${mode}' is not valid, 'bridge' mode is the macvlan driver default` : `requested ipvlan mode '${mode}' is not valid, 'l2' mode is the ipvlan driver default`)
    }
    if (opts.parent !== undefined && opts.parent !== '' && !cmd.internal) {
      const r = checkParent(host, opts.parent, driver, [...engine.networks.values()])
      if (!r.ok) return r
      parent = opts.parent
      newNic = r.value.nic
    } else parent = `dm-${shortId(id)}`
  }
  const ipvlanMode = driver === 'ipvlan' ? ((opts.ipvlan_mode ?? 'l2').startsWith('l3') ? 'l3' : 'l2') : null
  // v29: macvlan/ipvlan get a gateway only when --gateway is given; l3 ipvlan never has one (facts 52, 54).
  const wantsGateway = driver === 'bridge' || driver === 'overlay'
  const firstFree = (): Ipv4 => {
    const range = addr.value.ipRange
    return intToIp(range !== null && range.base > subnet!.base ? range.base : subnet!.base + 1)
  }
  const gateway = ipvlanMode === 'l3' ? null : (addr.value.gateway ?? (wantsGateway ? firstFree() : null))
  const net = emptyNetwork({
    id,
    name: cmd.name,
    driver,
    scope: overlay ? 'swarm' : 'local',
    subnet,
    userSubnet: addr.value.subnet !== null,
    gateway,
    ipRange: addr.value.ipRange,
    aux: addr.value.aux,
    ipv6: cmd.ipv6 || cmd.ipv6Subnets.length > 0,
    internal: cmd.internal || (parent?.startsWith('dm-') ?? false),
    icc,
    attachable: cmd.attachable,
    bridge: driver === 'bridge' ? (opts['com.docker.network.bridge.name'] ?? `br-${shortId(id)}`) : null,
    parent,
    ipvlanMode,
    vni: overlay ? 4096 + (world.swarm?.networks.size ?? 0) : null,
    serial: overlay,
    seq: n,
  })
  const w2 = newNic === null ? w1 : putHost(w1, { ...host, nics: [...host.nics, newNic] })
  return ok({ world: putNetwork(w2, host.name, net), output: id, warnings: unmodelledNotes(cmd) })
}

// Honest gaps (simulator/README.md): IPv6 and gateway modes are accepted and shown, but the model is IPv4 with
// gateway mode nat, so the terminal says so instead of letting a learner believe they took effect.
function unmodelledNotes(cmd: CreateCmd): string[] {
  const notes: string[] = []
  if (cmd.ipv6 || cmd.ipv6Subnets.length > 0) {
    notes.push(
      '# The simulator models IPv4 only: this network is listed with IPV6 true, but its containers get no IPv6 address here and probes use IPv4. ' +
        'On Docker v27 and later it also gets an IPv6 subnet (the one you give with --subnet, else a /64 from a ULA fd00::/8 pool), and -p publishes on [::] too.',
    )
  }
  const modes = Object.keys(cmd.opts).filter((k) => /^com\.docker\.network\.bridge\.(gateway_mode_ipv[46]|trusted_host_interfaces)$/.test(k))
  if (modes.length > 0) {
    notes.push(`# The simulator models gateway mode nat only: ${modes.join(', ')} is accepted but has no effect here (no routed mode, no trusted interfaces).`)
  }
  return notes
}

function ipamPluginNote(driver: string): string {
  return `--ipam-driver ${driver}: IPAM plug-ins are not available in this simulator, only Docker's built-in default IPAM. On a real host, install the plug-in first (docker plugin install, or a legacy plug-in's socket), then name it with --ipam-driver.`
}

export function removeNetwork(world: World, host: Host, ref: string): Change {
  const net = findNetwork(world, host.name, ref)
  if (net === undefined) return err('no-such-network', `network ${ref} not found`)
  if (net.predefined || net.ingress) return err('predefined', `${net.name} is a pre-defined network and cannot be removed`)
  const eps = net.endpoints.values()
  const first = eps.map((e) => ({ e, order: `${e.host}/${e.cid}` })).sort((a, b) => a.order.localeCompare(b.order))[0]?.e
  if (first !== undefined) {
    const c = world.hosts.get(first.host)?.engine?.containers.get(first.cid)
    return err('active-endpoints', `error while removing network: network ${net.name} has active endpoints (name:"${c?.name ?? ''}" id:"${shortId(first.cid)}")`)
  }
  if (net.scope === 'swarm' && world.swarm !== null) {
    if ([...world.swarm.services.values()].some((s) => s.networks.includes(net.id))) {
      return err('in-use', `rpc error: code = FailedPrecondition desc = network ${net.id} is in use by service`)
    }
    const networks = new Map(world.swarm.networks)
    networks.delete(net.id)
    return ok({ world: { ...world, swarm: { ...world.swarm, networks } }, output: ref })
  }
  const engine = host.engine!
  const networks = new Map(engine.networks)
  networks.delete(net.id)
  // Docker deletes the VLAN sub-interface it created, never a plain parent (facts 49).
  const nics = host.nics.filter((x) => !(x.name === net.parent && x.vlan !== null && x.ip === null && ![...networks.values()].some((o) => o.parent === x.name)))
  return ok({ world: putEngine(world, { ...host, nics }, { ...engine, networks }), output: ref })
}
