// What `nc -z` prints. Hosts (Debian servers, the laptop) run OpenBSD netcat (netcat-openbsd: netcat.c
// connection_info, remote_connect, udptest). Containers run busybox nc, which alpine builds as nc_bloaty
// (CONFIG_NC_110_COMPAT=y; networking/nc_bloaty.c): with -v it says "HOST (IP:PORT) open", a refused connect is
// silent at one -v, other errors read "nc: HOST (IP:PORT): <strerror>", and an unknown name "nc: bad address 'HOST'".
import type { ProbeTool } from '../parse/probe-command'
import { errnoText, type Libc } from './errno-text'
import { unreachableErrno } from './reason'
import type { ProbeResult } from './types'

export type NcTool = Extract<ProbeTool, { kind: 'nc' }>

// getservbyport(3) answers from /etc/services; these are Debian netbase's entries for ports the course uses.
const SERVICES: Readonly<Record<string, string>> = {
  '22/tcp': 'ssh', '53/tcp': 'domain', '53/udp': 'domain', '80/tcp': 'http', '443/tcp': 'https', '443/udp': 'https',
  '3306/tcp': 'mysql', '5353/udp': 'mdns', '5432/tcp': 'postgresql', '6379/tcp': 'redis', '8080/tcp': 'http-alt',
}

/** The address nc connected to: the first hop of its own packet (a name's DNS query has no source port). */
export function connectedTo(r: ProbeResult): string | undefined {
  return r.trace.find((h) => h.packet.sport !== undefined)?.packet.dst
}

/** OpenBSD netcat: -z prints "succeeded!"; a failed TCP connect only with -v; a UDP probe fails silently. */
export function openbsdNc(nc: NcTool, r: ProbeResult): string {
  const ip = connectedTo(r)
  const service = nc.numeric ? '*' : (SERVICES[`${nc.port}/${nc.proto}`] ?? '*')
  const succeeded = `Connection to ${nc.host}${ip !== undefined && ip !== nc.host ? ` (${ip})` : ''} ${nc.port} port [${nc.proto}/${service}] succeeded!`
  const failed = (reason: string) => (nc.verbose > 0 ? `nc: connect to ${nc.host} port ${nc.port} (${nc.proto}) ${reason}` : '')
  switch (r.outcome) {
    case 'delivered':
      return succeeded
    case 'unresolved':
      return `nc: getaddrinfo for host "${nc.host}" port ${nc.port}: Name or service not known`
    case 'error':
      return ''
    case 'refused':
      return nc.proto === 'udp' ? '' : failed('failed: Connection refused')
    case 'timeout':
    case 'unreachable':
      // With no route at all, connect(2) fails at once, for a UDP socket too (ENETUNREACH).
      if (unreachableErrno(r.reason) === 'ENETUNREACH') return failed('failed: Network is unreachable')
      // UDP needs no answer, so nc reports success unless an ICMP port unreachable comes back: open|filtered.
      if (nc.proto === 'udp') return `${succeeded}\n# nc cannot tell: no ICMP port unreachable came back, so "succeeded" means open or filtered.`
      if (r.outcome === 'unreachable') return failed('failed: No route to host')
      return failed(nc.wait ? 'timed out: Operation now in progress' : 'failed: Connection timed out')
  }
}

/** busybox nc (nc_bloaty): quiet without -v; connect errors other than "refused" print with one -v, a refusal with -vv. */
export function busyboxNc(nc: NcTool, r: ProbeResult, libc: Libc): string {
  if (r.outcome === 'unresolved') return `nc: bad address '${nc.host}'`
  if (r.outcome === 'error' || nc.verbose === 0) return ''
  const where = `${nc.host} (${connectedTo(r) ?? nc.host}:${nc.port})`
  const open = `${where} open`
  switch (r.outcome) {
    case 'delivered':
      return open
    case 'refused':
      // nc_bloaty: "if we're scanning at a one -v verbosity level, don't print refusals"; -vv does.
      return nc.verbose > 1 ? `nc: ${where}: ${errnoText(libc, 'ECONNREFUSED')}` : ''
    case 'timeout':
    case 'unreachable':
      if (unreachableErrno(r.reason) === 'ENETUNREACH') return `nc: ${where}: ${errnoText(libc, 'ENETUNREACH')}`
      // udptest() fails only when its second datagram meets the ICMP error the first one caused.
      if (nc.proto === 'udp') return `${open}\n# nc cannot tell: no ICMP port unreachable came back, so "open" means open or filtered.`
      // -w N makes nc_bloaty's connect_w_timeout fake ETIMEDOUT, the same text the kernel's own timeout gives.
      return `nc: ${where}: ${errnoText(libc, r.outcome === 'unreachable' ? 'EHOSTUNREACH' : 'ETIMEDOUT')}`
  }
}
