/**
 * Turns what a real client printed into the outcome vocabulary. Kept pure (text in, value out) so
 * the rules are unit-tested; the recorder supplies the text and the neighbour-table lookups.
 */
import type { Outcome } from './schema'

export type ClientOutput = { code: number; stdout: string; stderr: string; timedOut: boolean }

export type Answer = { containerId: string | null; host: string; port: number | null }

export type Classified = { outcome: Outcome; observed: string; answer?: Answer; address?: string; replyFrom?: string }

// `docker exec` itself failing (no such container, not running) is the probe command failing: "error".
const EXEC_FAILURE = /(Error response from daemon|Error: No such container|is not running|is paused|is restarting)/

function firstLine(text: string): string {
  return text.trim().split('\n').find((l) => l.trim() !== '')?.trim() ?? ''
}

function observedOf(out: ClientOutput): string {
  return normalizeIds(firstLine(out.stderr) || firstLine(out.stdout) || `exit ${out.code}`)
}

export function isExecFailure(out: ClientOutput): boolean {
  return out.code !== 0 && EXEC_FAILURE.test(out.stderr)
}

/** Parses the test server's reply: `pp-answer container=<id> host=<h> port=<p>` (container absent for a host process). */
export function parseAnswer(body: string): Answer | null {
  const m = /pp-answer(?: container=([0-9a-f]{64}))? host=([a-z0-9-]+) port=(\d+)/.exec(body)
  if (!m || m[2] === undefined) return null
  return { containerId: m[1] ?? null, host: m[2], port: Number(m[3]) }
}

export function classifyCurl(out: ClientOutput): Classified {
  if (isExecFailure(out)) return { outcome: 'error', observed: observedOf(out) }
  const err = out.stderr
  if (out.code === 0) {
    const answer = parseAnswer(out.stdout)
    return answer ? { outcome: 'delivered', observed: firstLine(out.stdout).replace(/container=[0-9a-f]{64}/, 'container=<id>'), answer } : { outcome: 'delivered', observed: firstLine(out.stdout) }
  }
  // busybox `timeout` ends wget with SIGTERM (143); our own kill gives timedOut.
  if (out.timedOut || out.code === 143 || out.code === 124) return { outcome: 'timeout', observed: 'no answer before the client gave up' }
  if (/Connection refused/.test(err)) return { outcome: 'refused', observed: observedOf(out) }
  if (/Network is unreachable|No route to host|Host is unreachable/.test(err)) return { outcome: 'unreachable', observed: observedOf(out) }
  if (/bad address/.test(err)) return { outcome: 'unresolved', observed: observedOf(out) }
  // An HTTP error status still means a listening socket answered.
  if (/server returned error/.test(err)) return { outcome: 'delivered', observed: observedOf(out) }
  // Accepted then closed without a reply (docker-proxy with no listener behind it): a reset, like curl's (52)/(56).
  if (/Connection reset by peer|error getting response/.test(err)) return { outcome: 'refused', observed: observedOf(out) }
  return { outcome: 'error', observed: observedOf(out) }
}

/**
 * busybox ping prints nothing when ARP fails, unlike iputils ("Destination Host Unreachable"), so the recorder
 * passes the kernel's neighbour state for the next hop: FAILED/INCOMPLETE means the sender's stack gave up.
 */
export function classifyPing(out: ClientOutput, neighbourState: string | null): Classified {
  if (isExecFailure(out)) return { outcome: 'error', observed: observedOf(out) }
  const text = `${out.stdout}\n${out.stderr}`
  if (/ 1 packets received/.test(text)) {
    const reply = /\d+ bytes from ([\d.]+)/.exec(out.stdout)
    return { outcome: 'delivered', observed: reply?.[0] ?? '1 packets received', ...(reply?.[1] ? { replyFrom: reply[1] } : {}) }
  }
  if (/Network is unreachable/.test(text)) return { outcome: 'unreachable', observed: observedOf(out) }
  if (/bad address/.test(text)) return { outcome: 'unresolved', observed: observedOf(out) }
  if (neighbourState !== null && /FAILED|INCOMPLETE/.test(neighbourState)) {
    return { outcome: 'unreachable', observed: `no ARP reply (neighbour ${neighbourState.trim()})` }
  }
  if (/ 0 packets received/.test(text)) return { outcome: 'timeout', observed: '1 packets transmitted, 0 packets received' }
  return { outcome: 'error', observed: observedOf(out) }
}

