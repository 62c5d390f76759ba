// The subset of iptables (and ufw) that learners add to a Docker host:
//   iptables -I|-A INPUT|FORWARD|OUTPUT|DOCKER-USER [N] [[!] -i IF] [[!] -o IF] [[!] -s CIDR] [[!] -d CIDR] [-p tcp|udp|icmp]
//            [--dport N] [--sport N] [-m conntrack --ctorigdstport N --ctorigdst IP] -j DROP|REJECT|ACCEPT|RETURN
//   iptables -D CHAIN <same match>, iptables -D CHAIN N, iptables -F CHAIN;   ufw deny|allow PORT[/proto]
// -P, -R, -Z, -N, -X and -E are real but not modelled: they say so (UNMODELLED_OPS) rather than fail to parse.
// and the listings `iptables [-t filter|nat] -L|-S [CHAIN] [-n] [-v] [--line-numbers]` (iptables-list.ts).
import { err, ok, type Result } from '../result'
import { splitArgv } from './argv'
import { parseCidr, type Cidr } from './ip'
import { isIptablesListing, parseIptablesList, type IptablesList } from './iptables-list'

export type ChainName = 'INPUT' | 'FORWARD' | 'OUTPUT' | 'DOCKER-USER' | 'raw PREROUTING' | 'mangle PREROUTING'
export type Target = 'DROP' | 'REJECT' | 'ACCEPT' | 'RETURN'
const CT_STATES = ['NEW', 'ESTABLISHED', 'RELATED', 'INVALID', 'UNTRACKED', 'SNAT', 'DNAT'] as const
export type CtState = (typeof CT_STATES)[number]

const NEGATABLE = { '-i': 'inIf', '--in-interface': 'inIf', '-o': 'outIf', '--out-interface': 'outIf', '-s': 'src', '--source': 'src', '-d': 'dst', '--destination': 'dst' } as const
export type NegatableField = (typeof NEGATABLE)[keyof typeof NEGATABLE]

export type RuleMatch = Readonly<{
  inIf?: string
  outIf?: string
  src?: Cidr
  dst?: Cidr
  proto?: 'tcp' | 'udp' | 'icmp'
  dport?: number
  sport?: number
  ctOrigDst?: Cidr
  ctOrigDstPort?: number
  /** -m conntrack --ctstate / -m state --state: the connection states the rule matches (NEW, ESTABLISHED, …). */
  ctState?: readonly CtState[]
  /** The fields written after `!` (`! -s 10.77.0.0/24`): the rule matches when they do NOT. */
  negated?: readonly NegatableField[]
}>
export type Rule = Readonly<{ match: RuleMatch; target: Target; text: string }>
export type IptablesCommand =
  | Readonly<{ kind: 'insert'; chain: ChainName; position: number; rule: Rule }>
  | Readonly<{ kind: 'append'; chain: ChainName; rule: Rule }>
  | Readonly<{ kind: 'delete'; chain: ChainName; rule: Rule }>
  | Readonly<{ kind: 'delete-number'; chain: ChainName; number: number }>
  | Readonly<{ kind: 'replace'; chain: ChainName; number: number; rule: Rule }>
  | Readonly<{ kind: 'flush'; chain: ChainName }>
  | IptablesList

const CHAINS: readonly string[] = ['INPUT', 'FORWARD', 'OUTPUT', 'DOCKER-USER']

