// The one place a probe's reason becomes the sentence a learner reads (ProbeResult.explanation). Nothing reads these
// sentences back: decisions take the EndReason (reason.ts). Each sentence names the deciding rule or fact and, where
// there is one, what to try next.
import { assertNever } from '../result'
import type { EndReason } from './reason'

const PORT_UNREACHABLE = `(the client's socket reports it as "Connection refused")`
const REPLIES_TOO = 'Firewall rules see replies too: match only new connections (-m conntrack --ctstate NEW) or accept ESTABLISHED,RELATED first.'

function chainSees(chain: string): string {
  if (chain === 'INPUT') return 'packets for the host itself'
  if (chain === 'OUTPUT') return 'packets the host itself sends'
  return chain.endsWith('PREROUTING') ? "every packet that arrives, before Docker's DNAT" : 'forwarded packets'
}

function loopbackHint(port: number, loopbackOnly: string | null, host: string): string {
  return loopbackOnly === null ? '' : ` Port ${port} is published on ${loopbackOnly} only, so it is reachable from ${host} itself and nowhere else.`
}

function explainName(r: Extract<EndReason, { kind: `name-${string}` }>): string {
  switch (r.kind) {
    case 'name-outside-containers':
      return `"${r.name}" does not resolve on ${r.machine}: container names are known only to Docker's embedded DNS inside containers on user-defined networks.`
    case 'name-host-network':
      return `"${r.name}" does not resolve: ${r.container} uses ${r.host}'s network (--network host), so it asks ${r.host}'s resolver, which knows no container names; only Docker's embedded DNS on a user-defined network does.`
    case 'name-network-none':
      return `"${r.name}" does not resolve: ${r.container} runs with --network none, so it has only a loopback interface and cannot reach any DNS server.`
    case 'name-default-bridge': {
      const linkHint = r.linked ? ' (--link only writes /etc/hosts, which nslookup ignores)' : ''
      return `"${r.name}" does not resolve: ${r.container} is on the default bridge, which has no embedded DNS, so container names are unknown there${linkHint}. Use a user-defined network.`
    }
    case 'name-unknown':
      return `"${r.name}" does not resolve: no container, alias or service by that name shares a network with ${r.container} (${r.networks.join(', ')}).`
    default:
      return assertNever(r)
  }
}

function explainUnreachable(r: Extract<EndReason, { errno: string }>): string {
  switch (r.kind) {
    case 'no-gateway':
      return `Network is unreachable: ${r.host} has no route to ${r.ip} (its LAN has no gateway).`
    case 'no-route-out':
      return `Network is unreachable: ${r.host} has no route out.`
    case 'network-none':
      return `Network is unreachable: ${r.who} runs with --network none, so it has only a loopback interface.`
    case 'no-default-route':
      return r.internal ? `Network is unreachable: ${r.who} is only on --internal networks, which have no default route.` : `Network is unreachable: ${r.who} has no default route.`
    case 'macvlan-isolated':
      return `Network is unreachable: ${r.network} is isolated (no parent interface), so ${r.container} can only reach containers on ${r.network}.`
    case 'macvlan-no-gateway':
      return `Network is unreachable: ${r.driver} network ${r.network} has no --gateway, so ${r.container} has only its on-link route.`
    case 'arp-no-answer': {
      const what = r.viaGateway ? `the gateway ${r.nextHop} does not answer ARP (nothing in the scenario owns that address)` : `nothing on ${r.lan} answers ARP for ${r.nextHop}`
      return `No route to host: ${what}.`
    }
    case 'arp-link-down':
      return `No route to host: ${r.nextHop} is on ${r.host}'s ${r.nic}, which is down ("ip link set ${r.nic} up" brings it up), so nothing answers ARP for it.`
    case 'no-container-at':
      return `No route to host: no running container has ${r.ip} on ${r.network}.`
    case 'macvlan-shim-mode':
      return `No route to host: the host's macvlan shim is in ${r.mode} mode${r.mode === 'vepa' ? " (the kernel's default when ip link add has no mode)" : ''}, so it cannot talk to macvlan containers on the same parent; recreate it with "mode bridge".`
    case 'macvlan-parent':
      return `No route to host: a Docker host cannot reach its own macvlan containers through the parent interface (and they cannot reach it); use another machine on the LAN or a macvlan "shim" interface on the host.`
    default:
      return assertNever(r)
  }
}