export function classifyNslookup(out: ClientOutput): Classified {
  if (isExecFailure(out)) return { outcome: 'error', observed: observedOf(out) }
  // busybox prints the server block first, then `Name: x` / `Address: ip` per answer.
  const answer = /Name:\s*\S+\s*\n\s*Address(?: 1)?:\s*(\d+\.\d+\.\d+\.\d+)/.exec(out.stdout)
  if (answer?.[1]) return { outcome: 'delivered', observed: `resolved to ${answer[1]}`, address: answer[1] }
  if (out.timedOut || out.code === 143) return { outcome: 'unresolved', observed: 'no answer from the DNS server' }
  const reason = /^.*(can't find|can't resolve|no servers could be reached|NXDOMAIN|SERVFAIL|REFUSED).*$/m.exec(`${out.stdout}\n${out.stderr}`)?.[0]
  return { outcome: 'unresolved', observed: normalizeIds(reason?.trim() ?? observedOf(out)) }
}

/** The UDP client's one word: an ICMP error (refused/unreachable) or silence. A real client cannot tell a datagram a
 *  listener took from one a firewall dropped, so silence is recorded as timeout and "delivered" only on a reply. */
export function classifyUdp(out: ClientOutput): Classified {
  const word = firstLine(out.stdout)
  if (word === 'ECONNREFUSED') return { outcome: 'refused', observed: 'ICMP port unreachable (ECONNREFUSED)' }
  if (word === 'EHOSTUNREACH' || word === 'ENETUNREACH') return { outcome: 'unreachable', observed: word }
  if (word === 'silence') return { outcome: 'timeout', observed: 'no ICMP error and no reply within 4 s' }
  if (word === 'reply') return { outcome: 'delivered', observed: 'a UDP reply' }
  return { outcome: 'error', observed: observedOf(out) }
}

/** Container and endpoint IDs change on every run; recordings keep placeholders so re-recording is stable. */
export function normalizeIds(text: string): string {
  return text.replace(/\b[0-9a-f]{64}\b/g, '<id>').replace(/\b[0-9a-f]{12}\b/g, '<id12>').replace(/\b[0-9a-z]{25}\b(?=[^\w]|$)/g, (m) => (/\d/.test(m) && /[a-z]/.test(m) ? '<taskid>' : m))
}

/** The daemon's message without the CLI framing (`docker: Error response from daemon: … .` and the help hint). */
export function toStepError(stderr: string): string {
  const lines = stderr
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('WARNING:') && !/^(See|Run) '.*--help'( for more information|\.)$/.test(l) && !/^exit status \d+$/.test(l) && !l.startsWith('Usage:') && !l.startsWith('time='))
  const text = lines.join('\n').replace(/^docker: /, '').replace(/^Error response from daemon: /, '').replace(/^Error: /, '').replace(/\.$/, '')
  return normalizeIds(text)
}

export function toStepWarning(stderr: string): string | undefined {
  const warnings = stderr
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith('WARNING:'))
    .map((l) => l.replace(/^WARNING:\s*/, ''))
  return warnings.length > 0 ? warnings.join('\n') : undefined
}

/** Swarm task containers are named SERVICE.SLOT.TASKID; the issue names them SERVICE.SLOT. */
export function toContainerLabel(name: string): string {
  const bare = name.replace(/^\//, '')
  const task = /^(.+\.\d+)\.[0-9a-z]{25}$/.exec(bare)
  return task?.[1] ?? bare
}