// Real iptables commands the simulator does not model, each with what to do instead. A made-up parse error
// ('unknown option "ACCEPT"' for -P FORWARD ACCEPT) would teach that the command is wrong when it is not.
const POLICY = 'changing a chain\'s policy is not modelled in this simulator: each chain keeps the policy iptables -L CHAIN shows (on a Docker host FORWARD is DROP, as Docker sets it; the others ACCEPT). To accept or drop traffic, insert a rule instead: iptables -I DOCKER-USER … -j ACCEPT|DROP.'
const OWN_CHAINS = 'chains of your own are not modelled in this simulator; put rules in INPUT, FORWARD, OUTPUT or DOCKER-USER.'
const UNMODELLED_OPS: Readonly<Record<string, string>> = {
  '-P': POLICY,
  '--policy': POLICY,
  '-Z': 'the simulator keeps no packet counters (iptables -L -v shows 0), so there is nothing to zero; the trace of a probe shows which rule it met.',
  '--zero': 'the simulator keeps no packet counters, so there is nothing to zero; the trace of a probe shows which rule it met.',
  '-N': OWN_CHAINS,
  '--new-chain': OWN_CHAINS,
  '-X': OWN_CHAINS,
  '--delete-chain': OWN_CHAINS,
  '-E': OWN_CHAINS,
  '--rename-chain': OWN_CHAINS,
}

function parseMatch(args: readonly string[], text: string): Result<Rule> {
  const match: { -readonly [K in keyof RuleMatch]: RuleMatch[K] } = {}
  let target: Target | null = null
  const negated: NegatableField[] = []
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string
    if (a === '!') {
      // iptables' inversion: `! -s X` matches every source but X (man iptables-extensions; Docker's docs use it).
      const next = args[i + 1] ?? ''
      const field = Object.hasOwn(NEGATABLE, next) ? NEGATABLE[next as keyof typeof NEGATABLE] : undefined
      if (field === undefined) return err('iptables', `iptables: the simulator supports "!" only before -i, -o, -s or -d, not before "${next || '(nothing)'}"`)
      negated.push(field)
      continue
    }
    const v = args[i + 1]
    const need = (): Result<string> => (v === undefined ? err('iptables', `iptables: option "${a}" requires an argument`) : ok(v))
    const val = need()
    switch (a) {
      case '-m':
      case '--match':
        i++
        continue
      case '-i':
      case '--in-interface':
      case '-o':
      case '--out-interface': {
        if (!val.ok) return val
        if (a === '-i' || a === '--in-interface') match.inIf = val.value
        else match.outIf = val.value
        i++
        continue
      }
      case '-s':
      case '--source':
      case '-d':
      case '--destination':
      case '--ctorigdst': {
        if (!val.ok) return val
        const c = parseCidr(val.value.includes('/') ? val.value : `${val.value}/32`)
        if (!c.ok) return err('iptables', `iptables v1.8.9 (legacy): host/network \`${val.value}' not found`)
        if (a === '-s' || a === '--source') match.src = c.value
        else if (a === '--ctorigdst') match.ctOrigDst = c.value
        else match.dst = c.value
        i++
        continue
      }
      case '-p':
      case '--protocol': {
        if (!val.ok) return val
        const p = val.value.toLowerCase()
        if (p !== 'tcp' && p !== 'udp' && p !== 'icmp') return err('iptables', `iptables v1.8.9 (legacy): unknown protocol "${val.value}" specified`)
        match.proto = p
        i++
        continue
      }
      case '--dport':
      case '--destination-port':
      case '--sport':
      case '--source-port':
      case '--ctorigdstport': {
        if (!val.ok) return val
        const n = Number(val.value)
        if (!Number.isInteger(n) || n < 0 || n > 65535) return err('iptables', `iptables v1.8.9 (legacy): invalid port/service \`${val.value}' specified`)
        if (a === '--ctorigdstport') match.ctOrigDstPort = n
        else {
          if (match.proto !== 'tcp' && match.proto !== 'udp') return err('iptables', `iptables v1.8.9 (legacy): unknown option "${a}" (add -p tcp or -p udp before ${a})`)
          if (a === '--sport' || a === '--source-port') match.sport = n
          else match.dport = n
        }
        i++
        continue
      }
      case '--ctstate':
      case '--state': {
        if (!val.ok) return val
        const states = val.value.toUpperCase().split(',')
        const bad = states.find((s) => !(CT_STATES as readonly string[]).includes(s))
        if (bad !== undefined) return err('iptables', `iptables v1.8.9 (legacy): Bad ctstate "${bad}"`)
        match.ctState = states as CtState[]
        i++
        continue
      }
      case '--reject-with':
      case '--comment':
        i++
        continue
      case '-j':
      case '--jump': {
        if (!val.ok) return val
        const t = val.value.toUpperCase()
        if (t !== 'DROP' && t !== 'REJECT' && t !== 'ACCEPT' && t !== 'RETURN') return err('iptables', `iptables v1.8.9 (legacy): the simulator supports -j DROP, REJECT, ACCEPT or RETURN, not "${val.value}"`)
        target = t
        i++
        continue
      }
      default:
        return err('iptables', `iptables v1.8.9 (legacy): unknown option "${a}"\nTry \`iptables -h' or 'iptables --help' for more information.`)
    }
  }
  if (target === null) return err('iptables', 'iptables: a rule needs a target such as -j DROP')
  if (negated.length > 0) match.negated = negated
  return ok({ match, target, text })
}