export function explain(r: EndReason): string {
  if ('errno' in r) return explainUnreachable(r)
  switch (r.kind) {
    case 'failed':
      return r.message
    case 'namespace-gone':
      return `${r.container} shares a network namespace that no longer exists.`
    case 'resolved':
      return `${r.name} resolves to ${r.addresses.join(', ')}.`
    case 'reverse-resolved':
      return `${r.ip} is ${r.container} on ${r.network} (reverse lookup).`
    case 'no-ptr':
      return `nslookup ${r.ip} asks for a reverse (PTR) record, and no DNS server here has one for it.`
    case 'name-outside-containers':
    case 'name-host-network':
    case 'name-network-none':
    case 'name-default-bridge':
    case 'name-unknown':
      return explainName(r)
    case 'host-ping':
      return `${r.host} answered the ping itself.`
    case 'host-delivered': {
      const who = r.hostNetworkContainer === null ? `a process on ${r.host}` : `container ${r.hostNetworkContainer} (--network host, so it listens in the host's namespace)`
      return `Delivered to ${who} listening on ${r.proto === 'udp' ? 'udp/' : 'port '}${r.port}.`
    }
    case 'container-ping':
      return `${r.container} answered the ping at ${r.ip}.`
    case 'container-delivered':
      return `Delivered to ${r.container} (${r.image}) on ${r.host}, ${r.proto === 'udp' ? 'udp ' : ''}port ${r.port}.`
    case 'peer-ping':
      return `${r.machine} answered the ping.`
    case 'router-public-ping':
      return `${r.router} answered the ping on its public address.`
    case 'internet-delivered':
      return `Delivered to ${r.server} on the internet, ${r.proto === 'udp' ? 'udp ' : ''}port ${r.port}.`
    case 'host-refused':
      return `Connection refused: nothing on ${r.host} listens on ${r.ip}:${r.port}.${loopbackHint(r.port, r.loopbackOnly, r.host)}`
    case 'host-port-unreachable': {
      const hint = r.tcpOnly === null ? loopbackHint(r.port, r.loopbackOnly, r.host) : ` Port ${r.port} is published for TCP only; UDP needs its own mapping, for example -p ${r.port}:${r.tcpOnly}/udp.`
      return `Port unreachable: nothing on ${r.host} listens on udp ${r.ip}:${r.port}, so the kernel answers with ICMP port unreachable ${PORT_UNREACHABLE}.${hint}`
    }
    case 'container-refused':
      return `Connection refused by ${r.container}: its ${r.image} process listens on ${r.listening.length === 0 ? 'no port at all' : `port ${r.listening.join(', ')}`}, not ${r.port}.`
    case 'container-port-unreachable': {
      const listening = r.udp.length > 0 ? `udp port ${r.udp.join(', ')}` : r.tcp.length > 0 ? `no UDP port (only tcp ${r.tcp.join(', ')})` : 'no port at all'
      return `Port unreachable: ${r.container}'s ${r.image} process listens on ${listening}, not udp/${r.port}, so its kernel answers with ICMP port unreachable ${PORT_UNREACHABLE}.`
    }
    case 'proxy-empty-reply':
      return `docker-proxy accepted the connection but ${r.container} does not listen on port ${r.port}, so the client gets an empty reply and the connection closes.`
    case 'internet-refused':
      return `Connection refused by ${r.server}: nothing listens on port ${r.port}.`
    case 'internet-port-unreachable':
      return `Port unreachable: nothing on ${r.server} listens on udp port ${r.port} ${PORT_UNREACHABLE}.`
    case 'router-refused':
      return `Connection refused by ${r.router}: it runs no service on ${r.proto === 'udp' ? 'udp ' : ''}port ${r.port}.`
    case 'rule': {
      const reject = r.verdict === 'REJECT'
      return `${reject ? 'Rejected' : 'Dropped'} in ${r.chain} by rule ${r.index} "${r.text}" on ${r.host} (${r.chain} sees ${chainSees(r.chain)})${reject ? ': the client gets "connection refused"' : ': the client waits until it times out'}.`
    }
    case 'output-eperm':
      return `Dropped in OUTPUT by rule ${r.index} "${r.text}" on ${r.host} (OUTPUT sees packets the host itself sends): the kernel refuses the send at once ("sendto: Operation not permitted").`
    case 'reply-stopped':
      return `${r.answeredBy} answered, but ${r.chain} rule ${r.index} "${r.text}" on ${r.host} ${r.verdict === 'REJECT' ? 'rejects' : 'drops'} the reply (${r.src} -> ${r.dst}) on its way back, so the client waits until it times out. ${REPLIES_TOO}`
    case 'proxy-output-dropped':
      return `docker-proxy accepted, but OUTPUT on ${r.host} stops its own connection to ${r.container} (${r.ip}:${r.port}), so the client never gets an answer.`
    case 'proxy-udp-no-listener':
      return `docker-proxy relayed the datagram, but ${r.container} does not listen on udp/${r.port}: the ICMP port unreachable goes back to docker-proxy, not to the client, which hears nothing.`
    case 'vxlan-dropped':
      return r.chain === 'OUTPUT'
        ? `Overlay traffic is carried in VXLAN (udp/4789) between the nodes, and an OUTPUT rule on ${r.host} drops it before it leaves.`
        : `Overlay traffic is carried in VXLAN (udp/4789) between the nodes, and an INPUT rule on ${r.host} drops it, so ${r.dst} never receives the packet.`
    case 'ingress-vxlan-dropped':
      return r.chain === 'OUTPUT'
        ? `The ingress mesh forwards to ${r.task} on ${r.node} over VXLAN (udp/4789), and an OUTPUT rule on ${r.host} drops it before it leaves.`
        : `The ingress mesh forwards to ${r.task} on ${r.node} over VXLAN (udp/4789), and an INPUT rule there drops it.`
    case 'internal-network':
      return `Dropped in FORWARD by Docker's DOCKER-INTERNAL rule: ${r.network} is an --internal network, so nothing outside it can reach its containers.`
    case 'icc-disabled':
      return `Dropped by Docker's ICC rule: ${r.network} was created with com.docker.network.bridge.enable_icc=false, so its containers cannot talk to each other.`
    case 'isolated-bridges':
      return `Dropped by Docker's isolation rules: ${r.from} and ${r.to} are separate bridge networks, so a container on one cannot reach an address on the other (connect both to one network, or use a published port).`
    case 'direct-access-blocked':
      return `Dropped in raw PREROUTING on ${r.host}: since v28 Docker blocks direct routed access to container ${r.ip} from ${r.inIf}; publish a port instead.`
    case 'forward-policy':
      return `Dropped by the FORWARD policy DROP on ${r.host}: Docker hosts do not route other traffic.`
    case 'dnat-shadowed':
      return `Dropped by the FORWARD policy on ${r.host}: ${r.network} uses ${r.subnet}, which ${r.host} already routes to its LAN on ${r.nic}, so the DNATed packet would go back out of ${r.nic}, and Docker accepts only traffic towards its bridges.`
    case 'reply-shadowed':
      return `No answer comes back: ${r.network} was created with ${r.subnet}, a prefix ${r.host} already routes to its LAN on ${r.nic} (the older route wins), so replies to ${r.src} leave on the LAN instead of ${r.bridge}. Give the network a subnet no LAN uses.`
    case 'not-a-router':
      return `${r.host} is not a router: it silently drops packets for ${r.ip}.`
    case 'router-no-forward':
      return `Dropped at ${r.router}: it has no port forward for ${r.proto}/${r.port}, so the NAT router does not know which LAN machine should get it.`
    case 'ttl-exceeded':
      return `The packet went round in a loop and its TTL ran out at ${r.host}: check which host forwards it back.`
    case 'internet-lost':
      return `Nothing on the internet answers at ${r.ip}: the packet is lost.`
    case 'vip-no-task':
      return `The service VIP ${r.vip} has no running task behind it.`
    case 'ingress-no-task':
      return `Service ${r.service} publishes ${r.port} through the ingress mesh but has no running task to send it to.`
    default:
      return assertNever(r)
  }
}
