import { describe, expect, it } from 'vitest'
import { lab, on1 } from '../testing'

describe('default bridge and published ports', () => {
  const l = lab(on1('docker run -d --name web -p 8080:80 nginx', 'docker run -d --name local -p 127.0.0.1:9090:80 nginx', 'docker run -d --name old alpine'))

  it('delivers a LAN client to the published port through DNAT and FORWARD', () => {
    const r = l.probe('laptop', 'curl http://10.77.0.10:8080')
    expect(r.outcome).toBe('delivered')
    expect(r.answeredBy).toEqual({ host: 'host1', container: 'web', port: 80 })
    expect(r.trace.map((h) => h.stage)).toEqual(['os', 'os', 'host-nic', 'os', 'os', 'network-plugin', 'container-app'])
    expect(r.trace.find((h) => h.kind === 'docker-dnat')?.note).toContain('DNAT 10.77.0.10:8080 -> 172.17.0.2:80')
  })

  it('classic mistake: a port published on 127.0.0.1 is refused from the LAN but served on the host', () => {
    const fromLan = l.probe('laptop', 'curl http://10.77.0.10:9090')
    expect(fromLan.outcome).toBe('refused')
    expect(fromLan.explanation).toContain('127.0.0.1 only')
    const fromHost = l.probe('host1', 'curl http://127.0.0.1:9090')
    expect(fromHost.answeredBy).toEqual({ host: 'host1', container: 'local', port: 80 })
    expect(fromHost.trace.some((h) => h.at === 'host1:docker-proxy')).toBe(true)
  })

  it('classic mistake: names do not resolve on the default bridge', () => {
    const r = lab(on1('docker run -d --name web nginx', 'docker run -d --name cli alpine sleep 1d')).probe('host1', 'docker exec cli nslookup web')
    expect(r.outcome).toBe('unresolved')
    expect(r.explanation).toContain('default bridge')
  })

  it('reports an exited alpine as not running, as docker exec does', () => {
    const r = l.probe('host1', 'docker exec old ping -c 1 172.17.0.2')
    expect(r.outcome).toBe('error')
    expect(r.explanation).toMatch(/container [0-9a-f]{64} is not running/)
  })

  it('masquerades outbound traffic to the host address', () => {
    const r = lab(on1('docker run -d --name cli alpine sleep 1d')).probe('host1', 'docker exec cli wget -qO- http://10.77.0.50:8000')
    expect(r.answeredBy).toEqual({ host: 'laptop', container: null, port: 8000 })
    const masq = r.trace.find((h) => h.note.includes('MASQUERADE'))
    expect(masq?.packet.src).toBe('10.77.0.10')
  })

  it('refuses a container port nothing listens on', () => {
    const r = lab(on1('docker run -d --name web -p 8081:81 nginx')).probe('laptop', 'curl http://10.77.0.10:8081')
    expect(r.outcome).toBe('refused')
    expect(r.explanation).toContain('listens on port 80, not 81')
  })
})

describe('user-defined bridges', () => {
  const l = lab(
    on1(
      'docker network create net1',
      'docker network create net2',
      'docker run -d --name db --network net1 --network-alias database redis',
      'docker run -d --name web --network net2 -p 8080:80 nginx',
      'docker run -d --name cli --network net1 alpine sleep 1d',
      'docker network create -o com.docker.network.bridge.enable_icc=false quiet',
      'docker run -d --name q1 --network quiet nginx',
      'docker run -d --name q2 --network quiet alpine sleep 1d',
    ),
  )

  it('resolves names and aliases through the embedded DNS', () => {
    expect(l.probe('host1', 'docker exec cli nslookup db').address).toBe('172.18.0.2')
    expect(l.probe('host1', 'docker exec cli wget -qO- http://database:6379').answeredBy).toEqual({ host: 'host1', container: 'db', port: 6379 })
  })

  it('isolates separate bridge networks', () => {
    const r = l.probe('host1', 'docker exec cli wget -qO- http://172.19.0.2')
    expect(r.outcome).toBe('timeout')
    expect(r.explanation).toContain('net1 and net2 are separate bridge networks')
  })

  it('lets another network reach a published port through a host address', () => {
    expect(l.probe('host1', 'docker exec cli wget -qO- http://10.77.0.10:8080').answeredBy).toEqual({ host: 'host1', container: 'web', port: 80 })
  })

  it('drops traffic inside an icc=false network', () => {
    const r = l.probe('host1', 'docker exec q2 wget -qO- http://q1')
    expect(r.outcome).toBe('timeout')
    expect(r.explanation).toContain('enable_icc=false')
  })

  it('cannot be reached by direct routing from the LAN', () => {
    expect(l.probe('laptop', 'curl http://172.18.0.2:6379').outcome).toBe('unreachable')
  })
})

describe('internal, host, none and container: networks', () => {
  const l = lab(
    on1(
      'docker network create --internal secret',
      'docker run -d --name vault --network secret nginx',
      'docker run -d --name hnet --network host nginx',
      'docker run -d --name lonely --network none alpine sleep 1d',
      'docker run -d --name app nginx',
      'docker run -d --name side --network container:app alpine sleep 1d',
    ),
  )

  it('gives internal containers no default route (v25+)', () => {
    const r = l.probe('host1', 'docker exec vault curl http://10.77.0.50:8000')
    expect(r.outcome).toBe('unreachable')
    expect(r.explanation).toContain('--internal')
  })

  it('lets the host reach internal containers', () => {
    expect(l.probe('host1', 'curl http://172.18.0.2').answeredBy).toEqual({ host: 'host1', container: 'vault', port: 80 })
  })

  it('serves host-network containers on the host address', () => {
    expect(l.probe('laptop', 'curl http://10.77.0.10').answeredBy).toEqual({ host: 'host1', container: 'hnet', port: 80 })
  })

  it('gives --network none only loopback', () => {
    expect(l.probe('host1', 'docker exec lonely ping -c 1 10.77.0.50').outcome).toBe('unreachable')
  })

  it('shares the namespace with container:NAME (localhost reaches its listeners)', () => {
    expect(l.probe('host1', 'docker exec side wget -qO- http://localhost').answeredBy).toEqual({ host: 'host1', container: 'app', port: 80 })
  })
})
