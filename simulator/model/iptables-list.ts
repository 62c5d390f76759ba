// `iptables -S` and `iptables -L` as iptables 1.8 prints them (iptables/iptables.c print_header, print_firewall;
// iptables-save's rule order: -s -d -i -o -p, then matches, then -j). Reads the world, changes nothing.
import type { IptablesList } from '../parse/iptables-list'
import { err, ok, type Result } from '../result'
import { tableChains, type Chain, type SpecRule } from './iptables-rules'
import type { Host, World } from './types'

export const NO_SUCH_CHAIN = 'iptables: No chain/target/match by that name.'

// What getservbyport answers from Debian's /etc/services for the ports the course uses (-L without -n).
const SERVICES: Readonly<Record<string, string>> = {
  'tcp/22': 'ssh', 'tcp/25': 'smtp', 'tcp/53': 'domain', 'udp/53': 'domain', 'tcp/80': 'http', 'tcp/443': 'https',
  'udp/123': 'ntp', 'tcp/3306': 'mysql', 'tcp/5432': 'postgresql', 'tcp/8080': 'http-alt',
}

function isNegated(r: SpecRule, field: 'src' | 'dst' | 'inIf' | 'outIf'): boolean {
  return r.negated?.includes(field) === true
}

/** One rule as `iptables -S` prints it, after `-A CHAIN`. */
export function formatRuleSpec(r: SpecRule): string {
  const parts: string[] = []
  const opt = (field: 'src' | 'dst' | 'inIf' | 'outIf', flag: string, value: string | undefined) => {
    if (value !== undefined) parts.push(`${isNegated(r, field) ? '! ' : ''}${flag} ${value}`)
  }
  opt('src', '-s', r.src)
  opt('dst', '-d', r.dst)
  opt('inIf', '-i', r.inIf)
  opt('outIf', '-o', r.outIf)
  if (r.proto !== undefined) parts.push(`-p ${r.proto}`)
  // --dport needs the tcp/udp match; iptables loads it implicitly and iptables-save names it.
  if (r.sport !== undefined || r.dport !== undefined) {
    parts.push(`-m ${r.proto}`)
    if (r.sport !== undefined) parts.push(`--sport ${r.sport}`)
    if (r.dport !== undefined) parts.push(`--dport ${r.dport}`)
  }
  for (const m of r.matches ?? []) parts.push(m.save)
  parts.push(`-j ${r.target}`)
  if (r.targetOptions !== undefined) parts.push(r.targetOptions.save)
  return parts.join(' ')
}

function formatRulesStyle(chains: readonly Chain[], verbose: boolean): string {
  const counters = verbose ? ' -c 0 0' : ''
  const heads = [
    ...chains.filter((c) => c.policy !== null).map((c) => `-P ${c.name} ${c.policy}${counters}`),
    ...chains.filter((c) => c.policy === null).map((c) => `-N ${c.name}`),
  ]
  return [...heads, ...chains.flatMap((c) => c.rules.map((r) => `-A ${c.name} ${formatRuleSpec(r)}${counters}`))].join('\n')
}

function formatAddress(cidr: string | undefined, numeric: boolean): string {
  if (cidr === undefined) return numeric ? '0.0.0.0/0' : 'anywhere'
  const [ip, prefix] = cidr.split('/')
  if (prefix === '0' && !numeric) return 'anywhere'
  return prefix === '32' ? (ip as string) : cidr
}

function formatPort(proto: string, port: number, numeric: boolean): string {
  return numeric ? String(port) : (SERVICES[`${proto}/${port}`] ?? String(port))
}

/** The words after the destination column: the matches' and the target's own print functions. */
function formatExtras(r: SpecRule, numeric: boolean): string {
  const words: string[] = []
  if (r.sport !== undefined || r.dport !== undefined) {
    words.push(r.proto as string)
    if (r.sport !== undefined) words.push(`spt:${formatPort(r.proto as string, r.sport, numeric)}`)
    if (r.dport !== undefined) words.push(`dpt:${formatPort(r.proto as string, r.dport, numeric)}`)
  }
  for (const m of r.matches ?? []) words.push(m.list)
  if (r.targetOptions !== undefined) words.push(r.targetOptions.list)
  return words.join(' ')
}

