// What the learner's client program prints for a probe, so a terminal can show the real text beside the outcome.
// Inside containers ping, nslookup, nc and wget are busybox (alpine, busybox and the lessons' client images); on
// hosts and internet machines ping and nslookup are Debian's iputils and bind9, nc is OpenBSD netcat. busybox prints
// errno texts through the C library, so alpine (musl) says "Network unreachable" where glibc images say "Network
// is unreachable" (errno-text.ts). curl, and wget on hosts, are left to the caller (their wording depends on the
// tool's version), which gets null.
import { parseProbeCommand, type ProbeCommand } from '../parse/probe-command'
import { imageBase } from '../model/images'
import type { Container, Host, World } from '../model/types'
import { findContainer } from '../model/world'
import { errnoText, type Libc } from './errno-text'
import { busyboxNc, connectedTo, openbsdNc } from './nc-output'
import { unreachableErrno } from './reason'
import type { ProbeResult } from './types'

type Client = Readonly<{ kind: 'busybox'; libc: Libc; dns: string; offline: boolean } | { kind: 'debian'; dns: string }>

// Replies in the simulator take no time; a fixed round trip keeps the output byte-identical between runs.
const RTT = '0.100'

/** The scenario has no resolv.conf: the LAN's gateway stands in for the host's nameserver (a home router or an
 *  office DHCP server usually is one), and 8.8.8.8 (Docker's fallback, facts 39) when the LAN has no gateway. */
function hostResolver(world: World, host: Host): string {
  for (const nic of host.nics) {
    const gw = world.lans.get(nic.lan)?.gateway
    if (gw !== null && gw !== undefined) return gw
  }
  return '8.8.8.8'
}

function libcOf(c: Container): Libc {
  const base = imageBase(c.image)
  const tag = c.image.split('@')[0]?.split(':')[1] ?? ''
  return base === 'alpine' || base === 'nicolaka/netshoot' || tag.includes('alpine') || tag.includes('musl') ? 'musl' : 'glibc'
}

function clientOf(world: World, from: string, exec: string | null): Client {
  const host = world.hosts.get(from)
  if (host === undefined) return { kind: 'debian', dns: '8.8.8.8' }
  if (exec === null) return { kind: 'debian', dns: hostResolver(world, host) }
  const c = findContainer(world, from, exec)
  if (c === undefined) return { kind: 'busybox', libc: 'glibc', dns: hostResolver(world, host), offline: false }
  const owner = c.netMode.kind === 'container' ? (host.engine?.containers.get(c.netMode.target) ?? c) : c
  const embedded = owner.endpoints.some((e) => {
    const net = host.engine?.networks.get(e.netId) ?? world.swarm?.networks.get(e.netId)
    return net !== undefined && !net.predefined && net.name !== 'docker_gwbridge'
  })
  // Containers on a user-defined network ask 127.0.0.11; others get a copy of the host's resolv.conf (facts 39).
  const dns = embedded && owner.netMode.kind === 'default' ? '127.0.0.11' : hostResolver(world, host)
  return { kind: 'busybox', libc: libcOf(c), dns, offline: owner.netMode.kind === 'none' }
}

function strerror(client: Client, errno: 'ENETUNREACH' | 'EHOSTUNREACH'): string {
  return errnoText(client.kind === 'busybox' ? client.libc : 'glibc', errno)
}

function firstSource(r: ProbeResult): string {
  return r.trace.find((h) => h.packet.src !== '0.0.0.0')?.packet.src ?? '127.0.0.1'
}

/** busybox ping (networking/ping.c): the header, one reply line or nothing (it ignores ICMP errors), statistics. */
function busyboxPing(client: Client, name: string, count: number, r: ProbeResult): string {
  if (r.outcome === 'unresolved') return `ping: bad address '${name}'`
  const ip = r.trace.find((h) => h.packet.proto === 'icmp')?.packet.dst ?? name
  const head = `PING ${name} (${ip}): 56 data bytes`
  if (unreachableErrno(r.reason) === 'ENETUNREACH') return `${head}\nping: sendto: ${strerror(client, 'ENETUNREACH')}`
  const stats = `\n--- ${name} ping statistics ---\n${count} packets transmitted`
  if (r.outcome === 'delivered') {
    const replies = Array.from({ length: count }, (_, seq) => `64 bytes from ${ip}: seq=${seq} ttl=64 time=${RTT} ms`).join('\n')
    return `${head}\n${replies}\n${stats}, ${count} packets received, 0% packet loss\nround-trip min/avg/max = ${RTT}/${RTT}/${RTT} ms`
  }
  return `${head}\n${stats}, 0 packets received, 100% packet loss`
}

