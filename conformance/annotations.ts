/**
 * What the 20.10 test bed cannot show as v29 would: per scenario, the items whose result is known to differ
 * in current Docker (with the v29 expectation from /work/shared/docker-networking-facts.md, "Where Docker 20.10
 * differs", D1–D14) and the items this machine cannot observe at all (the kernel has no IPVS and no 802.1q).
 * The recorder copies these into each recording; the vitest suite compares the simulator with `v29` where
 * given and skips the item otherwise.
 */
import type { Unverifiable, VersionSensitive } from './schema'

export type Annotation = { versionSensitive?: VersionSensitive[]; unverifiable?: Unverifiable[] }

const WEB_ON_HOST1 = { host: 'host1', container: 'web', port: 80 }
const NO_8021Q = 'this kernel has no 802.1q (CONFIG_VLAN_8021Q) module, so dockerd cannot create eth0.50; v29 would create the VLAN sub-interface (fact 49)'
const NO_IPVS = 'this kernel has no IPVS, so swarm service VIPs and the ingress routing mesh cannot be observed (issue 3, test-bed facts); modelled from the docs'

export const ANNOTATIONS: Readonly<Record<string, Annotation>> = {
  '010-ipam-subnet-after-network-rm.json': {
    versionSensitive: [
      { item: 'probes[0]', reason: 'D8: v27+ reuses the lowest free predefined subnet, so network c gets the freed 172.19.0.0/16 (20.10 moves on to 172.20)', v29: { outcome: 'delivered', answeredBy: WEB_ON_HOST1 } },
      { item: 'probes[1]', reason: 'D8: on v29 nothing uses 172.20.0.0/16, so host1 sends it to its gateway, which nobody owns', v29: { outcome: 'unreachable' } },
    ],
  },
  '011-ip-on-default-bridge.json': {
    versionSensitive: [{ item: 'steps[0]', reason: 'D1/fact 13: v29 spells it "user-specified … user-defined" and wraps it (daemon/create.go validateNetworkingConfig, container_operations.go validateEndpointSettings)', v29: { ok: false, error: 'invalid config for network bridge: invalid endpoint settings:\nuser-specified IP address is supported on user-defined networks only' } }],
  },
  '012-ip-without-user-subnet.json': {
    versionSensitive: [
      { item: 'steps[1]', reason: 'D10: v29.0.4+ accepts --ip inside the auto-assigned subnet', v29: { ok: true } },
      { item: 'probes[0]', reason: 'D10: on v29 the container runs at the requested 172.18.0.50', v29: { outcome: 'delivered', answeredBy: WEB_ON_HOST1 } },
    ],
  },
  '014-publish-on-one-host-ip.json': {
    versionSensitive: [{ item: 'probes[3]', reason: 'fact 36: `IP::80` takes a dynamic host port; 20.10 hands out 32768 first, v28+ lets the kernel choose, so the port is not predictable' }],
  },
  '017-publish-all-exposed.json': {
    versionSensitive: [{ item: 'probes[0]', reason: 'fact 36: the dynamic host port comes from the ephemeral range; 20.10 hands out 32768 first, v28+ lets the kernel choose, so the port is not predictable' }],
  },
  '023-network-rm-active-endpoints.json': {
    versionSensitive: [{ item: 'steps[2]', reason: 'D1/fact 8: v28.1+ says `network app has active endpoints (name:"web" id:"…")` instead of `network app id <id> has active endpoints`', v29: { ok: false, error: 'network app has active endpoints' } }],
  },
  '028-internal-network.json': {
    versionSensitive: [{ item: 'probes[1]', reason: 'D3/fact 45: v25+ internal networks have no default route, so the connect fails at once with "Network is unreachable" (20.10 times out in DOCKER-ISOLATION)', v29: { outcome: 'unreachable' } }],
  },
  '043-docker-user-append-drop.json': {
    versionSensitive: [{ item: 'probes[0]', reason: 'D2/fact 30: 20.10 ends DOCKER-USER with RETURN, so an appended rule is never reached; v28.2.2+ creates the chain without it and the DROP applies', v29: { outcome: 'timeout' } }],
  },
  '052-macvlan-8021q-parent.json': {
    unverifiable: ['steps[0]', 'steps[1]', 'steps[2]', 'steps[3]', 'probes[0]', 'probes[1]'].map((item) => ({ item, reason: NO_8021Q })),
  },
  '053-macvlan-second-network-same-parent.json': {
    versionSensitive: [{ item: 'steps[1]', reason: 'D9/fact 11: v27+ allows several macvlan networks on one parent (20.10 says "network dm-… is already using parent interface eth0")', v29: { ok: true } }],
  },
  // The task runs and `tasks.web` works; only the VIP behind the name `web` needs IPVS.
  '059-swarm-service-vip.json': {
    unverifiable: [{ item: 'probes[0]', reason: NO_IPVS }],
  },
  '060-swarm-ingress-publish.json': {
    unverifiable: ['probes[0]', 'probes[1]'].map((item) => ({ item, reason: NO_IPVS })),
  },
  '071-fixed-ip-in-use.json': {
    versionSensitive: [{ item: 'steps[3]', reason: "fact 13: 20.10's IPAM says \"Invalid address 10.21.0.5: It does not belong to any of this network's subnets\"; v29 validates --ip in the daemon first (\"no configured subnet contains IP address\", inferred for configured subnets)", v29: { ok: false } }],
  },
  '072-alias-on-default-bridge.json': {
    versionSensitive: [
      { item: 'steps[0]', reason: 'D1/fact 13: v29 says "network-scoped aliases are only supported for user-defined networks", wrapped as for --ip', v29: { ok: false, error: 'invalid config for network bridge: invalid endpoint settings:\nnetwork-scoped aliases are only supported for user-defined networks' } },
      { item: 'steps[1]', reason: 'D1/fact 13: v29 says "network-scoped aliases are only supported for user-defined networks", wrapped as for --ip', v29: { ok: false, error: 'invalid config for network bridge: invalid endpoint settings:\nnetwork-scoped aliases are only supported for user-defined networks' } },
    ],
  },
  '083-listing-tables.json': {
    versionSensitive: [{ item: 'steps[10]', reason: 'fact 30: 20.10 ends DOCKER-USER with "-A DOCKER-USER -j RETURN"; v28.2.2+ creates the chain empty', v29: { ok: true, listing: '-N DOCKER-USER\n-A DOCKER-USER -s 10.77.0.66/32 -p tcp -m tcp --dport 80 -j DROP' } }],
  },
  '088-iptables-delete-by-spec-replace.json': {
    versionSensitive: [{ item: 'steps[6]', reason: 'fact 30: 20.10 ends DOCKER-USER with "-A DOCKER-USER -j RETURN"; v28.2.2+ creates the chain empty', v29: { ok: true, listing: '-N DOCKER-USER\n-A DOCKER-USER -s 10.77.0.51/32 -j DROP' } }],
  },
  '076-publish-over-host-process.json': {
    versionSensitive: [{ item: 'steps[0]', reason: 'D1/fact 2: 20.10 fails in docker-proxy ("Error starting userland proxy: listen tcp4 0.0.0.0:8080: bind: address already in use"); v28+ binds in dockerd ("failed to bind host port 0.0.0.0:8080/tcp: address already in use", wrapped like "port is already allocated")', v29: { ok: false, error: 'failed to set up container networking: driver failed programming external connectivity on endpoint web (<id>): failed to bind host port 0.0.0.0:8080/tcp: address already in use' } }],
  },
}
