// The world as plain immutable values. Collections that grow with the number of containers are PMaps (structural
// sharing); small ones (networks per host, NICs) are arrays or ReadonlyMaps copied on write.
import type { Cidr, Ipv4 } from '../parse/ip'
import type { PortSpec, Proto } from '../parse/ports'
import type { ServiceCommand } from '../parse/service-command'

export type ServiceSpec = Extract<ServiceCommand, { kind: 'service-create' }>
import type { Rule } from '../parse/iptables-command'
import type { MacvlanMode } from '../parse/ip-command'
import type { PMap } from './pmap'

export type NetDriver = 'bridge' | 'host' | 'null' | 'macvlan' | 'ipvlan' | 'overlay'

/** One container's presence on one network (libnetwork's endpoint), keyed in `Network.endpoints` by the container id
 *  (unique in the world: ids come from the world's counter), which needs no extra string per endpoint. */
export type Endpoint = Readonly<{ host: string; cid: string; ip: Ipv4; mac: string; names: readonly string[] }>

export type Network = Readonly<{
  id: string
  name: string
  driver: NetDriver
  scope: 'local' | 'swarm'
  predefined: boolean
  subnet: Cidr | null
  userSubnet: boolean
  gateway: Ipv4 | null
  ipRange: Cidr | null
  aux: readonly Ipv4[]
  /** created with --ipv6 (or an IPv6 --subnet): shown by docker network ls, not modelled (IPv4 only) */
  ipv6: boolean
  internal: boolean
  icc: boolean
  attachable: boolean
  ingress: boolean
  bridge: string | null // docker0, br-<12 hex>, docker_gwbridge
  parent: string | null // macvlan/ipvlan parent (eth0, eth0.50, dm-<12 hex>)
  ipvlanMode: 'l2' | 'l3' | null
  vni: number | null
  endpoints: PMap<Endpoint>
  // The endpoint itself rather than its key: a probe then reads it without a second lookup in `endpoints` (in a
  // 50,000-endpoint overlay each lookup is a few cache misses).
  byIp: PMap<Endpoint | string> // ip → endpoint, or `vip:<service>` for a swarm virtual IP
  dns: PMap<Endpoint | readonly Endpoint[]> // name → its endpoint, or endpoints when several share it (see dnsAnswers)
  nextHint: number // IPAM: lowest offset that may be free (serial networks never move it back)
  serial: boolean
  seq: number
}>

export type NetMode =
  | Readonly<{ kind: 'default' }>
  | Readonly<{ kind: 'host' }>
  | Readonly<{ kind: 'none' }>
  | Readonly<{ kind: 'container'; target: string }>

export type Attachment = Readonly<{ netId: string; ip: Ipv4 | null; aliases: readonly string[] }>
export type Binding = Readonly<{ hostIp: Ipv4 | null; hostPort: number; containerPort: number; proto: Proto; mode: 'ingress' | 'host' }>
export type Listener = Readonly<{ port: number; proto: Proto }>

export type Container = Readonly<{
  id: string
  name: string
  host: string
  image: string
  cmd: readonly string[]
  state: 'created' | 'running' | 'exited'
  exitCode: number // the main process's exit status once exited: `Exited (N)` in docker ps
  netMode: NetMode
  attachments: readonly Attachment[]
  endpoints: readonly Readonly<{ netId: string; ip: Ipv4; mac: string }>[]
  publish: readonly PortSpec[]
  publishAll: boolean
  expose: readonly number[]
  bindings: readonly Binding[]
  links: readonly Readonly<{ name: string; alias: string }>[]
  addHosts: readonly Readonly<{ name: string; ip: string }>[]
  hostname: string | null
  interactive: boolean
  autoRemove: boolean
  listens: readonly Listener[]
  longRunning: boolean
  service: Readonly<{ name: string; slot: number }> | null
  seq: number
}>

export type PortOwner = Readonly<{ hostIp: Ipv4 | null; cid: string; containerPort: number }>

