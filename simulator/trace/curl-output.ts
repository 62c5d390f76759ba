// What curl and GNU wget print on a Debian host (curl 7.88, wget 1.21 as Debian 12 has them), and curl inside the
// images that ship it. busybox wget inside containers is client-output.ts. The simulator takes no time, so the
// timings are the ones a real client shows for each failure: the kernel's SYN retries end an unanswered connect after
// about 129 s, an unanswered ARP after about 3 s, and a route lookup fails at once.
import type { ProbeTool } from '../parse/probe-command'
import { imageBase } from '../model/images'
import type { World } from '../model/types'
import { findContainer } from '../model/world'
import { errnoText } from './errno-text'
import { unreachableErrno } from './reason'
import type { ProbeResult } from './types'

export type CurlTool = Extract<ProbeTool, { kind: 'curl' }>

const SYN_RETRIES_MS = 129031
const ARP_TIMEOUT_MS = 3071

// What curl prints when a database, not a web server, answers its GET: postgres closes on the bogus startup packet;
// mysql and mariadb greet first and redis answers with an error line, which curl takes for HTTP/0.9 and refuses.
const NOT_HTTP: Readonly<Record<string, string>> = {
  postgres: 'curl: (52) Empty reply from server',
  mysql: 'curl: (1) Received HTTP/0.9 when not allowed',
  mariadb: 'curl: (1) Received HTTP/0.9 when not allowed',
  redis: 'curl: (1) Received HTTP/0.9 when not allowed',
}

// The start of the page each web image serves by default, shortened as the lessons show it.
const PAGES: Readonly<Record<string, string>> = {
  nginx: '<!DOCTYPE html> … Welcome to nginx! …',
  httpd: '<html><body><h1>It works!</h1></body></html>',
  traefik: '404 page not found',
  'traefik/whoami': 'Hostname: … IP: … GET / HTTP/1.1 …',
  whoami: 'Hostname: … IP: … GET / HTTP/1.1 …',
  'containous/whoami': 'Hostname: … IP: … GET / HTTP/1.1 …',
}

/** The image of the container that answered a probe, or null when a host (or nothing) answered. */
function answeringImage(world: World, r: ProbeResult): string | null {
  if (r.outcome !== 'delivered' || r.answeredBy?.container == null) return null
  const c = findContainer(world, r.answeredBy.host, r.answeredBy.container)
  return c === undefined ? null : imageBase(c.image)
}

/** Why a delivered packet still gave the client no page: a server that speaks no HTTP, or TLS to plain HTTP. */
export type HttpFailure = Readonly<{ kind: 'not-http'; image: string; printed: string } | { kind: 'tls-to-plain-http'; server: string; printed: string }>

export function httpFailure(world: World, tool: CurlTool, r: ProbeResult): HttpFailure | null {
  const image = answeringImage(world, r)
  if (image !== null && image in NOT_HTTP) return { kind: 'not-http', image, printed: tool.program === 'curl' ? (NOT_HTTP[image] as string) : '' }
  // An https:// URL answered by one of the course's servers, which all speak plain HTTP: the TLS handshake fails.
  if (tool.tls && r.outcome === 'delivered') {
    const server = r.answeredBy?.container ?? r.answeredBy?.host ?? tool.host
    // curl with OpenSSL 3 (Debian hosts); busybox wget's own TLS words are not modelled, so only the reason is shown.
    return { kind: 'tls-to-plain-http', server, printed: tool.program === 'curl' ? 'curl: (35) OpenSSL: error:0A00010B:SSL routines::wrong version number' : '' }
  }
  return null
}

/** What curl (or GNU wget) prints for a probe that got through to an HTTP server or failed on the way; '' on error. */
export function curlOutput(world: World, tool: CurlTool, r: ProbeResult): string {
  const program = tool.program
  const errno = r.outcome === 'refused' ? 'ECONNREFUSED' : r.outcome === 'timeout' ? 'ETIMEDOUT' : (unreachableErrno(r.reason) ?? 'EHOSTUNREACH')
  const reason = errnoText('glibc', errno)
  switch (r.outcome) {
    case 'delivered': {
      const by = r.answeredBy === null ? '' : ` from ${r.answeredBy.container ?? r.answeredBy.host}${r.answeredBy.container === null ? '' : ` on ${r.answeredBy.host}`}`
      return PAGES[answeringImage(world, r) ?? ''] ?? `HTTP/1.1 200 OK${by}`
    }
    case 'refused':
    case 'timeout':
    case 'unreachable': {
      if (program === 'wget') return `Connecting to ${tool.host}:${tool.port}... failed: ${reason}.${r.outcome === 'timeout' ? ' Retrying.' : ''}`
      // -m N (--max-time) gives up after N seconds with its own wording; without it the kernel's SYN retries end it.
      if (r.outcome === 'timeout' && tool.maxTime !== null) return `curl: (28) Connection timed out after ${tool.maxTime * 1000 + 1} milliseconds`
      const ms = r.outcome === 'timeout' ? SYN_RETRIES_MS : errno === 'EHOSTUNREACH' ? ARP_TIMEOUT_MS : 0
      return `curl: (${r.outcome === 'timeout' ? 28 : 7}) Failed to connect to ${tool.host} port ${tool.port} after ${ms} ms: ${reason}`
    }
    case 'unresolved':
      return program === 'wget' ? `wget: unable to resolve host address ‘${tool.host}’` : `curl: (6) Could not resolve host: ${tool.host}`
    case 'error':
      return ''
  }
}
