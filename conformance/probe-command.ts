/**
 * Parses the probe commands a scenario may use (the list and nothing else) and turns them into the
 * busybox client that observes the same thing on a real machine.
 */
export type ProbeCommand =
  | { kind: 'curl'; url: string; host: string; port: number; maxSeconds: number }
  | { kind: 'ping'; address: string }
  | { kind: 'nslookup'; name: string }
  /** `nc -u -z ADDR PORT`: Debian's busybox nc has neither -u nor -z, so Node's dgram module sends the datagram. */
  | { kind: 'nc-udp'; host: string; port: number }

export type ParsedProbe = { exec: string | null; command: ProbeCommand }

type Parsed = { ok: true; value: ParsedProbe } | { ok: false; error: string }

const URL_RE = /^http:\/\/([A-Za-z0-9.-]+)(?::(\d{1,5}))?(\/[^\s]*)?$/
// busybox wget is bounded by `timeout`; longer than this only slows the suite down.
const MAX_CURL_SECONDS = 6

export function splitWords(text: string): string[] {
  const words: string[] = []
  let cur = ''
  let quote: '"' | "'" | null = null
  let has = false
  for (const ch of text) {
    if (quote) {
      if (ch === quote) quote = null
      else cur += ch
    } else if (ch === '"' || ch === "'") {
      quote = ch
      has = true
    } else if (/\s/.test(ch)) {
      if (has || cur) words.push(cur)
      cur = ''
      has = false
    } else cur += ch
  }
  if (has || cur) words.push(cur)
  return words
}

function parseClient(words: string[]): { ok: true; value: ProbeCommand } | { ok: false; error: string } {
  const [tool, ...rest] = words
  if (tool === 'curl') {
    let maxSeconds = MAX_CURL_SECONDS
    let args = rest
    if (args[0] === '-m') {
      const n = Number(args[1])
      if (!Number.isInteger(n) || n < 1) return { ok: false, error: `curl -m needs a whole number of seconds, got "${args[1] ?? ''}"` }
      maxSeconds = Math.min(n, MAX_CURL_SECONDS)
      args = args.slice(2)
    }
    const m = args.length === 1 ? URL_RE.exec(args[0] ?? '') : null
    if (!m || m[1] === undefined) return { ok: false, error: `curl takes one http://ADDR[:PORT][/path] URL, got "${args.join(' ')}"` }
    return { ok: true, value: { kind: 'curl', url: args[0] ?? '', host: m[1], port: m[2] ? Number(m[2]) : 80, maxSeconds } }
  }
  // busybox wget itself, as scenarios spell it for alpine clients (alpine has no curl): the same HTTP GET.
  if (tool === 'wget') {
    const args = rest[0] === '-qO-' ? rest.slice(1) : rest[0] === '-q' && rest[1] === '-O' && rest[2] === '-' ? rest.slice(3) : null
    const m = args !== null && args.length === 1 ? URL_RE.exec(args[0] ?? '') : null
    if (!m || m[1] === undefined) return { ok: false, error: `wget must be "wget -qO- http://ADDR[:PORT][/path]", got "${words.join(' ')}"` }
    return { ok: true, value: { kind: 'curl', url: args?.[0] ?? '', host: m[1], port: m[2] ? Number(m[2]) : 80, maxSeconds: MAX_CURL_SECONDS } }
  }
  if (tool === 'ping') {
    if (rest.length !== 3 || rest[0] !== '-c' || rest[1] !== '1') return { ok: false, error: `ping must be "ping -c 1 ADDR", got "${words.join(' ')}"` }
    return { ok: true, value: { kind: 'ping', address: rest[2] ?? '' } }
  }
  if (tool === 'nslookup') {
    if (rest.length !== 1) return { ok: false, error: `nslookup takes one NAME, got "${rest.join(' ')}"` }
    return { ok: true, value: { kind: 'nslookup', name: rest[0] ?? '' } }
  }
  if (tool === 'nc') {
    const flags = rest.filter((w) => w.startsWith('-')).join('').replace(/-/g, '')
    const operands = rest.filter((w) => !w.startsWith('-'))
    const port = Number(operands[1])
    if (!/^[uzv]+$/.test(flags) || !flags.includes('u') || !flags.includes('z') || operands.length !== 2 || !(port >= 1 && port <= 65535)) {
      return { ok: false, error: `nc must be "nc -u -z ADDR PORT" (TCP probes use curl), got "${words.join(' ')}"` }
    }
    return { ok: true, value: { kind: 'nc-udp', host: operands[0] ?? '', port } }
  }
  return { ok: false, error: `unsupported probe tool "${tool ?? ''}": use curl, wget -qO-, ping, nslookup, nc -u -z or docker exec` }
}

export function parseProbeCommand(run: string): Parsed {
  const words = splitWords(run.trim())
  if (words[0] === 'docker' && words[1] === 'exec') {
    const container = words[2]
    if (container === undefined || container.startsWith('-')) return { ok: false, error: `docker exec needs a container name, got "${run}"` }
    const inner = parseClient(words.slice(3))
    if (inner.ok && inner.value.kind === 'nc-udp') return { ok: false, error: `"${run}": the containers' busybox nc has no -u, so UDP probes run from a host only` }
    return inner.ok ? { ok: true, value: { exec: container, command: inner.value } } : inner
  }
  const client = parseClient(words)
  return client.ok ? { ok: true, value: { exec: null, command: client.value } } : client
}

// One datagram on a connected UDP socket, a second one 0.5 s later: an ICMP error for the first comes back as
// ECONNREFUSED/EHOSTUNREACH on the socket (Linux reports errors on connected UDP sockets). Silence for 4 s is "silence".
const UDP_CLIENT = `const s = require('node:dgram').createSocket('udp4')
const done = (w) => { console.log(w); process.exit(0) }
s.on('error', (e) => done(e.code))
s.on('message', () => done('reply'))
s.connect(Number(process.argv[2]), process.argv[1], (e) => {
  if (e) return done(e.code)
  s.send('pp', () => setTimeout(() => { try { s.send('pp') } catch {} }, 500))
  setTimeout(() => done('silence'), 4000)
})`

/** The argv that observes the probe (run in a host netns, or inside a container via docker exec): busybox clients,
 *  and Node (the recorder's own runtime) for UDP. */
export function toBusyboxArgv(cmd: ProbeCommand, busybox: string, dnsServer: string | null): string[] {
  switch (cmd.kind) {
    case 'curl':
      return [busybox, 'timeout', String(cmd.maxSeconds), busybox, 'wget', '-q', '-O', '-', cmd.url]
    case 'ping':
      return [busybox, 'ping', '-c', '1', '-W', '4', cmd.address]
    case 'nslookup':
      return [busybox, 'timeout', '10', busybox, 'nslookup', cmd.name, ...(dnsServer ? [dnsServer] : [])]
    case 'nc-udp':
      return [process.execPath, '-e', UDP_CLIENT, cmd.host, String(cmd.port)]
    default:
      return assertNever(cmd)
  }
}

export function assertNever(x: never): never {
  throw new Error(`unexpected value ${JSON.stringify(x)}`)
}