function parseUfw(args: readonly string[], line: string): Result<IptablesCommand> {
  const [verb, portText] = args
  const m = portText === undefined ? null : /^(\d+)(?:\/(tcp|udp))?$/.exec(portText)
  if ((verb !== 'deny' && verb !== 'allow' && verb !== 'reject') || !m) {
    return err('ufw', `ufw: the simulator supports "ufw deny|allow|reject PORT[/tcp|udp]", not: ${line}`)
  }
  const proto = (m[2] as 'tcp' | 'udp' | undefined) ?? 'tcp'
  const target: Target = verb === 'deny' ? 'DROP' : verb === 'reject' ? 'REJECT' : 'ACCEPT'
  return ok({ kind: 'insert', chain: 'INPUT', position: 1, rule: { match: { proto, dport: Number(m[1]) }, target, text: line } })
}

/** `-w [seconds]` / `--wait [seconds]` (wait for the xtables lock) changes nothing here: drop it and its number. */
function withoutWait(args: readonly string[]): string[] {
  const out: string[] = []
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string
    if (a === '-w' || a === '--wait' || a === '-W' || a === '--wait-interval') {
      if (/^\d+(\.\d+)?$/.test(args[i + 1] ?? '')) i++
      continue
    }
    if (/^--wait=\d+$/.test(a) || /^-w\d+$/.test(a)) continue
    out.push(a)
  }
  return out
}

/** `-t TABLE` anywhere on the line (iptables takes it in any position): the table and the other words. */
function splitTable(args: readonly string[]): { table: string; rest: string[] } {
  let table = 'filter'
  const rest: string[] = []
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string
    if (a === '-t' || a === '--table') table = args[++i] ?? ''
    else if (/^-t[a-z]+$/.test(a)) table = a.slice(2)
    else if (a.startsWith('--table=')) table = a.slice('--table='.length)
    else rest.push(a)
  }
  return { table, rest }
}

const RAW_MANGLE = 'the simulator models learner rules in the raw and mangle tables\' PREROUTING chain only (where Docker v28 puts its direct-access drops)'

