// Why a probe ended, as data. Every place the walk stops returns one of these; explain.ts renders the sentence a
// learner reads, in one place. Code that decides (client output, exit statuses, the terminal) reads the reason, never
// the sentence, so rewording an explanation cannot change behaviour (smoltcp returns an enum, not a message).
//
// `errno` on the unreachable reasons is what connect(2)/sendto(2) reports: ENETUNREACH when no route exists at all
// (--network none, --internal, a LAN without gateway), EHOSTUNREACH when ARP for the next hop got no answer.

export type UnreachableErrno = 'ENETUNREACH' | 'EHOSTUNREACH'
export type RuleVerdict = 'DROP' | 'REJECT'
/** A learner rule that decided, as `iptables -L --line-numbers` numbers it. */
export type RuleRef = Readonly<{ host: string; chain: string; index: number; text: string }>

export type EndReason = Readonly<
  // The probe never ran: a bad command line, a failed docker exec, a missing tool. `message` is what the tool or
  // Docker prints.
  | { kind: 'failed'; message: string }
  | { kind: 'namespace-gone'; container: string }
  // Names.
  | { kind: 'resolved'; name: string; addresses: readonly string[] }
  | { kind: 'reverse-resolved'; ip: string; container: string; network: string }
  | { kind: 'no-ptr'; ip: string }
  | { kind: 'name-outside-containers'; name: string; machine: string }
  | { kind: 'name-host-network'; name: string; container: string; host: string }
  | { kind: 'name-network-none'; name: string; container: string }
  | { kind: 'name-default-bridge'; name: string; container: string; linked: boolean }
  | { kind: 'name-unknown'; name: string; container: string; networks: readonly string[] }
  // Answered.
  | { kind: 'host-ping'; host: string }
  | { kind: 'host-delivered'; host: string; hostNetworkContainer: string | null; proto: 'tcp' | 'udp'; port: number }
  | { kind: 'container-ping'; container: string; ip: string }
  | { kind: 'container-delivered'; container: string; image: string; host: string; proto: 'tcp' | 'udp'; port: number }
  | { kind: 'peer-ping'; machine: string } // an internet machine or a router on its LAN address
  | { kind: 'router-public-ping'; router: string }
  | { kind: 'internet-delivered'; server: string; proto: 'tcp' | 'udp'; port: number }
  // Refused: a TCP RST or an ICMP port unreachable.
  | { kind: 'host-refused'; host: string; ip: string; port: number; loopbackOnly: string | null }
  | { kind: 'host-port-unreachable'; host: string; ip: string; port: number; loopbackOnly: string | null; tcpOnly: number | null }
  | { kind: 'container-refused'; container: string; image: string; listening: readonly number[]; port: number }
  | { kind: 'container-port-unreachable'; container: string; image: string; udp: readonly number[]; tcp: readonly number[]; port: number }
  | { kind: 'proxy-empty-reply'; container: string; port: number }
  | { kind: 'internet-refused'; server: string; port: number }
  | { kind: 'internet-port-unreachable'; server: string; port: number }
  | { kind: 'router-refused'; router: string; proto: 'tcp' | 'udp'; port: number }
  // Rules.
  | ({ kind: 'rule'; verdict: RuleVerdict } & RuleRef)
  | ({ kind: 'output-eperm' } & RuleRef)
  | ({ kind: 'reply-stopped'; verdict: RuleVerdict; answeredBy: string; src: string; dst: string } & RuleRef)
  | { kind: 'proxy-output-dropped'; host: string; container: string; ip: string; port: number }
  | { kind: 'proxy-udp-no-listener'; container: string; port: number }
  | { kind: 'vxlan-dropped'; chain: 'OUTPUT' | 'INPUT'; host: string; dst: string }
  | { kind: 'ingress-vxlan-dropped'; chain: 'OUTPUT' | 'INPUT'; host: string; task: string; node: string }
  | { kind: 'internal-network'; network: string }
  | { kind: 'icc-disabled'; network: string }
  | { kind: 'isolated-bridges'; from: string; to: string }
  | { kind: 'direct-access-blocked'; host: string; ip: string; inIf: string }
  | { kind: 'forward-policy'; host: string }
  | { kind: 'dnat-shadowed'; host: string; network: string; subnet: string; nic: string }
  | { kind: 'reply-shadowed'; host: string; network: string; subnet: string; nic: string; src: string; bridge: string }
  | { kind: 'not-a-router'; host: string; ip: string }
  | { kind: 'router-no-forward'; router: string; proto: 'tcp' | 'udp' | 'icmp'; port: number | undefined }
  | { kind: 'internet-lost'; ip: string }
  | { kind: 'ttl-exceeded'; host: string }
  | { kind: 'vip-no-task'; vip: string }
  | { kind: 'ingress-no-task'; service: string; port: number | undefined }
  // Unreachable.
  | { kind: 'no-gateway'; errno: 'ENETUNREACH'; host: string; ip: string }
  | { kind: 'no-route-out'; errno: 'ENETUNREACH'; host: string }
  | { kind: 'network-none'; errno: 'ENETUNREACH'; who: string }
  | { kind: 'no-default-route'; errno: 'ENETUNREACH'; who: string; internal: boolean }
  | { kind: 'macvlan-isolated'; errno: 'ENETUNREACH'; network: string; container: string }
  | { kind: 'macvlan-no-gateway'; errno: 'ENETUNREACH'; driver: string; network: string; container: string }
  | { kind: 'arp-no-answer'; errno: 'EHOSTUNREACH'; nextHop: string; lan: string; viaGateway: boolean }
  | { kind: 'arp-link-down'; errno: 'EHOSTUNREACH'; nextHop: string; host: string; nic: string }
  | { kind: 'no-container-at'; errno: 'EHOSTUNREACH'; ip: string; network: string }
  | { kind: 'macvlan-shim-mode'; errno: 'EHOSTUNREACH'; mode: string }
  | { kind: 'macvlan-parent'; errno: 'EHOSTUNREACH' }
>

/** The errno an unreachable end reports, or null for every other reason. */
export function unreachableErrno(reason: EndReason): UnreachableErrno | null {
  return 'errno' in reason ? reason.errno : null
}
