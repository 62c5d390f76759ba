// The `ip` (iproute2) subset for the macvlan "shim" workaround (facts 51) and for looking at a host:
//   ip link add [name] mac0 link eth0 type macvlan [mode bridge|vepa|private|passthru] | ip link set [dev] mac0 up|down
//   ip link del [dev] mac0 | ip addr add IP[/LEN] dev mac0 | ip addr del IP[/LEN] dev mac0
//   ip route add|replace PREFIX dev mac0 | ip route del PREFIX [dev mac0] | ip link|addr|route [show]
// Objects and subcommands abbreviate as iproute2's matches() allows (`ip a`, `ip l s mac0 up`, `ip r`), and keywords
// come in any order iproute2 accepts (`ip link add link eth0 name mac0 type macvlan`, `ip addr add dev mac0 IP`).
import { err, ok, type Result } from '../result'
import { splitArgv } from './argv'
import { parseCidr, type Cidr, type Ipv4 } from './ip'

export type MacvlanMode = 'bridge' | 'vepa' | 'private' | 'passthru' | 'source'

export type IpCommand =
  | Readonly<{ kind: 'link-add'; name: string; parent: string; mode: MacvlanMode }>
  | Readonly<{ kind: 'link-set'; name: string; up: boolean }>
  | Readonly<{ kind: 'link-del'; name: string }>
  | Readonly<{ kind: 'addr-add'; ip: Ipv4; dev: string }>
  | Readonly<{ kind: 'addr-del'; ip: Ipv4; dev: string }>
  | Readonly<{ kind: 'route-add'; to: Cidr; dev: string; replace: boolean }>
  | Readonly<{ kind: 'route-del'; to: Cidr; dev: string | null }>
  | Readonly<{ kind: 'show'; object: 'link' | 'addr' | 'route'; dev: string | null }>

const MODES: readonly MacvlanMode[] = ['bridge', 'vepa', 'private', 'passthru', 'source']

/** iproute2's matches(): the word is a non-empty prefix of the keyword. */
const matches = (word: string | undefined, keyword: string) => word !== undefined && word.length > 0 && keyword.startsWith(word)

function objectOf(word: string | undefined): 'link' | 'addr' | 'route' | null {
  // ip.c's table is searched in order (address before addrlabel, link before l2tp, route before rule), so `ip a`,
  // `ip l` and `ip r` are address, link and route.
  if (word === undefined) return null
  if (matches(word, 'address')) return 'addr'
  if (matches(word, 'link')) return 'link'
  if (matches(word, 'route')) return 'route'
  return null
}

function prefixOf(word: string): Result<Cidr> {
  const cidr = parseCidr(word.includes('/') ? word : `${word}/32`)
  return cidr.ok ? cidr : err('usage', `Error: any valid prefix is expected rather than "${word}".`)
}

const notModelled = (what: string) => err('usage', `ip: "${what}" is not modelled in this simulator; ${USAGE}`)
const USAGE = 'it supports ip link add NAME link PARENT type macvlan [mode bridge], ip link set [dev] NAME up|down, ip link del NAME, ip addr add|del IP/LEN dev NAME, ip route add|replace|del PREFIX dev NAME, and ip link|addr|route [show]'

function parseShow(object: 'link' | 'addr' | 'route', rest: readonly string[]): Result<IpCommand> {
  let dev: string | null = null
  for (let i = 0; i < rest.length; i++) {
    const w = rest[i] as string
    if (w === 'dev') {
      if (rest[i + 1] === undefined) return err('usage', 'Command line is not complete. Try option "help"')
      dev = rest[++i] as string
    } else if (object !== 'route' && dev === null) dev = w
    else return notModelled(`ip ${object} show ${rest.join(' ')}`)
  }
  return ok({ kind: 'show', object, dev })
}

function parseLinkAdd(rest: readonly string[]): Result<IpCommand> {
  let name: string | null = null
  let parent: string | null = null
  let i = 0
  for (; i < rest.length && rest[i] !== 'type'; i++) {
    const w = rest[i] as string
    const value = rest[i + 1]
    if (w === 'link' || w === 'name' || w === 'dev') {
      if (value === undefined) return err('usage', 'Command line is not complete. Try option "help"')
      if (w === 'link') parent = value
      else name = value
      i++
    } else if (['mtu', 'address', 'txqueuelen', 'txqlen', 'numtxqueues', 'numrxqueues', 'group', 'alias'].includes(w)) {
      return notModelled(`ip link add … ${w}`)
    } else if (name === null) name = w
    else return err('usage', `Error: either "dev" is duplicate, or "${w}" is a garbage.`)
  }
  if (name === null) return err('usage', 'Not enough information: "dev" argument is required.')
  const type = rest[i + 1]
  if (i >= rest.length || type === undefined) return err('usage', 'Not enough information: "type" argument is required.')
  if (type !== 'macvlan') return err('usage', `ip: the simulator models only macvlan links, not "${type}"`)
  if (parent === null) return err('usage', 'RTNETLINK answers: Invalid argument')
  let mode: MacvlanMode = 'vepa' // the kernel's default for a macvlan link (drivers/net/macvlan.c)
  const typeArgs = rest.slice(i + 2)
  for (let j = 0; j < typeArgs.length; j++) {
    if (typeArgs[j] !== 'mode') return notModelled(`type macvlan ${typeArgs[j]}`)
    const m = typeArgs[++j]
    if (m === undefined || !MODES.includes(m as MacvlanMode)) return err('usage', `Error: argument of "mode" must be "private", "vepa", "bridge", "passthru" or "source"`)
    mode = m as MacvlanMode
  }
  return ok({ kind: 'link-add', name, parent, mode })
}