type ListOptions = Pick<IptablesList, 'numeric' | 'verbose' | 'lineNumbers'>

function formatHeader(chain: Chain, references: number, o: ListOptions): string {
  const head = chain.policy === null ? `Chain ${chain.name} (${references} references)` : `Chain ${chain.name} (policy ${chain.policy}${o.verbose ? ' 0 packets, 0 bytes' : ''})`
  let cols = o.lineNumbers ? 'num'.padEnd(4) + ' ' : ''
  if (o.verbose) cols += `${'pkts'.padStart(5)} ${'bytes'.padStart(5)} `
  cols += `${'target'.padEnd(9)}  prot opt`
  if (o.verbose) cols += ` ${'in'.padEnd(6)} ${'out'.padEnd(6)} `
  cols += ` ${'source'.padEnd(19)}  ${'destination'.padEnd(19)} `
  return `${head}\n${cols.trimEnd()}`
}

function formatRow(r: SpecRule, num: number, o: ListOptions): string {
  let line = o.lineNumbers ? `${String(num).padEnd(4)} ` : ''
  if (o.verbose) line += `${'0'.padStart(5)} ${'0'.padStart(5)} `
  line += `${r.target.padEnd(9)}  ${(r.proto ?? 'all').padEnd(5)}-- `
  if (o.verbose) {
    const iface = (field: 'inIf' | 'outIf', name: string | undefined) => `${isNegated(r, field) ? '!' : ''}${name ?? (o.numeric ? '*' : 'any')}`
    line += ` ${iface('inIf', r.inIf).padEnd(6)} ${iface('outIf', r.outIf).padEnd(6)} `
  }
  line += `${isNegated(r, 'src') ? '!' : ' '}${formatAddress(r.src, o.numeric).padEnd(19)} `
  line += `${isNegated(r, 'dst') ? '!' : ' '}${formatAddress(r.dst, o.numeric).padEnd(19)} `
  const extras = formatExtras(r, o.numeric)
  return (extras === '' ? line : `${line} ${extras}`).trimEnd()
}

function formatTableStyle(all: readonly Chain[], shown: readonly Chain[], o: ListOptions): string {
  const references = (name: string) => all.reduce((n, c) => n + c.rules.filter((r) => r.target === name).length, 0)
  return shown
    .map((c) => [formatHeader(c, references(c.name), o), ...c.rules.map((r, i) => formatRow(r, i + 1, o))].join('\n'))
    .join('\n\n')
}

/**
 * `iptables -L|-S CHAIN N`: rule N alone, without the chain's header or policy line (iptables.c list_entries and
 * list_rules print those only when no rule number is given); nothing at all when the chain has fewer rules.
 */
function formatOneRule(chain: Chain, n: number, o: IptablesList): string {
  const rule = chain.rules[n - 1]
  if (rule === undefined) return ''
  return o.style === 'rules' ? `-A ${chain.name} ${formatRuleSpec(rule)}${o.verbose ? ' -c 0 0' : ''}` : formatRow(rule, n, o)
}

/** The text of `iptables [-t TABLE] -S|-L [CHAIN] …` on this host, or iptables' error for a chain it lacks. */
export function formatIptablesList(world: World, host: Host, cmd: IptablesList): Result<string> {
  const chains = tableChains(world, host, cmd.table)
  const shown = cmd.chain === null ? chains : chains.filter((c) => c.name === cmd.chain)
  if (shown.length === 0) return err('iptables', NO_SUCH_CHAIN)
  if (cmd.rule !== null) return ok(formatOneRule(shown[0] as Chain, cmd.rule, cmd))
  return ok(cmd.style === 'rules' ? formatRulesStyle(shown, cmd.verbose) : formatTableStyle(chains, shown, cmd))
}
