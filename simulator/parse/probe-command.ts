// Probe commands: curl [-m N] http://ADDR[:PORT][/path], ping -c 1 ADDR, nslookup NAME, nc [-u] -z [-w N] ADDR PORT,
// and docker exec CONTAINER <one of these>. Addresses stay text here: resolving names is the tracer's job.
import { err, ok, type Result } from '../result'
import { splitArgv } from './argv'
import { formatNotRunInContainer, PROBE_PROGRAMS, programOf } from './container-programs'
import { formatNoInteractiveShell, isShellCommand } from './interactive'

export type ProbeTool =
  // One HTTP GET; `program` changes only what the client prints (trace/client-output.ts), not the packet.
  // `tls`: the URL said https. The course's servers all speak plain HTTP, so a TLS client fails its handshake.
  // `maxTime`: curl's -m N / --max-time N in seconds (null without it, and for wget), which words curl's timeout.
  | Readonly<{ kind: 'curl'; program: 'curl' | 'wget'; host: string; port: number; proto: 'tcp'; tls: boolean; maxTime: number | null }>
  // count (-c N) changes only how many replies the client prints; the path is the same for every echo request.
  | Readonly<{ kind: 'ping'; host: string; count: number }>
  | Readonly<{ kind: 'nslookup'; name: string }>
  // verbose (how many -v)/numeric/wait change only what nc prints (trace/nc-output.ts), not the packet.
  | Readonly<{ kind: 'nc'; host: string; port: number; proto: 'tcp' | 'udp'; verbose: number; numeric: boolean; wait: boolean }>
// argv: the tool's words as typed (program first), for messages that quote the command back.
export type ProbeCommand = Readonly<{ exec: string | null; tool: ProbeTool; argv: readonly string[] }>

const HOSTNAME = /^[a-zA-Z0-9]([a-zA-Z0-9_.-]*[a-zA-Z0-9])?$/