export type Engine = Readonly<{
  networks: ReadonlyMap<string, Network> // local-scope networks by id
  containers: PMap<Container>
  names: PMap<Container> // container name → the container (kept in step with `containers` by putContainer)
  ports: PMap<readonly PortOwner[]> // `${proto}/${hostPort}` → owners
  swarm: 'manager' | 'worker' | null
  // Indexes so that probes never scan every container: --network host containers, and who shares whose netns.
  hostNet: readonly string[]
  sharers: PMap<readonly string[]> // target container id → ids of containers started with --network container:TARGET
}>

// kind: a physical NIC, an 802.1Q sub-interface (eth0.50) or a host-side macvlan "shim" (ip link add … type macvlan).
// up: the link's administrative state (`ip link set … up|down`; a new link starts down). mode: a shim's macvlan mode
// (the kernel's default is vepa; only bridge mode talks to sibling macvlan interfaces on the same parent).
export type Nic = Readonly<{ name: string; kind: 'physical' | 'vlan' | 'macvlan'; lan: string; ip: Ipv4 | null; mac: string; vlan: number | null; link: string | null; up: boolean; mode: MacvlanMode | null }>
export type HostRoute = Readonly<{ to: Cidr; dev: string }>
// 'raw PREROUTING' / 'mangle PREROUTING': learner rules in those tables' PREROUTING chain (every packet that arrives
// on a NIC or from a container, before nat PREROUTING's DNAT).
export type Chains = Readonly<{ INPUT: readonly Rule[]; FORWARD: readonly Rule[]; OUTPUT: readonly Rule[]; 'DOCKER-USER': readonly Rule[]; 'raw PREROUTING': readonly Rule[]; 'mangle PREROUTING': readonly Rule[] }>

export type Host = Readonly<{
  name: string
  docker: boolean
  nics: readonly Nic[]
  services: readonly Listener[]
  engine: Engine | null
  // FORWARD holds rules inserted with -I (before Docker's jumps); forwardAppended holds -A rules, which sit after
  // Docker's ACCEPTs and so only see traffic Docker did not already decide (docs: packet-filtering-firewalls.md).
  chains: Chains
  forwardAppended: readonly Rule[]
  routes: readonly HostRoute[] // learner-added `ip route add … dev …`, checked before connected routes
  seq: number
}>

export type LanInfo = Readonly<{ name: string; subnet: Cidr; gateway: Ipv4 | null }>
export type LanOwner =
  | Readonly<{ kind: 'nic'; host: string; nic: string }>
  | Readonly<{ kind: 'container'; host: string; cid: string; netId: string }>
  | Readonly<{ kind: 'router'; name: string }>

export type Router = Readonly<{
  name: string
  lan: string
  ip: Ipv4
  publicIp: Ipv4
  mac: string
  forwards: readonly Readonly<{ port: number; proto: Proto; to: Ipv4; toPort: number }>[]
}>
export type InternetHost = Readonly<{ name: string; ip: Ipv4; services: readonly Listener[] }>

export type Service = Readonly<{
  id: string
  name: string
  image: string
  cmd: readonly string[]
  networks: readonly string[] // overlay network ids (ingress first when publishing in ingress mode)
  publish: readonly PortSpec[]
  endpointMode: 'vip' | 'dnsrr'
  vips: Readonly<Record<string, Ipv4>> // network id → VIP
  tasks: readonly Readonly<{ slot: number; host: string; cid: string }>[]
  spec: ServiceSpec // the create command, name resolved: `docker service update` changes it and redeploys
}>

export type Swarm = Readonly<{
  managers: readonly string[]
  workers: readonly string[]
  networks: ReadonlyMap<string, Network> // overlay networks, including ingress
  services: ReadonlyMap<string, Service> // by name
}>

export type World = Readonly<{
  lans: ReadonlyMap<string, LanInfo>
  hosts: PMap<Host>
  hostOrder: readonly string[]
  routers: readonly Router[]
  internet: readonly InternetHost[]
  lanIndex: PMap<LanOwner> // `${lan}|${ip}` → who answers ARP for that address
  swarm: Swarm | null
  counter: number
}>

export type StepResult = { ok: true; output: string; warnings: string[] } | { ok: false; error: string; output?: string }
