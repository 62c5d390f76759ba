// The rules a host's filter and nat tables hold, as `iptables -S` and `-L` show them: the learner's own rules in
// their real order, and Docker's rules derived from the world (its bridges, their options and the published ports).
// Docker's chains follow the v28+ layout of Docker's docs (network/firewall-iptables.md) and the iptabler golden
// files (facts 23, 25): FORWARD → DOCKER-USER, DOCKER-FORWARD → DOCKER-CT, DOCKER-INTERNAL, DOCKER-BRIDGE → DOCKER.
// Left out because the model has no rules for them: raw PREROUTING, DOCKER-INGRESS (swarm) and IPv6.
import type { Rule } from '../parse/iptables-command'
import type { IptablesTable } from '../parse/iptables-list'
import { gatewayNetwork } from './ports'
import type { Host, Network, World } from './types'

/** One match clause (-m NAME …): what iptables-save prints and what the -L table prints after the addresses. */
export type MatchText = Readonly<{ save: string; list: string }>

export type SpecRule = Readonly<{
  src?: string // CIDR, e.g. 192.0.2.66/32
  dst?: string
  inIf?: string
  outIf?: string
  negated?: readonly ('src' | 'dst' | 'inIf' | 'outIf')[]
  proto?: 'tcp' | 'udp' | 'icmp'
  sport?: number
  dport?: number
  matches?: readonly MatchText[]
  target: string
  targetOptions?: MatchText // --to-destination …, --reject-with …
  owner: 'learner' | 'docker'
}>

export type Chain = Readonly<{ name: string; policy: string | null; rules: readonly SpecRule[] }>

const REJECT_WITH: MatchText = { save: '--reject-with icmp-port-unreachable', list: 'reject-with icmp-port-unreachable' }

/** A rule the learner added, in the form iptables stores it (a /32 on single addresses, -m tcp for --dport). */
export function toSpecRule(rule: Rule): SpecRule {
  const m = rule.match
  const matches: MatchText[] = []
  const ct: string[] = []
  const ctList: string[] = []
  if (m.ctState !== undefined) {
    ct.push(`--ctstate ${m.ctState.join(',')}`)
    ctList.push(`ctstate ${m.ctState.join(',')}`)
  }
  if (m.ctOrigDst !== undefined) {
    const shown = m.ctOrigDst.prefix === 32 ? m.ctOrigDst.text.split('/')[0] : m.ctOrigDst.text
    ct.push(`--ctorigdst ${shown}`)
    ctList.push(`ctorigdst ${shown}`)
  }
  if (m.ctOrigDstPort !== undefined) {
    ct.push(`--ctorigdstport ${m.ctOrigDstPort}`)
    ctList.push(`ctorigdstport ${m.ctOrigDstPort}`)
  }
  if (ct.length > 0) matches.push({ save: `-m conntrack ${ct.join(' ')}`, list: ctList.join(' ') })
  return {
    ...(m.src === undefined ? {} : { src: m.src.text }),
    ...(m.dst === undefined ? {} : { dst: m.dst.text }),
    ...(m.inIf === undefined ? {} : { inIf: m.inIf }),
    ...(m.outIf === undefined ? {} : { outIf: m.outIf }),
    ...(m.negated === undefined ? {} : { negated: m.negated }),
    ...(m.proto === undefined ? {} : { proto: m.proto }),
    ...(m.sport === undefined ? {} : { sport: m.sport }),
    ...(m.dport === undefined ? {} : { dport: m.dport }),
    matches,
    target: rule.target,
    ...(rule.target === 'REJECT' ? { targetOptions: REJECT_WITH } : {}),
    owner: 'learner',
  }
}

function docker(rule: Omit<SpecRule, 'owner'>): SpecRule {
  return { ...rule, owner: 'docker' }
}

const CT_ESTABLISHED: MatchText = { save: '-m conntrack --ctstate RELATED,ESTABLISHED', list: 'ctstate RELATED,ESTABLISHED' }
const DST_LOCAL: MatchText = { save: '-m addrtype --dst-type LOCAL', list: 'ADDRTYPE match dst-type LOCAL' }

/** The host's bridge networks, oldest first. Docker appends some of a new network's rules (they follow the older
 *  networks') and inserts others at the top (newestFirst), as the chains of a long-running host show. */
function bridges(host: Host): Network[] {
  const nets = [...(host.engine?.networks.values() ?? [])].filter((n) => n.driver === 'bridge' && n.bridge !== null)
  return nets.sort((a, b) => a.seq - b.seq)
}

function newestFirst<T>(items: readonly T[]): T[] {
  return [...items].reverse()
}

type Published = Readonly<{ bridge: string; ip: string; hostIp: string | null; hostPort: number; containerPort: number; proto: 'tcp' | 'udp' }>

/** Every running container's published ports on its gateway bridge, in the order the containers started. */
function published(world: World, host: Host): Published[] {
  const containers = (host.engine?.containers.values() ?? []).filter((c) => c.state === 'running' && c.service === null && c.bindings.length > 0)
  containers.sort((a, b) => a.seq - b.seq)
  return containers.flatMap((c) => {
    const net = gatewayNetwork(world, c)
    const ip = c.endpoints.find((e) => e.netId === net?.id)?.ip
    if (net === null || net.driver !== 'bridge' || net.bridge === null || ip === undefined) return []
    return c.bindings.map((b) => ({ bridge: net.bridge as string, ip, hostIp: b.hostIp, hostPort: b.hostPort, containerPort: b.containerPort, proto: b.proto }))
  })
}