function parseUrl(url: string): Result<{ host: string; port: number; tls: boolean }> {
  const m = /^(?:(https?):\/\/)?([^/:?#]+)(?::(\d+))?([/?#].*)?$/.exec(url)
  if (!m || !HOSTNAME.test(m[2] as string)) return err('bad-syntax', `curl: (3) URL rejected: Bad hostname in "${url}"`)
  const port = m[3] !== undefined ? Number(m[3]) : m[1] === 'https' ? 443 : 80
  if (port < 1 || port > 65535) return err('bad-syntax', `curl: (3) URL rejected: Port number was not a decimal number between 0 and 65535`)
  return ok({ host: m[2] as string, port, tls: m[1] === 'https' })
}

const NC_USAGE = 'usage: nc [-u] -z [-w N] ADDRESS PORT, for example nc -u -z 10.77.0.10 1053'

/** busybox/netcat `nc -z` (zero-I/O: one connection attempt, or one UDP datagram with -u, then exit). */
export function parseNc(prog: string, args: readonly string[]): Result<ProbeTool> {
  let udp = false
  let zero = false
  let verbose = 0
  let numeric = false
  let wait = false
  const operands: string[] = []
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string
    if (!a.startsWith('-') || a === '-') {
      operands.push(a)
      continue
    }
    // Short flags cluster as in getopt: -vzu is -v -z -u; -w takes the rest of the word or the next word.
    for (let j = 1; j < a.length; j++) {
      const f = a[j] as string
      if (f === 'u') udp = true
      else if (f === 'z') zero = true
      else if (f === 'v') verbose++
      else if (f === 'n') numeric = true
      else if (f === 'w') {
        wait = true
        const value = j + 1 < a.length ? a.slice(j + 1) : args[++i]
        if (value === undefined || !/^\d+$/.test(value) || Number(value) < 1) return err('bad-syntax', `${prog}: -w needs a whole number of seconds, got "${value ?? ''}"`)
        break
      } else if (f === 'l') {
        return err('bad-syntax', `${prog}: -l listens, it does not probe: run the listener in a container (docker run -d busybox nc -u -l -p 53) and probe it with nc -u -z ADDRESS PORT`)
      } else return err('bad-syntax', `${prog}: the simulator supports -u, -z, -v, -n and -w N, not "-${f}"; ${NC_USAGE}`)
    }
  }
  if (operands.length === 0) return err('bad-syntax', `${prog}: missing address and port; ${NC_USAGE}`)
  if (operands.length === 1) return err('bad-syntax', `${prog}: missing port after ${operands[0]}; ${NC_USAGE}`)
  if (operands.length > 2) return err('bad-syntax', `${prog}: give one address and one port (no port lists or ranges); ${NC_USAGE}`)
  const [host, portText] = operands as [string, string]
  // busybox's xhost2sockaddr: bb_error_msg_and_die("bad address '%s'", host).
  if (!HOSTNAME.test(host)) return err('bad-syntax', `${prog}: bad address '${host}'`)
  const port = /^\d+$/.test(portText) ? Number(portText) : NaN
  if (!(port >= 1 && port <= 65535)) return err('bad-syntax', `${prog}: port "${portText}" is not a number from 1 to 65535`)
  if (!zero) return err('bad-syntax', `${prog}: add -z so nc sends one probe and exits instead of waiting for input; ${NC_USAGE}`)
  return ok({ kind: 'nc', host, port, proto: udp ? 'udp' : 'tcp', verbose, numeric, wait })
}

// Options that take a value (curl(1), wget(1)): the value is never the URL. Output files, headers, methods, bodies,
// agents and credentials change what the client sends or prints, not which packet goes where, so the probe is one
// request to the URL either way. Options not listed here are taken as switches (-s, -S, -L, -v, -q, -I, …).
const VALUE_OPTIONS: Readonly<Record<'curl' | 'wget', Readonly<{ short: string; long: readonly string[] }>>> = {
  curl: {
    short: 'mowHXdAueTbcFrKEUCDQzYyx',
    long: ['max-time', 'connect-timeout', 'output', 'write-out', 'header', 'request', 'data', 'data-raw', 'data-binary', 'data-urlencode', 'json', 'user-agent', 'user', 'referer', 'cookie', 'cookie-jar', 'form', 'retry', 'retry-delay', 'retry-max-time', 'range', 'resolve', 'connect-to', 'interface', 'dump-header', 'upload-file', 'proxy', 'proxy-user', 'cacert', 'cert', 'key', 'config', 'limit-rate', 'url'],
  },
  wget: {
    short: 'OoTtUePaw',
    long: ['output-document', 'output-file', 'timeout', 'connect-timeout', 'tries', 'header', 'user-agent', 'user', 'password', 'post-data', 'method', 'body-data', 'directory-prefix', 'wait', 'execute'],
  },
}

// A proxy sends the request to another address first; the simulator's probe always goes straight to the URL's host.
function noProxy(prog: string): Result<never> {
  return err('bad-syntax', `${prog}: a proxy (-x/--proxy) is not modelled in this simulator: the request would go to the proxy first. Drop the proxy option to send it straight to the URL's address.`)
}

/** The URL operands of a curl/wget line, skipping every option and the value of each option that takes one. */
function urlOperands(prog: 'curl' | 'wget', args: readonly string[]): Result<string[]> {
  const { short, long } = VALUE_OPTIONS[prog]
  const urls: string[] = []
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=')
      const name = a.slice(2, eq < 0 ? undefined : eq)
      if (prog === 'curl' && name === 'proxy') return noProxy(prog)
      if (name === 'url' && prog === 'curl') {
        const v = eq < 0 ? args[++i] : a.slice(eq + 1)
        if (v !== undefined) urls.push(v)
      } else if (eq < 0 && long.includes(name)) i++
      continue
    }
    if (!a.startsWith('-') || a === '-') {
      urls.push(a)
      continue
    }
    // Short options cluster (-sS, -so FILE, -qO-): the first one that takes a value takes the rest of the word, or
    // the next word when the cluster ends with it.
    for (let j = 1; j < a.length; j++) {
      const f = a[j] as string
      if (!short.includes(f)) continue
      if (prog === 'curl' && f === 'x') return noProxy(prog)
      if (j === a.length - 1) i++
      break
    }
  }
  return ok(urls)
}

/** curl's -m N / --max-time N (whole seconds), or null. */
function maxTimeOf(args: readonly string[]): number | null {
  const i = args.findIndex((a) => a === '-m' || a === '--max-time')
  const n = i >= 0 ? Number(args[i + 1]) : NaN
  return Number.isInteger(n) && n > 0 ? n : null
}

/**
 * nslookup NAME asks the resolver of /etc/resolv.conf. `nslookup NAME SERVER` (and -port=N) asks one server directly,
 * which the simulator does not model: answering from the default resolver instead would show the wrong reason.
 */
