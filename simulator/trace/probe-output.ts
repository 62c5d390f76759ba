// What a terminal shows for one probe: the client's own output (client-output.ts, curl-output.ts), then the
// simulator's one-sentence explanation as a `#` comment, and whether the client failed. A delivered packet is a
// failure when the client still gets nothing it can use (a database answering curl, TLS to a plain-HTTP server).
import { parseProbeCommand, type ProbeCommand } from '../parse/probe-command'
import type { World } from '../model/types'
import { formatClientOutput } from './client-output'
import { curlOutput, httpFailure } from './curl-output'
import { probeExitStatus } from './exit-status'
import type { ProbeResult } from './types'

export type ProbeOutput = Readonly<{ text: string; failed: boolean }>

function ncSilence(tool: Extract<ProbeCommand['tool'], { kind: 'nc' }>, r: ProbeResult): string {
  if (probeExitStatus(tool, r) === 0) return `# nc printed nothing and exited with status 0: ${r.outcome === 'delivered' ? 'the port is open' : 'no ICMP port unreachable came back (open or filtered)'} (nc -v says so).`
  if (tool.proto === 'udp' && r.outcome === 'refused') return '# nc printed nothing and exited with status 1: an ICMP port unreachable came back ("Connection refused").'
  return tool.verbose > 0 ? '# nc printed nothing and exited with status 1 (busybox nc reports a refused connection only with -vv).' : '# nc printed nothing and exited with status 1 (nc -v says why).'
}

/** The terminal's text for `probe` run on machine `from` with result `r` (runProbe on the same world and probe). */
export function formatProbeOutput(world: World, from: string, probe: ProbeCommand | string, r: ProbeResult): ProbeOutput {
  const parsed = typeof probe === 'string' ? parseProbeCommand(probe) : { ok: true as const, value: probe }
  const failed = r.outcome !== 'delivered'
  const client = formatClientOutput(world, from, parsed.ok ? parsed.value : probe, r)
  // A probe that never ran (a bad line, a failed docker exec) prints its error, which is the explanation itself.
  if (!parsed.ok || r.outcome === 'error') return { text: client ?? r.explanation, failed }
  const tool = parsed.value.tool
  if (client !== null && client !== '') return { text: `${client}\n# ${r.explanation}`, failed }
  // A shell shows nothing here; say so, so the simulator's sentence below is not mistaken for nc's output.
  if (tool.kind === 'nc') return { text: `${ncSilence(tool, r)}\n# ${r.explanation}`, failed }
  if (tool.kind !== 'curl') return { text: r.explanation, failed }
  const http = httpFailure(world, tool, r)
  if (http !== null) {
    const printed = http.printed === '' ? '' : `${http.printed}\n`
    const why =
      http.kind === 'not-http'
        ? `# ${r.answeredBy?.container} (${http.image}) accepted the TCP connection on port ${tool.port} but speaks no HTTP, so ${tool.program} gets no page; nc -z tests just the connection. (${r.explanation})`
        : `# ${http.server} speaks plain HTTP on port ${tool.port}, not TLS, so the ${tool.program} TLS handshake fails: use http://. (The packet itself got there: ${r.explanation})`
    return { text: `${printed}${why}`, failed: true }
  }
  const head = curlOutput(world, tool, r)
  return { text: head === '' ? r.explanation : `${head}\n# ${r.explanation}`, failed }
}
