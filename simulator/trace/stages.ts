// Which stage of the lesson's packet path (Internet → Router → Host NIC → OS → Docker Engine → Network plugin →
// Container App) each kind of hop belongs to. One table, so the trace tells the story the lessons teach: the kernel
// does the DNAT, the filtering and the routing (OS, with "rule written by Docker Engine" on the hops Docker's rules
// decide); Docker Engine appears only for its own processes (docker-proxy and the embedded DNS server at 127.0.0.11);
// the network plugin is the driver's plumbing (bridge and veth, macvlan/ipvlan children, the overlay's VXLAN).
// simulator/README.md ("Trace stages") lists the same table, and stages.test.ts checks that the two agree.
import type { Stage } from './types'

export const HOP_KINDS = [
  'internet',
  'router',
  'nic',
  'host-stack',
  'routing',
  'resolver',
  'rule',
  'docker-dnat',
  'docker-filter',
  'docker-policy',
  'docker-masquerade',
  'ipvs',
  'docker-proxy',
  'embedded-dns',
  'bridge',
  'macvlan',
  'overlay',
  'container',
] as const
export type HopKind = (typeof HOP_KINDS)[number]

export const STAGE_OF_HOP: Readonly<Record<HopKind, Stage>> = {
  internet: 'internet',
  router: 'router',
  nic: 'host-nic',
  'host-stack': 'os',
  routing: 'os',
  resolver: 'os',
  rule: 'os',
  'docker-dnat': 'os',
  'docker-filter': 'os',
  'docker-policy': 'os',
  'docker-masquerade': 'os',
  ipvs: 'os',
  'docker-proxy': 'docker-engine',
  'embedded-dns': 'docker-engine',
  bridge: 'network-plugin',
  macvlan: 'network-plugin',
  overlay: 'network-plugin',
  container: 'container-app',
}

/** Kernel work that follows rules Docker Engine wrote: the hop's note names the author. */
export const WRITTEN_BY_DOCKER: Readonly<Partial<Record<HopKind, string>>> = {
  'docker-dnat': 'rule written by Docker Engine',
  'docker-filter': 'rule written by Docker Engine',
  'docker-policy': 'policy set by Docker Engine',
  'docker-masquerade': 'rule written by Docker Engine',
  ipvs: 'IPVS service written by Docker Engine',
}
