// UDP probes (nc -u -z): published ports match by protocol, no listener means ICMP port unreachable (refused),
// a DROP means silence (timeout).
import { describe, expect, it } from 'vitest'
import { lab, on1 } from '../testing'

const PROBE = 'nc -u -z 10.77.0.10 5353'

describe('UDP probes through published ports', () => {
  it('-p 5353:53/udp forwards a datagram to coredns on 53/udp', () => {
    const r = lab(on1('docker run -d --name dns -p 5353:53/udp coredns/coredns')).probe('laptop', PROBE)
    expect(r.outcome).toBe('delivered')
    expect(r.answeredBy).toEqual({ host: 'host1', container: 'dns', port: 53 })
    expect(r.trace.some((h) => h.note.startsWith('DNAT 10.77.0.10:5353 -> 172.17.0.2:53'))).toBe(true)
    expect(r.trace.every((h) => h.packet.proto === 'udp')).toBe(true)
    expect(r.trace.at(-1)?.note).toContain('receives the datagram on udp/53')
  })

  it('a TCP-only binding (-p 5353:53 or 5353:53/tcp) forwards no UDP: the host answers port unreachable', () => {
    for (const p of ['5353:53', '5353:53/tcp']) {
      const l = lab(on1(`docker run -d --name dns -p ${p} coredns/coredns`))
      const r = l.probe('laptop', PROBE)
      expect(r.outcome).toBe('refused')
      expect(r.explanation).toContain('ICMP port unreachable')
      expect(r.explanation).toContain('published for TCP only')
      expect(r.trace.some((h) => h.note.startsWith('DNAT'))).toBe(false)
      // the same mapping does carry TCP
      expect(l.probe('laptop', 'nc -z 10.77.0.10 5353').outcome).toBe('delivered')
    }
  })

  it('-p 53:53/tcp -p 53:53/udp publishes both protocols on one port number', () => {
    const l = lab(on1('docker run -d --name dns -p 53:53/tcp -p 53:53/udp coredns'))
    expect(l.results[0]?.ok).toBe(true)
    expect(l.probe('laptop', 'nc -u -z 10.77.0.10 53').answeredBy?.container).toBe('dns')
    expect(l.probe('laptop', 'nc -z 10.77.0.10 53').answeredBy?.container).toBe('dns')
  })

  it('a UDP mapping to a container port nothing listens on is refused by the container', () => {
    const r = lab(on1('docker run -d --name web -p 5353:80/udp nginx')).probe('laptop', PROBE)
    expect(r.outcome).toBe('refused')
    expect(r.explanation).toContain('listens on no UDP port (only tcp 80), not udp/80')
  })

  it('swapped ports (-p 53:5353/udp) publish host port 53, not 5353', () => {
    const l = lab(on1('docker run -d --name dns -p 53:5353/udp coredns/coredns'))
    expect(l.probe('laptop', PROBE).outcome).toBe('refused')
    expect(l.probe('laptop', 'nc -u -z 10.77.0.10 53').outcome).toBe('refused')
  })

  it('127.0.0.1:5353:53/udp is reachable from host1 only', () => {
    const l = lab(on1('docker run -d --name dns -p 127.0.0.1:5353:53/udp coredns/coredns'))
    expect(l.probe('laptop', PROBE).outcome).toBe('refused')
    const local = l.probe('host1', 'nc -u -z 127.0.0.1 5353')
    expect(local.outcome).toBe('delivered')
    expect(local.trace.some((h) => h.note.includes('/udp receives the datagram and relays it'))).toBe(true)
  })

  it('docker-proxy relays to a container that does not listen: the client hears nothing (timeout)', () => {
    const r = lab(on1('docker run -d --name web -p 127.0.0.1:5353:80/udp nginx')).probe('host1', 'nc -u -z 127.0.0.1 5353')
    expect(r.outcome).toBe('timeout')
    expect(r.explanation).toContain('goes back to docker-proxy')
  })

  it('a DOCKER-USER -p udp --dport 53 DROP rule silences the datagram; TCP to the same port still passes', () => {
    const l = lab(on1('docker run -d --name dns -p 5353:53/udp -p 5353:53/tcp coredns/coredns', 'iptables -I DOCKER-USER -p udp --dport 53 -j DROP'))
    const r = l.probe('laptop', PROBE)
    expect(r.outcome).toBe('timeout')
    expect(r.explanation).toContain('DOCKER-USER')
    expect(l.probe('laptop', 'nc -z 10.77.0.10 5353').outcome).toBe('delivered')
  })

  it('an INPUT rule for udp/5353 does not protect the published port', () => {
    const l = lab(on1('docker run -d --name dns -p 5353:53/udp coredns/coredns', 'iptables -I INPUT -p udp --dport 5353 -j DROP'))
    expect(l.probe('laptop', PROBE).outcome).toBe('delivered')
  })

  it('nc -u -l -p N in busybox is a UDP listener, -P publishes both of coredns\'s protocols', () => {
    const l = lab(on1('docker run -d --name echo -p 6000:6000/udp busybox nc -u -l -p 6000', 'docker run -d --name dns -P coredns/coredns'))
    expect(l.probe('laptop', 'nc -u -z 10.77.0.10 6000').answeredBy?.container).toBe('echo')
    expect(l.probe('laptop', 'nc -z 10.77.0.10 6000').outcome).toBe('refused')
    expect(l.probe('laptop', 'nc -u -z 10.77.0.10 32768').answeredBy?.container).toBe('dns')
    expect(l.probe('laptop', 'nc -z 10.77.0.10 32768').answeredBy?.container).toBe('dns')
  })

  it('container to container on a user network by name, and a host with no UDP service', () => {
    const l = lab(on1('docker network create app', 'docker run -d --name dns --network app coredns/coredns', 'docker run -dit --name client --network app alpine'))
    expect(l.probe('host1', 'docker exec client nc -u -z dns 53').answeredBy?.container).toBe('dns')
    expect(l.probe('host1', 'docker exec client nc -u -z dns 54').outcome).toBe('refused')
    const host = l.probe('host1', 'nc -u -z 10.77.0.11 53')
    expect(host.outcome).toBe('refused')
    expect(host.explanation).toContain('nothing on host2 listens on udp 10.77.0.11:53')
  })
})

describe('UDP through a router port forward', () => {
  const HOME = {
    lans: [{ name: 'home', subnet: '192.168.1.0/24', gateway: '192.168.1.1' }],
    hosts: [{ name: 'host1', docker: true, nics: [{ name: 'eth0', lan: 'home', ip: '192.168.1.10' }] }],
    routers: [{ name: 'router', lan: 'home', ip: '192.168.1.1', publicIp: '203.0.113.5', forwards: [{ port: 5353, proto: 'udp' as const, to: '192.168.1.10' }] }],
    internet: [{ name: 'phone', ip: '198.51.100.7' }],
  }

  it('forwards only the protocol it names', () => {
    const l = lab([['host1', 'docker run -d --name dns -p 5353:53/udp -p 5353:53/tcp coredns/coredns']], HOME)
    expect(l.probe('phone', 'nc -u -z 203.0.113.5 5353').answeredBy?.container).toBe('dns')
    const tcp = l.probe('phone', 'nc -z 203.0.113.5 5353')
    expect(tcp.outcome).toBe('timeout')
    expect(tcp.explanation).toContain('no port forward for tcp/5353')
  })
})