function parseNslookup(args: readonly string[]): Result<ProbeTool> {
  const names = args.filter((a) => !a.startsWith('-'))
  if (names.length < 1 || names.length > 2 || !HOSTNAME.test(names[0] as string)) return err('bad-syntax', 'nslookup: usage: nslookup NAME')
  const port = args.map((a) => /^-port=(\d+)$/.exec(a)?.[1]).find((p) => p !== undefined) ?? '53'
  const server = names[1]
  if (server !== undefined) {
    return err('bad-syntax', `nslookup: asking a given server (nslookup NAME ${server}) is not modelled in this simulator; nslookup NAME asks the container's or host's own resolver. To test that ${server} answers on a published DNS port, run nc -u -z ${server} ${port}.`)
  }
  if (args.some((a) => a.startsWith('-port='))) {
    return err('bad-syntax', `nslookup: -port is not modelled in this simulator (it only matters with a server after the name); to test a DNS port, run nc -u -z SERVER ${port}.`)
  }
  return ok({ kind: 'nslookup', name: names[0] as string })
}

function parseTool(argv: readonly string[]): Result<ProbeTool> {
  const [prog, ...args] = argv
  if (prog === 'curl' || prog === 'wget') {
    const operands = urlOperands(prog, args)
    if (!operands.ok) return operands
    const urls = operands.value
    if (urls.length !== 1) return err('bad-syntax', `${prog}: give exactly one URL, for example ${prog} http://10.0.0.10:8080`)
    const u = parseUrl(urls[0] as string)
    const maxTime = prog === 'curl' ? maxTimeOf(args) : null
    return u.ok ? ok({ kind: 'curl', program: prog, host: u.value.host, port: u.value.port, proto: 'tcp', tls: u.value.tls, maxTime }) : u
  }
  if (prog === 'ping') {
    const hosts: string[] = []
    let count = 1
    for (let i = 0; i < args.length; i++) {
      const a = args[i] as string
      if (a === '-c') count = Number(args[++i])
      else if (a === '-W' || a === '-w' || a === '-i' || a === '-s') i++
      else if (!a.startsWith('-')) hosts.push(a)
    }
    if (hosts.length !== 1) return err('bad-syntax', 'ping: usage: ping -c 1 ADDRESS')
    if (!HOSTNAME.test(hosts[0] as string)) return err('bad-syntax', `ping: bad address '${hosts[0]}'`)
    if (!(Number.isInteger(count) && count >= 1 && count <= 100)) return err('bad-syntax', 'ping: -c needs a count from 1 to 100 (the simulator does not ping for ever), for example ping -c 3 ADDRESS')
    return ok({ kind: 'ping', host: hosts[0] as string, count })
  }
  if (prog === 'nslookup') return parseNslookup(args)
  if (prog === 'nc' || prog === 'netcat') return parseNc(prog, args)
  return err('bad-syntax', `unsupported probe "${prog ?? ''}": use curl, ping -c 1, nslookup, nc -z (add -u for UDP), or docker exec CONTAINER <one of these>`)
}

/** The probe `docker exec CONTAINER ARGV…` runs; also a container's own command (`docker run IMAGE ping …`). */
export function parseExecProbe(container: string, argv: readonly string[]): Result<ProbeCommand> {
  const tool = parseTool(argv)
  if (tool.ok) return ok({ exec: container, tool: tool.value, argv })
  const program = programOf(argv)
  return PROBE_PROGRAMS.includes(program) ? tool : err('bad-syntax', `docker exec ${container} ${program}: ${formatNotRunInContainer(program)}`)
}

export function parseProbeCommand(line: string): Result<ProbeCommand> {
  const argv = splitArgv(line)
  if (!argv.ok) return argv
  const a = argv.value
  if (a[0] === 'docker') {
    const rest = a[1] === 'container' ? a.slice(2) : a.slice(1)
    if (rest[0] !== 'exec') return err('bad-syntax', `a probe runs curl, ping, nslookup or nc, or "docker exec CONTAINER …"; got: ${line}`)
    let i = 1
    while (i < rest.length && (rest[i] as string).startsWith('-')) i++
    const container = rest[i]
    if (container === undefined || rest.length < i + 2) return err('bad-syntax', '"docker exec" requires at least 2 arguments.')
    const argv = rest.slice(i + 1)
    if (isShellCommand(argv)) return err('bad-syntax', formatNoInteractiveShell(`docker exec ${rest.slice(1, i).join(' ')}`.trimEnd()))
    return parseExecProbe(container, argv)
  }
  const tool = parseTool(a)
  return tool.ok ? ok({ exec: null, tool: tool.value, argv: a }) : tool
}
