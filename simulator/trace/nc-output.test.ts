import { describe, expect, it } from 'vitest'
import { parseNc } from '../parse/probe-command'
import { busyboxNc, openbsdNc, type NcTool } from './nc-output'
import type { EndReason } from './reason'
import type { Outcome, ProbeResult } from './types'

function nc(args: readonly string[]): NcTool {
  const parsed = parseNc('nc', args)
  if (!parsed.ok || parsed.value.kind !== 'nc') throw new Error(`bad nc line ${args.join(' ')}`)
  return parsed.value
}

/** A reason of the kind each table row's explanation names (the rows read as the tracer's sentences would). */
function reasonOf(explanation: string): EndReason {
  if (explanation.startsWith('Network is unreachable')) return { kind: 'no-route-out', errno: 'ENETUNREACH', host: 'host1' }
  if (explanation.startsWith('No route to host')) return { kind: 'arp-no-answer', errno: 'EHOSTUNREACH', nextHop: '10.77.0.10', lan: 'office', viaGateway: false }
  return { kind: 'failed', message: explanation }
}

/** A result whose first hop is nc's own packet to `dst` (what connectedTo reads). */
function result(outcome: Outcome, explanation: string, dst?: string): ProbeResult {
  const trace = dst === undefined ? [] : [{ packet: { src: '172.18.0.3', dst, sport: 40000, dport: 5432, proto: 'tcp' } }]
  return { outcome, answeredBy: null, reason: reasonOf(explanation), explanation, trace } as unknown as ProbeResult
}

describe('OpenBSD netcat on hosts', () => {
  it.each([
    [['-z', '10.77.0.10', '8080'], 'timeout', 'No reply', ''],
    [['-vz', '10.77.0.10', '8080'], 'timeout', 'No reply', 'nc: connect to 10.77.0.10 port 8080 (tcp) failed: Connection timed out'],
    [['-v', '-z', '-w', '2', '10.77.0.10', '8080'], 'timeout', 'No reply', 'nc: connect to 10.77.0.10 port 8080 (tcp) timed out: Operation now in progress'],
    [['-vzw2', '10.77.0.10', '80'], 'unreachable', 'No route to host: nobody answers ARP', 'nc: connect to 10.77.0.10 port 80 (tcp) failed: No route to host'],
    [['-vzu', '10.77.0.10', '53'], 'unreachable', 'Network is unreachable: no route', 'nc: connect to 10.77.0.10 port 53 (udp) failed: Network is unreachable'],
    [['-zu', '10.77.0.10', '53'], 'delivered', 'Delivered', 'Connection to 10.77.0.10 53 port [udp/domain] succeeded!'],
    [['-nzu', '10.77.0.10', '53'], 'delivered', 'Delivered', 'Connection to 10.77.0.10 53 port [udp/*] succeeded!'],
    [['-z', 'nosuch', '80'], 'unresolved', 'no such name', 'nc: getaddrinfo for host "nosuch" port 80: Name or service not known'],
  ] as const)('nc %j when %s', (args, outcome, explanation, printed) => {
    expect(openbsdNc(nc(args), result(outcome, explanation))).toBe(printed)
  })

  it('names the address a name resolved to', () => {
    expect(openbsdNc(nc(['-z', 'db', '5432']), result('delivered', 'Delivered', '172.18.0.2'))).toBe('Connection to db (172.18.0.2) 5432 port [tcp/postgresql] succeeded!')
  })
})

describe('busybox nc (nc_bloaty) in containers', () => {
  it.each([
    [['-z', 'db', '5432'], 'delivered', 'Delivered', 'musl', ''],
    [['-vz', 'db', '5432'], 'delivered', 'Delivered', 'musl', 'db (172.18.0.2:5432) open'],
    // One -v does not report a refusal (nc_bloaty: "don't print refusals" unless -vv).
    [['-vz', 'db', '5432'], 'refused', 'RST', 'musl', ''],
    [['-vvz', 'db', '5432'], 'refused', 'RST', 'musl', 'nc: db (172.18.0.2:5432): Connection refused'],
    [['-vz', 'db', '5432'], 'timeout', 'No reply', 'musl', 'nc: db (172.18.0.2:5432): Operation timed out'],
    [['-vz', 'db', '5432'], 'timeout', 'No reply', 'glibc', 'nc: db (172.18.0.2:5432): Connection timed out'],
    [['-vz', 'db', '5432'], 'unreachable', 'No route to host: nobody answers ARP', 'musl', 'nc: db (172.18.0.2:5432): Host is unreachable'],
    [['-vz', 'db', '5432'], 'unreachable', 'Network is unreachable: no route', 'musl', 'nc: db (172.18.0.2:5432): Network unreachable'],
    [['-z', 'nosuch', '5432'], 'unresolved', 'no such name', 'musl', "nc: bad address 'nosuch'"],
  ] as const)('nc %j when %s (%s)', (args, outcome, explanation, libc, printed) => {
    expect(busyboxNc(nc(args), result(outcome, explanation, outcome === 'unresolved' ? undefined : '172.18.0.2'), libc)).toBe(printed)
  })

  it('a UDP probe with no ICMP error back says "open" and that it cannot tell open from filtered', () => {
    expect(busyboxNc(nc(['-vzu', 'dns', '53']), result('timeout', 'dropped', '172.18.0.2'), 'musl')).toMatch(/^dns \(172\.18\.0\.2:53\) open\n# nc cannot tell/)
  })
})