function parseLinkSet(rest: readonly string[]): Result<IpCommand> {
  let name: string | null = null
  let up: boolean | null = null
  for (let i = 0; i < rest.length; i++) {
    const w = rest[i] as string
    if (w === 'up' || w === 'down') up = w === 'up'
    else if (w === 'dev' || w === 'name') {
      const value = rest[i + 1]
      if (value === undefined) return err('usage', 'Command line is not complete. Try option "help"')
      if (w === 'name') return notModelled('ip link set … name (renaming a link)')
      name = value
      i++
    } else if (name === null) name = w
    else return notModelled(`ip link set … ${w}`)
  }
  if (name === null) return err('usage', 'Not enough of information: "dev" argument is required.')
  if (up === null) return notModelled(`ip link set ${name} (without up or down)`)
  return ok({ kind: 'link-set', name, up })
}

function parseDevAndWord(rest: readonly string[], ignoredValues: readonly string[]): Result<{ dev: string | null; word: string | null }> {
  let dev: string | null = null
  let word: string | null = null
  for (let i = 0; i < rest.length; i++) {
    const w = rest[i] as string
    const value = rest[i + 1]
    if (w === 'dev' || w === 'to' || w === 'local' || ignoredValues.includes(w)) {
      if (value === undefined) return err('usage', 'Command line is not complete. Try option "help"')
      if (w === 'dev') dev = value
      else if (w === 'to' || w === 'local') word = value
      i++
    } else if (w === 'via' || w === 'peer' || w === 'nexthop') return notModelled(`${w} (only directly connected routes and addresses: dev NAME)`)
    else if (word === null) word = w
    else return err('usage', `Error: either "to" is duplicate, or "${w}" is a garbage.`)
  }
  return ok({ dev, word })
}

export function parseIpCommand(line: string): Result<IpCommand> {
  const argv = splitArgv(line)
  if (!argv.ok) return argv
  const words = argv.value
  if (words[0] !== 'ip') return err('usage', `not an ip command: ${line}`)
  let a = words.slice(1)
  while (a[0] === '-4') a = a.slice(1)
  if (a[0]?.startsWith('-') === true) return notModelled(`ip ${a[0]}`)
  const object = objectOf(a[0])
  if (object === null) return a[0] === undefined ? err('usage', `Usage: ip OBJECT COMMAND: ${USAGE}`) : err('usage', `Object "${a[0]}" is unknown, try "ip help".`)
  const sub = a[1]
  const rest = a.slice(2)
  // Each object's dispatcher tries add, change/set, replace, delete, then show/list (so `ip l s` is set, `ip a s` show).
  const isAdd = sub !== undefined && matches(sub, 'add')
  const isDel = sub !== undefined && !isAdd && matches(sub, 'delete')
  if (object === 'link' && sub !== undefined) {
    if (isAdd) return parseLinkAdd(rest)
    if (matches(sub, 'set')) return parseLinkSet(rest)
    if (isDel) {
      const name = rest[0] === 'dev' ? rest[1] : rest[0]
      if (name === undefined) return err('usage', 'Not enough information: "dev" argument is required.')
      return ok({ kind: 'link-del', name })
    }
  }
  if (sub === undefined || matches(sub, 'show') || matches(sub, 'list') || sub === 'lst') return parseShow(object, rest)
  if (object === 'link') return err('usage', `Command "${sub}" is unknown, try "ip link help".`)
  // iproute.c: add, change/chg, replace, delete. `replace` adds the route or replaces the one with that prefix.
  const isReplace = object === 'route' && !isAdd && !isDel && sub !== undefined && !matches(sub, 'change') && matches(sub, 'replace')
  if (!isAdd && !isDel && !isReplace) return object === 'addr' ? err('usage', `Command "${sub}" is unknown, try "ip address help".`) : notModelled(`ip route ${sub}`)
  const ignored = object === 'addr' ? ['brd', 'broadcast', 'scope', 'label', 'valid_lft', 'preferred_lft'] : ['scope', 'metric', 'proto', 'src', 'table', 'preference']
  const parsed = parseDevAndWord(rest, ignored)
  if (!parsed.ok) return parsed
  const { dev, word } = parsed.value
  if (object === 'addr') {
    if (word === null) return err('usage', 'Not enough information: "dev" argument is required.')
    if (dev === null) return err('usage', 'Not enough information: "dev" argument is required.')
    const cidr = prefixOf(word)
    if (!cidr.ok) return cidr
    return ok({ kind: isAdd ? 'addr-add' : 'addr-del', ip: word.split('/')[0] as Ipv4, dev })
  }
  if (word === null) return err('usage', 'Error: any valid prefix is expected rather than "".')
  const to = word === 'default' ? parseCidr('0.0.0.0/0') : prefixOf(word)
  if (!to.ok) return to
  if (isDel) return ok({ kind: 'route-del', to: to.value, dev })
  if (dev === null) return notModelled('a route without dev NAME (only directly connected routes are modelled)')
  return ok({ kind: 'route-add', to: to.value, dev, replace: isReplace })
}
