/**
 * Parses the probe commands a scenario may use (the list and nothing else) and turns them into the
 * busybox client that observes the same thing on a real machine.
 */
export type ProbeCommand =
  | { kind: 'curl'; url: string; host: string; port: number; maxSeconds: number }
  | { kind: 'ping'; address: string }
  | { kind: 'nslookup'; name: string }

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
  if (tool === 'ping') {
    if (rest.length !== 3 || rest[0] !== '-c' || rest[1] !== '1') return { ok: false, error: `ping must be "ping -c 1 ADDR", got "${words.join(' ')}"` }
    return { ok: true, value: { kind: 'ping', address: rest[2] ?? '' } }
  }
  if (tool === 'nslookup') {
    if (rest.length !== 1) return { ok: false, error: `nslookup takes one NAME, got "${rest.join(' ')}"` }
    return { ok: true, value: { kind: 'nslookup', name: rest[0] ?? '' } }
  }
  return { ok: false, error: `unsupported probe tool "${tool ?? ''}": use curl, ping, nslookup or docker exec` }
}

export function parseProbeCommand(run: string): Parsed {
  const words = splitWords(run.trim())
  if (words[0] === 'docker' && words[1] === 'exec') {
    const container = words[2]
    if (container === undefined || container.startsWith('-')) return { ok: false, error: `docker exec needs a container name, got "${run}"` }
    const inner = parseClient(words.slice(3))
    return inner.ok ? { ok: true, value: { exec: container, command: inner.value } } : inner
  }
  const client = parseClient(words)
  return client.ok ? { ok: true, value: { exec: null, command: client.value } } : client
}

/** The busybox argv that observes the probe (run in a host netns, or inside a container via docker exec). */
export function toBusyboxArgv(cmd: ProbeCommand, busybox: string, dnsServer: string | null): string[] {
  switch (cmd.kind) {
    case 'curl':
      return [busybox, 'timeout', String(cmd.maxSeconds), busybox, 'wget', '-q', '-O', '-', cmd.url]
    case 'ping':
      return [busybox, 'ping', '-c', '1', '-W', '4', cmd.address]
    case 'nslookup':
      return [busybox, 'timeout', '10', busybox, 'nslookup', cmd.name, ...(dnsServer ? [dnsServer] : [])]
    default:
      return assertNever(cmd)
  }
}

export function assertNever(x: never): never {
  throw new Error(`unexpected value ${JSON.stringify(x)}`)
}
