// Probe commands: curl [-m N] http://ADDR[:PORT][/path], ping -c 1 ADDR, nslookup NAME, and
// docker exec CONTAINER <one of these>. Addresses stay text here: resolving names is the tracer's job.
import { err, ok, type Result } from '../result'
import { splitArgv } from './argv'

export type ProbeTool =
  | Readonly<{ kind: 'curl'; host: string; port: number; proto: 'tcp' }>
  | Readonly<{ kind: 'ping'; host: string }>
  | Readonly<{ kind: 'nslookup'; name: string }>
export type ProbeCommand = Readonly<{ exec: string | null; tool: ProbeTool }>

const HOSTNAME = /^[a-zA-Z0-9]([a-zA-Z0-9_.-]*[a-zA-Z0-9])?$/

function parseUrl(url: string): Result<{ host: string; port: number }> {
  const m = /^(?:(https?):\/\/)?([^/:?#]+)(?::(\d+))?([/?#].*)?$/.exec(url)
  if (!m || !HOSTNAME.test(m[2] as string)) return err('bad-syntax', `curl: (3) URL rejected: Bad hostname in "${url}"`)
  const port = m[3] !== undefined ? Number(m[3]) : m[1] === 'https' ? 443 : 80
  if (port < 1 || port > 65535) return err('bad-syntax', `curl: (3) URL rejected: Port number was not a decimal number between 0 and 65535`)
  return ok({ host: m[2] as string, port })
}

function parseTool(argv: readonly string[]): Result<ProbeTool> {
  const [prog, ...args] = argv
  if (prog === 'curl' || prog === 'wget') {
    const urls: string[] = []
    for (let i = 0; i < args.length; i++) {
      const a = args[i] as string
      if (a === '-m' || a === '--max-time' || a === '-T' || a === '-O' || a === '--connect-timeout') i++
      else if (a.startsWith('-')) continue
      else urls.push(a)
    }
    if (urls.length !== 1) return err('bad-syntax', `${prog}: give exactly one URL, for example ${prog} http://10.0.0.10:8080`)
    const u = parseUrl(urls[0] as string)
    return u.ok ? ok({ kind: 'curl', host: u.value.host, port: u.value.port, proto: 'tcp' }) : u
  }
  if (prog === 'ping') {
    const hosts: string[] = []
    for (let i = 0; i < args.length; i++) {
      const a = args[i] as string
      if (a === '-c' || a === '-W' || a === '-w' || a === '-i' || a === '-s') i++
      else if (!a.startsWith('-')) hosts.push(a)
    }
    if (hosts.length !== 1 || !HOSTNAME.test(hosts[0] as string)) return err('bad-syntax', 'ping: usage: ping -c 1 ADDRESS')
    return ok({ kind: 'ping', host: hosts[0] as string })
  }
  if (prog === 'nslookup') {
    const names = args.filter((a) => !a.startsWith('-'))
    if (names.length < 1 || names.length > 2 || !HOSTNAME.test(names[0] as string)) return err('bad-syntax', 'nslookup: usage: nslookup NAME')
    return ok({ kind: 'nslookup', name: names[0] as string })
  }
  return err('bad-syntax', `unsupported probe "${prog ?? ''}": use curl, ping -c 1, nslookup, or docker exec CONTAINER <one of these>`)
}

export function parseProbeCommand(line: string): Result<ProbeCommand> {
  const argv = splitArgv(line)
  if (!argv.ok) return argv
  const a = argv.value
  if (a[0] === 'docker') {
    const rest = a[1] === 'container' ? a.slice(2) : a.slice(1)
    if (rest[0] !== 'exec') return err('bad-syntax', `a probe runs curl, ping or nslookup, or "docker exec CONTAINER …"; got: ${line}`)
    let i = 1
    while (i < rest.length && (rest[i] as string).startsWith('-')) i++
    const container = rest[i]
    if (container === undefined || rest.length < i + 2) return err('bad-syntax', '"docker exec" requires at least 2 arguments.')
    const tool = parseTool(rest.slice(i + 1))
    return tool.ok ? ok({ exec: container, tool: tool.value }) : tool
  }
  const tool = parseTool(a)
  return tool.ok ? ok({ exec: null, tool: tool.value }) : tool
}
