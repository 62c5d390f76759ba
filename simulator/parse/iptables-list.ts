// The read-only side of iptables: `-L [CHAIN]` (the table view) and `-S [CHAIN]` (rule specs as iptables-save
// prints them), with -n, -v, -x and --line-numbers, clustered the way getopt allows (`-nL`, `-nvL DOCKER-USER`,
// `-L -n --line-numbers`), and `-L|-S CHAIN N` for rule N alone. A chain name is only checked against the world
// later: the model knows which exist.
import { err, ok, type Result } from '../result'

export type IptablesTable = 'filter' | 'nat'
export type IptablesList = Readonly<{
  kind: 'list'
  table: IptablesTable
  chain: string | null
  style: 'table' | 'rules' // -L | -S
  numeric: boolean
  verbose: boolean
  lineNumbers: boolean
  // `iptables -L CHAIN N` / `-S CHAIN N`: only rule N (1-based), printed without the chain's header.
  rule: number | null
}>

const VERSION = 'iptables v1.8.9 (legacy)'
const SHORT_CLUSTER = /^-[nvxLS]+$/

/** True when the words (after `iptables`) ask for a listing rather than a change. */
export function isIptablesListing(args: readonly string[]): boolean {
  return args.some((a) => a === '--list' || a === '--list-rules' || (SHORT_CLUSTER.test(a) && /[LS]/.test(a)))
}

export function parseTableName(name: string | undefined): Result<IptablesTable> {
  if (name === 'filter' || name === 'nat') return ok(name)
  if (name === 'raw' || name === 'mangle' || name === 'security') {
    return err('iptables', `iptables: the simulator lists only the filter and nat tables, not "${name}"`)
  }
  return err('iptables', `${VERSION}: can't initialize iptables table \`${name ?? ''}': Table does not exist (do you need to insmod?)`)
}

export function parseIptablesList(args: readonly string[]): Result<IptablesList> {
  let table: IptablesTable = 'filter'
  let style: 'table' | 'rules' | null = null
  let chain: string | null = null
  let numeric = false
  let verbose = false
  let lineNumbers = false
  let rule: number | null = null
  // -L and -S are two commands; iptables refuses both on one line.
  const setStyle = (s: 'table' | 'rules'): Result<null> => {
    if (style !== null && style !== s) return err('iptables', `${VERSION}: Illegal option \`-${s === 'table' ? 'L' : 'S'}' with this command\nTry \`iptables -h' or 'iptables --help' for more information.`)
    style = s
    return ok(null)
  }
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string
    if (a === '-t' || a === '--table') {
      const t = parseTableName(args[++i])
      if (!t.ok) return t
      table = t.value
    } else if (a.startsWith('-t') && a.length > 2 && !a.startsWith('--')) {
      const t = parseTableName(a.slice(2))
      if (!t.ok) return t
      table = t.value
    } else if (a === '--list' || a === '--list-rules') {
      const r = setStyle(a === '--list' ? 'table' : 'rules')
      if (!r.ok) return r
    } else if (a === '--numeric') numeric = true
    else if (a === '--verbose') verbose = true
    else if (a === '--line-numbers') lineNumbers = true
    else if (a === '--exact') continue
    else if (SHORT_CLUSTER.test(a)) {
      for (const ch of a.slice(1)) {
        if (ch === 'n') numeric = true
        else if (ch === 'v') verbose = true
        else if (ch === 'L' || ch === 'S') {
          const r = setStyle(ch === 'L' ? 'table' : 'rules')
          if (!r.ok) return r
        }
      }
    } else if (!a.startsWith('-') && chain === null) chain = a
    else if (!a.startsWith('-') && rule === null) {
      // iptables.c parse_rulenumber: a whole number from 1.
      if (!/^\d+$/.test(a) || Number(a) < 1) return err('iptables', `${VERSION}: Invalid rule number \`${a}'\nTry \`iptables -h' or 'iptables --help' for more information.`)
      rule = Number(a)
    } else if (!a.startsWith('-')) return err('iptables', `${VERSION}: Bad argument \`${a}'\nTry \`iptables -h' or 'iptables --help' for more information.`)
    else return err('iptables', `${VERSION}: unknown option "${a}"\nTry \`iptables -h' or 'iptables --help' for more information.`)
  }
  if (style === null) return err('iptables', 'iptables: no command specified (use -L or -S to list)')
  return ok({ kind: 'list', table, chain, style, numeric, verbose, lineNumbers, rule })
}
