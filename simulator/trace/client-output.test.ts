import { describe, expect, it } from 'vitest'
import { lab, on1 } from '../testing'
import { formatClientOutput } from './client-output'
import { errnoText } from './errno-text'
import { unreachableErrno } from './reason'

const l = lab(
  on1(
    'docker network create app',
    'docker run -d --name cache --network app redis',
    'docker run -d --name db1 --network app --network-alias db redis',
    'docker run -d --name db2 --network app --network-alias db redis',
    'docker run -d --name client --network app alpine sleep infinity',
    'docker run -d --name bb --network app busybox sleep infinity',
    'docker run -d --name lonely --network none alpine sleep infinity',
    'docker run -d --name plain alpine sleep infinity',
    'docker run -d --name hostweb --network host nginx',
  ),
)

function out(from: string, line: string): string | null {
  return formatClientOutput(l.world, from, line, l.probe(from, line))
}

describe('busybox ping inside containers', () => {
  it.each([
    ['docker exec plain ping -c 1 cache', "ping: bad address 'cache'"],
    ['docker exec lonely ping -c 1 cache', "ping: bad address 'cache'"],
    ['docker exec lonely ping -c 1 10.77.0.11', 'PING 10.77.0.11 (10.77.0.11): 56 data bytes\nping: sendto: Network unreachable'],
    ['docker exec bb ping -c 1 10.99.0.1', 'PING 10.99.0.1 (10.99.0.1): 56 data bytes\n\n--- 10.99.0.1 ping statistics ---\n1 packets transmitted, 0 packets received, 100% packet loss'],
    [
      'docker exec client ping -c 1 cache',
      'PING cache (172.18.0.2): 56 data bytes\n64 bytes from 172.18.0.2: seq=0 ttl=64 time=0.100 ms\n\n--- cache ping statistics ---\n1 packets transmitted, 1 packets received, 0% packet loss\nround-trip min/avg/max = 0.100/0.100/0.100 ms',
    ],
    // ARP gets no answer: busybox ignores the error and only counts the loss (no "Destination Host Unreachable").
    ['docker exec client ping -c 1 172.18.0.99', 'PING 172.18.0.99 (172.18.0.99): 56 data bytes\n\n--- 172.18.0.99 ping statistics ---\n1 packets transmitted, 0 packets received, 100% packet loss'],
  ])('%s', (line, text) => {
    expect(out('host1', line)).toBe(text)
  })

  // busybox (glibc/uClibc) spells the errno as glibc does; the conformance bed recorded exactly this line (038).
  it('a glibc busybox says "Network is unreachable"', () => {
    const w = lab(on1('docker run -d --name bx --network none busybox sleep infinity'))
    const line = 'docker exec bx ping -c 1 10.77.0.11'
    expect(formatClientOutput(w.world, 'host1', line, w.probe('host1', line))).toBe('PING 10.77.0.11 (10.77.0.11): 56 data bytes\nping: sendto: Network is unreachable')
  })
})

describe('busybox nslookup inside containers', () => {
  it('answers from 127.0.0.11 on a user-defined network, with every address of a shared alias', () => {
    expect(out('host1', 'docker exec client nslookup db')).toBe(
      "Server:\t\t127.0.0.11\nAddress:\t127.0.0.11:53\n\nNon-authoritative answer:\nName:\tdb\nAddress: 172.18.0.3\nName:\tdb\nAddress: 172.18.0.4\n\nNon-authoritative answer:\n*** Can't find db: No answer",
    )
  })

  it('NXDOMAIN from the host resolver on the default bridge, once per query type', () => {
    expect(out('host1', 'docker exec plain nslookup cache')).toBe("Server:\t\t10.77.0.1\nAddress:\t10.77.0.1:53\n\n** server can't find cache: NXDOMAIN\n\n** server can't find cache: NXDOMAIN")
  })

  it('cannot even reach a server from --network none', () => {
    expect(out('host1', 'docker exec lonely nslookup cache')).toBe("nslookup: can't connect to remote host (10.77.0.1): Network unreachable")
  })

  it('a reverse lookup names the container and its network', () => {
    expect(out('host1', 'docker exec client nslookup 172.18.0.2')).toBe('Server:\t\t127.0.0.11\nAddress:\t127.0.0.11:53\n\n2.0.18.172.in-addr.arpa\tname = cache.app')
  })
})

describe('ping -c N', () => {
  it('prints one reply line per echo request and counts them, in busybox and iputils', () => {
    expect(out('host1', 'docker exec client ping -c 3 cache')).toMatch(/seq=0 .*\n.*seq=1 .*\n.*seq=2 .*\n\n--- cache ping statistics ---\n3 packets transmitted, 3 packets received, 0% packet loss/)
    expect(out('host1', 'ping -c 2 10.77.0.10')).toMatch(/icmp_seq=1 .*\n.*icmp_seq=2 .*\n\n--- 10\.77\.0\.10 ping statistics ---\n2 packets transmitted, 2 received, 0% packet loss, time 1000ms/)
  })

  it('refuses a count it would never finish', () => {
    expect(out('host1', 'ping -c 0 10.77.0.10')).toMatch(/^ping: -c needs a count from 1 to 100/)
  })
})