/** iputils ping on a Debian host: resolver errors from getaddrinfo, the sender's own "Destination Host Unreachable". */
function iputilsPing(name: string, count: number, r: ProbeResult): string {
  if (r.outcome === 'unresolved') return `ping: ${name}: Name or service not known`
  if (unreachableErrno(r.reason) === 'ENETUNREACH') return 'ping: connect: Network is unreachable'
  const ip = r.trace.find((h) => h.packet.proto === 'icmp')?.packet.dst ?? name
  const head = `PING ${name} (${ip}) 56(84) bytes of data.`
  // One echo request a second: the statistics count the time from the first to the last.
  const stats = `--- ${name} ping statistics ---\n${count} packets transmitted`
  const time = `time ${(count - 1) * 1000}ms`
  const each = (line: (seq: number) => string) => Array.from({ length: count }, (_, i) => line(i + 1)).join('\n')
  switch (r.outcome) {
    case 'delivered':
      return `${head}\n${each((seq) => `64 bytes from ${ip}: icmp_seq=${seq} ttl=64 time=${RTT} ms`)}\n\n${stats}, ${count} received, 0% packet loss, ${time}\nrtt min/avg/max/mdev = ${RTT}/${RTT}/${RTT}/0.000 ms`
    case 'unreachable':
      return `${head}\n${each((seq) => `From ${firstSource(r)} icmp_seq=${seq} Destination Host Unreachable`)}\n\n${stats}, 0 received, +${count} errors, 100% packet loss, ${time}`
    case 'refused':
      return `${head}\n${each((seq) => `From ${ip} icmp_seq=${seq} Destination Port Unreachable`)}\n\n${stats}, 0 received, +${count} errors, 100% packet loss, ${time}`
    default:
      return `${head}\n\n${stats}, 0 received, 100% packet loss, ${time}`
  }
}

/** busybox nslookup asks for A and AAAA and reports each; bind9's nslookup (hosts) prints one block. */
function nslookup(client: Client, name: string, r: ProbeResult): string {
  const busybox = client.kind === 'busybox'
  const server = `Server:\t\t${client.dns}\nAddress:\t${client.dns}${busybox ? ':53' : '#53'}\n`
  if (r.outcome === 'unreachable' || (client.kind === 'busybox' && client.offline)) {
    // xconnect() on the UDP socket fails before any query leaves (libbb/xconnect.c).
    return `nslookup: can't connect to remote host (${client.dns}): ${strerror(client, 'ENETUNREACH')}`
  }
  if (r.outcome !== 'delivered') {
    const miss = `** server can't find ${name}: NXDOMAIN`
    return busybox ? `${server}\n${miss}\n\n${miss}` : `${server}\n${miss}`
  }
  const reason = r.reason
  if (reason.kind === 'reverse-resolved') return `${server}\n${name.split('.').reverse().join('.')}.in-addr.arpa\tname = ${reason.container}.${reason.network}`
  const listed = reason.kind === 'resolved' ? reason.addresses : [r.address ?? '']
  const answers = listed.map((a) => `Name:\t${name}\nAddress: ${a}`).join('\n')
  return busybox ? `${server}\nNon-authoritative answer:\n${answers}\n\nNon-authoritative answer:\n*** Can't find ${name}: No answer` : `${server}\nNon-authoritative answer:\n${answers}`
}

/** busybox wget's failures (networking/wget.c via xconnect and bb_perror_msg); a success is left to the caller. */
function busyboxWget(libc: Libc, host: string, r: ProbeResult): string | null {
  const failed = (errno: Parameters<typeof errnoText>[1]) => `wget: can't connect to remote host (${connectedTo(r) ?? host}): ${errnoText(libc, errno)}`
  switch (r.outcome) {
    case 'delivered':
    case 'error':
      return null
    case 'unresolved':
      return `wget: bad address '${host}'`
    case 'refused':
      // docker-proxy accepts, then closes when nothing listens behind it: the request meets a closed connection.
      return r.reason.kind === 'proxy-empty-reply' ? `wget: error getting response: ${errnoText(libc, 'ECONNRESET')}` : failed('ECONNREFUSED')
    case 'unreachable':
      return failed(unreachableErrno(r.reason) ?? 'EHOSTUNREACH')
    case 'timeout':
      return failed('ETIMEDOUT')
  }
}

/**
 * The text `probe` prints on machine `from` for the probe result `r` (from runProbe on the same world and probe):
 * ping, nslookup and nc everywhere, wget's failures inside containers; null for curl, and for wget on hosts or when it
 * got through. A failed docker exec or a bad command line prints the error.
 */
export function formatClientOutput(world: World, from: string, probe: ProbeCommand | string, r: ProbeResult): string | null {
  const parsed = typeof probe === 'string' ? parseProbeCommand(probe) : { ok: true as const, value: probe }
  if (!parsed.ok || r.outcome === 'error') return r.explanation
  const { tool, exec } = parsed.value
  const client = clientOf(world, from, exec)
  switch (tool.kind) {
    case 'nslookup':
      return nslookup(client, tool.name, r)
    case 'ping':
      return client.kind === 'busybox' ? busyboxPing(client, tool.host, tool.count, r) : iputilsPing(tool.host, tool.count, r)
    case 'nc':
      return client.kind === 'busybox' ? busyboxNc(tool, r, client.libc) : openbsdNc(tool, r)
    case 'curl':
      return tool.program === 'wget' && client.kind === 'busybox' ? busyboxWget(client.libc, tool.host, r) : null
  }
}
