// Learner-added filter rules on a host (INPUT, FORWARD, DOCKER-USER) and their evaluation. Docker's own rules are
// not stored as rules: the tracer applies them as code, in the order of the v28.0.1+ chains (facts 23–31).
import type { Ipv4 } from '../parse/ip'
import { cidrContains } from '../parse/ip'
import type { IptablesCommand, Rule } from '../parse/iptables-command'
import { sameMatch, type NegatableField } from '../parse/iptables-command'
import type { IptablesList } from '../parse/iptables-list'
import { err, ok, type Result } from '../result'
import { forwardRules } from './iptables-rules'
import type { Chains, Host } from './types'

export type FilterPacket = Readonly<{
  inIf: string | null
  outIf: string | null
  src: Ipv4
  dst: Ipv4
  proto: 'tcp' | 'udp' | 'icmp'
  dport: number | null
  sport: number | null
  origDst: Ipv4
  origDport: number | null
  // The request of a probe is NEW; its reply (and a TCP RST) belongs to the connection: ESTABLISHED.
  ctState: 'NEW' | 'ESTABLISHED'
}>

export type RuleHit = Readonly<{ chain: string; index: number; rule: Rule }>

function ifMatches(pattern: string, name: string | null): boolean {
  if (name === null) return false
  return pattern.endsWith('+') ? name.startsWith(pattern.slice(0, -1)) : pattern === name
}

export function ruleMatches(rule: Rule, p: FilterPacket): boolean {
  const m = rule.match
  // A field written after `!` matches when the test fails (and a packet with no interface never matches `-i`).
  const is = (field: NegatableField, test: boolean) => (m.negated?.includes(field) ? !test : test)
  if (m.inIf !== undefined && !is('inIf', ifMatches(m.inIf, p.inIf))) return false
  if (m.outIf !== undefined && !is('outIf', ifMatches(m.outIf, p.outIf))) return false
  if (m.src !== undefined && !is('src', cidrContains(m.src, p.src))) return false
  if (m.dst !== undefined && !is('dst', cidrContains(m.dst, p.dst))) return false
  if (m.proto !== undefined && m.proto !== p.proto) return false
  if (m.dport !== undefined && m.dport !== p.dport) return false
  if (m.sport !== undefined && m.sport !== p.sport) return false
  if (m.ctOrigDst !== undefined && !cidrContains(m.ctOrigDst, p.origDst)) return false
  if (m.ctOrigDstPort !== undefined && m.ctOrigDstPort !== p.origDport) return false
  if (m.ctState !== undefined && !m.ctState.includes(p.ctState)) return false
  return true
}

/** The first terminating rule that matches, or null when the chain falls through (RETURN counts as fall-through). */
export function evaluateChain(name: string, rules: readonly Rule[], p: FilterPacket): RuleHit | null {
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i] as Rule
    if (!ruleMatches(rule, p)) continue
    if (rule.target === 'RETURN') return null
    return { chain: name, index: i + 1, rule }
  }
  return null
}

/** `iptables -D CHAIN N` (with = null) or `-R CHAIN N rule` (with = the new rule): N counts every rule
 *  `iptables -L CHAIN --line-numbers` shows, Docker's jumps included. */
function atNumber(host: Host, chain: keyof Chains, n: number, with_: Rule | null): Result<Host> {
  const tooBig = err('iptables', with_ === null ? 'iptables: Index of deletion too big.' : 'iptables: Index of replacement too big.')
  const edit = (rules: readonly Rule[], k: number) => (with_ === null ? rules.filter((_, j) => j !== k) : rules.map((r, j) => (j === k ? with_ : r)))
  if (chain !== 'FORWARD') {
    if (n > host.chains[chain].length) return tooBig
    return ok({ ...host, chains: { ...host.chains, [chain]: edit(host.chains[chain], n - 1) } })
  }
  const shown = forwardRules(host)
  const target = shown[n - 1]
  if (target === undefined) return tooBig
  if (target.owner === 'docker') {
    return err('iptables', `iptables: FORWARD rule ${n} is Docker's jump to ${target.target}; the simulator does not let you ${with_ === null ? 'delete' : 'replace'} Docker's own rules (Docker puts them back when it restarts). Change your own rules by their number in iptables -L FORWARD --line-numbers.`)
  }
  const inserted = host.chains.FORWARD.length
  if (n <= inserted) return ok({ ...host, chains: { ...host.chains, FORWARD: edit(host.chains.FORWARD, n - 1) } })
  const k = n - 1 - (shown.length - host.forwardAppended.length)
  return ok({ ...host, forwardAppended: edit(host.forwardAppended, k) })
}

export function applyIptables(host: Host, cmd: Exclude<IptablesCommand, IptablesList>): Result<Host> {
  const chains: { -readonly [K in keyof Chains]: Chains[K] } = { ...host.chains }
  switch (cmd.kind) {
    case 'insert': {
      const rules = [...chains[cmd.chain]]
      if (cmd.position > rules.length + 1) return err('iptables', 'iptables: Index of insertion too big.')
      rules.splice(cmd.position - 1, 0, cmd.rule)
      chains[cmd.chain] = rules
      return ok({ ...host, chains })
    }
    case 'append':
      if (cmd.chain === 'FORWARD') return ok({ ...host, forwardAppended: [...host.forwardAppended, cmd.rule] })
      chains[cmd.chain] = [...chains[cmd.chain], cmd.rule]
      return ok({ ...host, chains })
    case 'delete': {
      const i = chains[cmd.chain].findIndex((r) => sameMatch(r, cmd.rule))
      if (i < 0) {
        const j = cmd.chain === 'FORWARD' ? host.forwardAppended.findIndex((r) => sameMatch(r, cmd.rule)) : -1
        if (j < 0) return err('iptables', 'iptables: Bad rule (does a matching rule exist in that chain?).')
        return ok({ ...host, forwardAppended: host.forwardAppended.filter((_, k) => k !== j) })
      }
      chains[cmd.chain] = chains[cmd.chain].filter((_, k) => k !== i)
      return ok({ ...host, chains })
    }
    case 'delete-number':
      return atNumber(host, cmd.chain, cmd.number, null)
    case 'replace':
      return atNumber(host, cmd.chain, cmd.number, cmd.rule)
    case 'flush':
      chains[cmd.chain] = []
      return ok({ ...host, chains, forwardAppended: cmd.chain === 'FORWARD' ? [] : host.forwardAppended })
  }
}