describe('iputils ping and bind9 nslookup on hosts', () => {
  it.each([
    ['ping -c 1 cache', 'ping: cache: Name or service not known'],
    ['ping -c 1 10.77.0.99', 'PING 10.77.0.99 (10.77.0.99) 56(84) bytes of data.\nFrom 10.77.0.10 icmp_seq=1 Destination Host Unreachable\n\n--- 10.77.0.99 ping statistics ---\n1 packets transmitted, 0 received, +1 errors, 100% packet loss, time 0ms'],
    ['ping -c 1 10.77.0.11', 'PING 10.77.0.11 (10.77.0.11) 56(84) bytes of data.\n64 bytes from 10.77.0.11: icmp_seq=1 ttl=64 time=0.100 ms\n\n--- 10.77.0.11 ping statistics ---\n1 packets transmitted, 1 received, 0% packet loss, time 0ms\nrtt min/avg/max/mdev = 0.100/0.100/0.100/0.000 ms'],
    ['nslookup cache', "Server:\t\t10.77.0.1\nAddress:\t10.77.0.1#53\n\n** server can't find cache: NXDOMAIN"],
  ])('%s', (line, text) => {
    expect(out('host1', line)).toBe(text)
  })

  it('a host on a LAN without gateway has no route off its subnet', () => {
    const base = { lans: [{ name: 'l', subnet: '10.0.9.0/24' }], hosts: [{ name: 'h', docker: false, nics: [{ name: 'eth0', lan: 'l', ip: '10.0.9.2' }] }] }
    const w = lab([], base)
    expect(formatClientOutput(w.world, 'h', 'ping -c 1 1.1.1.1', w.probe('h', 'ping -c 1 1.1.1.1'))).toBe('ping: connect: Network is unreachable')
  })
})

describe('other tools and failures', () => {
  it('leaves curl, and wget that got through, to the caller', () => {
    expect(out('host1', 'docker exec hostweb curl http://127.0.0.1')).toBeNull()
    expect(out('host1', 'docker exec client wget -qO- http://cache:6379')).toBeNull()
  })

  it('busybox wget in containers words its failures through the image\'s C library', () => {
    expect(out('host1', 'docker exec client wget -qO- http://cache:80')).toBe("wget: can't connect to remote host (172.18.0.2): Connection refused")
    expect(out('host1', 'docker exec plain wget -qO- http://cache')).toBe("wget: bad address 'cache'")
    expect(out('host1', 'docker exec lonely wget -qO- http://10.77.0.11')).toBe("wget: can't connect to remote host (10.77.0.11): Network unreachable")
    expect(out('host1', 'docker exec client wget -qO- http://172.18.0.99')).toBe("wget: can't connect to remote host (172.18.0.99): Host is unreachable")
  })

  it('nc on a host is OpenBSD netcat, in a container busybox nc', () => {
    expect(out('host1', 'nc -vz 10.77.0.10 6390')).toBe('nc: connect to 10.77.0.10 port 6390 (tcp) failed: Connection refused')
    expect(out('host1', 'docker exec client nc -vz cache 6379')).toMatch(/^cache \(172\.18\.0\.\d+:6379\) open$/)
  })

  it('prints the error of a failed exec or a bad command line', () => {
    expect(out('host1', 'docker exec ghost ping -c 1 cache')).toBe('Error response from daemon: No such container: ghost')
    expect(out('host1', 'ping -c 1 bad/host')).toBe("ping: bad address 'bad/host'")
  })
})

// The client texts tell ENETUNREACH from EHOSTUNREACH by the reason's errno; the sentence still opens with its text.
describe('every unreachable end carries its errno', () => {
  it.each([
    ['host1', 'docker exec lonely ping -c 1 10.77.0.11', 'ENETUNREACH'],
    ['host1', 'docker exec client ping -c 1 172.18.0.99', 'EHOSTUNREACH'],
    ['host1', 'ping -c 1 10.77.0.99', 'EHOSTUNREACH'],
    ['host1', 'docker exec hostweb curl http://1.1.1.1', 'EHOSTUNREACH'],
    ['host1', 'docker exec plain wget -qO- http://172.17.0.77', 'EHOSTUNREACH'],
  ] as const)('%s: %s', (from, line, errno) => {
    const r = l.probe(from, line)
    expect(r.outcome).toBe('unreachable')
    expect(unreachableErrno(r.reason)).toBe(errno)
    expect(r.explanation.startsWith(`${errnoText('glibc', errno)}:`)).toBe(true)
  })
})