export function parseIptablesCommand(line: string): Result<IptablesCommand> {
  const argv = splitArgv(line)
  if (!argv.ok) return argv
  const [prog, ...words] = argv.value
  if (prog === 'ufw') return parseUfw(words, line)
  if (prog !== 'iptables') return err('usage', `not an iptables command: ${line}`)
  const rest = withoutWait(words)
  if (isIptablesListing(rest)) return parseIptablesList(rest)
  const { table, rest: filtered } = splitTable(rest)
  const [op, chain, ...more] = filtered
  const unmodelled = UNMODELLED_OPS[op ?? '']
  if (unmodelled !== undefined) return err('iptables', `iptables ${op}: ${unmodelled}`)
  let c: ChainName
  if (table === 'raw' || table === 'mangle') {
    if (chain !== 'PREROUTING') return err('iptables', `iptables -t ${table} ${chain ?? ''}: ${RAW_MANGLE}.`)
    c = `${table} PREROUTING`
  } else if (table === 'nat' || table === 'security') {
    return err('iptables', `iptables -t ${table}: changing the ${table} table is not modelled in this simulator (Docker owns nat); filter rules go in INPUT, FORWARD, OUTPUT or DOCKER-USER, and ${RAW_MANGLE}.`)
  } else if (table !== 'filter') {
    return err('iptables', `iptables v1.8.9 (legacy): can't initialize iptables table \`${table}': Table does not exist (do you need to insmod?)\nPerhaps iptables or your kernel needs to be upgraded.`)
  } else if (chain === undefined || !CHAINS.includes(chain)) {
    return err('iptables', `iptables: No chain/target/match by that name (the simulator supports INPUT, FORWARD, OUTPUT and DOCKER-USER, got "${chain ?? ''}")`)
  } else c = chain as ChainName
  if (op === '-F' || op === '--flush') return ok({ kind: 'flush', chain: c })
  if ((op === '-D' || op === '--delete') && more.length === 1 && /^\d+$/.test(more[0] as string)) {
    // `iptables -D CHAIN N` deletes the Nth rule (1-based), as `iptables -L CHAIN --line-numbers` numbers them.
    const number = Number(more[0])
    if (number < 1) return err('iptables', `iptables v1.8.9 (legacy): Invalid rule number \`${more[0]}'\nTry \`iptables -h' or 'iptables --help' for more information.`)
    return ok({ kind: 'delete-number', chain: c, number })
  }
  let args = more
  let position = 1
  if ((op === '-I' || op === '--insert') && more[0] !== undefined && /^\d+$/.test(more[0])) {
    position = Number(more[0])
    args = more.slice(1)
  }
  if (op === '-R' || op === '--replace') {
    // -R CHAIN N rule-spec: N is required (iptables: "-R requires a rule number").
    if (more[0] === undefined || !/^\d+$/.test(more[0]) || Number(more[0]) < 1) {
      return err('iptables', `iptables v1.8.9 (legacy): Invalid rule number \`${more[0] ?? ''}'\nTry \`iptables -h' or 'iptables --help' for more information.`)
    }
    position = Number(more[0])
    args = more.slice(1)
  }
  const rule = parseMatch(args, line)
  if (!rule.ok) return rule
  if (c.endsWith('PREROUTING') && rule.value.match.outIf !== undefined) return err('iptables', "iptables v1.8.9 (legacy): Can't use -o with PREROUTING\n\nTry `iptables -h' or 'iptables --help' for more information.")
  if (c !== 'INPUT' && c !== 'FORWARD' && c !== 'OUTPUT' && c !== 'DOCKER-USER' && rule.value.target === 'REJECT') {
    // x_tables: the REJECT target is only valid in the filter table; the kernel refuses the rule (EINVAL).
    return err('iptables', 'iptables: Invalid argument. Run `dmesg\' for more information.')
  }
  if (op === '-I' || op === '--insert') return ok({ kind: 'insert', chain: c, position, rule: rule.value })
  if (op === '-A' || op === '--append') return ok({ kind: 'append', chain: c, rule: rule.value })
  if (op === '-D' || op === '--delete') return ok({ kind: 'delete', chain: c, rule: rule.value })
  if (op === '-R' || op === '--replace') return ok({ kind: 'replace', chain: c, number: position, rule: rule.value })
  return err('iptables', `iptables: the simulator supports -I, -A, -R, -D and -F, not "${op ?? ''}"`)
}

/** The rule as iptables compares it for -D: the same matches and target whatever order they were typed in. */
function canonical(r: Rule): string {
  const m = r.match as Record<string, unknown>
  const keys = Object.keys(m).sort()
  return JSON.stringify([keys.map((k) => [k, Array.isArray(m[k]) ? [...(m[k] as string[])].sort() : m[k]]), r.target])
}

export function sameMatch(a: Rule, b: Rule): boolean {
  return canonical(a) === canonical(b)
}