/** The FORWARD chain: the learner's -I rules, Docker's two jumps, then the learner's -A rules (which follow them). */
export function forwardRules(host: Host): SpecRule[] {
  const jumps = host.engine === null ? [] : [docker({ target: 'DOCKER-USER' }), docker({ target: 'DOCKER-FORWARD' })]
  return [...host.chains.FORWARD.map(toSpecRule), ...jumps, ...host.forwardAppended.map(toSpecRule)]
}

function filterChains(world: World, host: Host): Chain[] {
  const own: Chain[] = [
    { name: 'INPUT', policy: 'ACCEPT', rules: host.chains.INPUT.map(toSpecRule) },
    // Docker sets the FORWARD policy to DROP when it turns on ip_forward (facts 32); a plain Linux host keeps ACCEPT.
    { name: 'FORWARD', policy: host.engine === null ? 'ACCEPT' : 'DROP', rules: forwardRules(host) },
    { name: 'OUTPUT', policy: 'ACCEPT', rules: host.chains.OUTPUT.map(toSpecRule) },
  ]
  if (host.engine === null) return own
  const nets = bridges(host)
  const external = nets.filter((n) => !n.internal)
  const ports = published(world, host)
  const dockerChain = [
    ...newestFirst(ports).map((p) => docker({ dst: `${p.ip}/32`, inIf: p.bridge, outIf: p.bridge, negated: ['inIf'], proto: p.proto, dport: p.containerPort, target: 'ACCEPT' })),
    ...external.map((n) => docker({ inIf: n.bridge as string, outIf: n.bridge as string, negated: ['inIf'], target: 'DROP' })),
  ]
  const forward = [
    docker({ target: 'DOCKER-CT' }),
    docker({ target: 'DOCKER-INTERNAL' }),
    docker({ target: 'DOCKER-BRIDGE' }),
    ...nets.flatMap((n) => {
      const br = n.bridge as string
      const icc = docker({ inIf: br, outIf: br, target: n.icc ? 'ACCEPT' : 'DROP' })
      // An internal network only talks inside its bridge; others also get the egress ACCEPT (-i br).
      if (n.internal) return [icc]
      return n.icc ? [docker({ inIf: br, target: 'ACCEPT' })] : [icc, docker({ inIf: br, target: 'ACCEPT' })]
    }),
  ]
  const internal = newestFirst(nets)
    .filter((n) => n.internal && n.subnet !== null)
    .flatMap((n) => [
      docker({ src: n.subnet!.text, outIf: n.bridge as string, negated: ['src'], target: 'DROP' }),
      docker({ dst: n.subnet!.text, inIf: n.bridge as string, negated: ['dst'], target: 'DROP' }),
    ])
  return [
    ...own,
    { name: 'DOCKER', policy: null, rules: dockerChain },
    { name: 'DOCKER-BRIDGE', policy: null, rules: external.map((n) => docker({ outIf: n.bridge as string, target: 'DOCKER' })) },
    { name: 'DOCKER-CT', policy: null, rules: external.map((n) => docker({ outIf: n.bridge as string, matches: [CT_ESTABLISHED], target: 'ACCEPT' })) },
    { name: 'DOCKER-FORWARD', policy: null, rules: forward },
    { name: 'DOCKER-INTERNAL', policy: null, rules: internal },
    { name: 'DOCKER-USER', policy: null, rules: host.chains['DOCKER-USER'].map(toSpecRule) },
  ]
}

function natChains(world: World, host: Host): Chain[] {
  const builtin = (name: string, rules: SpecRule[]): Chain => ({ name, policy: 'ACCEPT', rules })
  if (host.engine === null) return ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'].map((n) => builtin(n, []))
  const external = bridges(host).filter((n) => !n.internal)
  // With docker-proxy on (the default), traffic from a bridge to a published port skips DNAT and meets the proxy
  // (facts 37, "SKIP DNAT"); every other published port is DNATed to its container.
  const dockerChain = [
    ...newestFirst(external).map((n) => docker({ inIf: n.bridge as string, target: 'RETURN' })),
    ...published(world, host).map((p) =>
      docker({
        ...(p.hostIp === null ? {} : { dst: `${p.hostIp}/32` }),
        inIf: p.bridge,
        negated: ['inIf'],
        proto: p.proto,
        dport: p.hostPort,
        target: 'DNAT',
        targetOptions: { save: `--to-destination ${p.ip}:${p.containerPort}`, list: `to:${p.ip}:${p.containerPort}` },
      }),
    ),
  ]
  return [
    builtin('PREROUTING', [docker({ matches: [DST_LOCAL], target: 'DOCKER' })]),
    builtin('INPUT', []),
    builtin('OUTPUT', [docker({ dst: '127.0.0.0/8', negated: ['dst'], matches: [DST_LOCAL], target: 'DOCKER' })]),
    builtin(
      'POSTROUTING',
      newestFirst(external).filter((n) => n.subnet !== null).map((n) => docker({ src: n.subnet!.text, outIf: n.bridge as string, negated: ['outIf'], target: 'MASQUERADE' })),
    ),
    { name: 'DOCKER', policy: null, rules: dockerChain },
  ]
}

/** The chains of one table on one host: built-in chains first, then user chains by name (as iptables lists them). */
export function tableChains(world: World, host: Host, table: IptablesTable): Chain[] {
  return table === 'filter' ? filterChains(world, host) : natChains(world, host)
}
