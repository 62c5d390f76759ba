// What a probe tool exits with, from its result: the container's `Exited (N)` after a foreground probe run, and what
// the terminal says after a silent nc.
import type { ProbeTool } from '../parse/probe-command'
import { unreachableErrno } from './reason'
import type { ProbeResult } from './types'

/** 0 when it got through, else 1 (busybox and iputils ping, nslookup, curl/wget, nc). */
export function probeExitStatus(tool: ProbeTool, r: ProbeResult): number {
  if (r.outcome === 'delivered') return 0
  // nc -u -z fails only when an ICMP error comes back or no route exists: silence counts as success (open|filtered).
  const silent = r.outcome === 'timeout' || (r.outcome === 'unreachable' && unreachableErrno(r.reason) !== 'ENETUNREACH')
  return tool.kind === 'nc' && tool.proto === 'udp' && silent ? 0 : 1
}
