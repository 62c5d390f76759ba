import { describe, expect, it } from 'vitest'
import { lab, on1 } from '../testing'

function errorOf(l: ReturnType<typeof lab>, i: number): string {
  const r = l.results[i]
  return r === undefined || r.ok ? '' : r.error
}

describe('errors like Docker', () => {
  it('port already allocated at start leaves a Created container whose name stays taken', () => {
    const l = lab(on1('docker run -d --name aa -p 8080:80 nginx', 'docker run -d --name bb -p 8080:80 nginx', 'docker run -d --name bb -p 8081:80 nginx', 'docker rm bb', 'docker run -d --name bb -p 8081:80 nginx'))
    expect(errorOf(l, 1)).toMatch(/^docker: Error response from daemon: failed to set up container networking: driver failed programming external connectivity on endpoint bb \([0-9a-f]{64}\): Bind for 0\.0\.0\.0:8080 failed: port is already allocated/)
    expect(errorOf(l, 2)).toContain('Conflict. The container name "/bb" is already in use by container')
    expect(l.results[4]?.ok).toBe(true)
  })

  it('a host process on the port gives the bind error', () => {
    const base = { lans: [{ name: 'l', subnet: '10.0.9.0/24' }], hosts: [{ name: 'h', docker: true, nics: [{ name: 'eth0', lan: 'l', ip: '10.0.9.2' }], services: [{ port: 8080 }] }] }
    const l = lab([['h', 'docker run -d -p 8080:80 nginx']], base)
    expect(errorOf(l, 0)).toMatch(/^docker: Error response from daemon: failed to set up container networking: driver failed programming external connectivity on endpoint [a-z_]+ \([0-9a-f]{64}\): failed to bind host port 0\.0\.0\.0:8080\/tcp: address already in use\n/)
  })

  // The text lesson 2 (choosing-a-driver) quotes: a --network host nginx holds the host's port 80.
  it('a host-network container on the port gives the same wrapped bind error', () => {
    const l = lab(on1('docker run -d --name hostweb --network host nginx', 'docker run -d --name web2 -p 80:80 nginx'))
    expect(errorOf(l, 1)).toMatch(/^docker: Error response from daemon: failed to set up container networking: driver failed programming external connectivity on endpoint web2 \([0-9a-f]{64}\): failed to bind host port 0\.0\.0\.0:80\/tcp: address already in use\n/)
  })

  // daemon/create.go validateNetworkingConfig + container_operations.go validateEndpointSettings (v25+).
  it.each([
    ['docker run -d --name pinned --ip 172.17.0.50 nginx', 'invalid config for network bridge: invalid endpoint settings:\nuser-specified IP address is supported on user-defined networks only'],
    ['docker run -d --network bridge --network-alias x nginx', 'invalid config for network bridge: invalid endpoint settings:\nnetwork-scoped aliases are only supported for user-defined networks'],
    ['docker run -d --ip 172.17.0.50 --network-alias x nginx', 'invalid config for network bridge: invalid endpoint settings:\n* user-specified IP address is supported on user-defined networks only\n* network-scoped aliases are only supported for user-defined networks'],
  ])('%s is wrapped as dockerd wraps it', (line, message) => {
    expect(errorOf(lab(on1(line)), 0)).toBe(`docker: Error response from daemon: ${message}\n\nRun 'docker run --help' for more information`)
  })

  it('network connect --ip to the default bridge says "invalid endpoint settings:" without the create prefix', () => {
    const l = lab(on1('docker network create app', 'docker run -d --name web --network app nginx', 'docker network connect --ip 172.17.0.9 bridge web'))
    expect(errorOf(l, 2)).toBe('Error response from daemon: invalid endpoint settings:\nuser-specified IP address is supported on user-defined networks only')
  })

  it.each([
    ['docker run -d --network nope nginx', 'network nope not found'],
    ['docker network rm nope', 'Error response from daemon: network nope not found'],
    ['docker stop ghost', 'Error response from daemon: No such container: ghost'],
    ['docker run -d --ip 172.17.0.50 nginx', 'user-specified IP address is supported on user-defined networks only'],
    ['docker run -d --network-alias x nginx', 'network-scoped aliases are only supported for user-defined networks'],
    ['docker network create -d overlay ov', 'This node is not a swarm manager. Use "docker swarm init"'],
    ['docker network rm bridge', 'bridge is a pre-defined network and cannot be removed'],
    ['docker run --foo nginx', "unknown flag: --foo\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun 'docker run --help' for more information"],
    ['docker run -d --name a nginx', 'Invalid container name (a), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed'],
    ['docker run -dz nginx', "unknown shorthand flag: 'z' in -dz"],
    ['docker run -d ngnix', "pull access denied for ngnix, repository does not exist or may require 'docker login'"],
    ['docker run -d --network none --network bridge nginx', 'container cannot be connected to multiple networks with one of the networks in private (none) mode'],
    ['docker service create nginx', 'This node is not a swarm manager'],
    ['docker netwrk ls', "docker: 'netwrk' is not a docker command."],
  ])('%s', (line, message) => {
    expect(errorOf(lab(on1(line)), 0)).toContain(message)
  })

  it('network rm with active endpoints names the endpoint (v28.1+)', () => {
    const l = lab(on1('docker network create app', 'docker run -d --name web --network app nginx', 'docker network rm app'))
    expect(errorOf(l, 2)).toMatch(/error while removing network: network app has active endpoints \(name:"web" id:"[0-9a-f]{12}"\)/)
  })

  it('pool overlaps, gateway outside the subnet, duplicate names', () => {
    const l = lab(on1('docker network create --subnet 10.10.0.0/16 a', 'docker network create --subnet 10.10.5.0/24 b', 'docker network create --subnet 10.11.0.0/16 --gateway 10.12.0.1 c', 'docker network create a'))
    expect(errorOf(l, 1)).toContain('Pool overlaps with other one on this address space')
    expect(errorOf(l, 2)).toContain('invalid gateway 10.12.0.1: parent subnet 10.11.0.0/16 doesn\'t contain this address')
    expect(errorOf(l, 3)).toContain('network with name a already exists')
  })

  it('warns that published ports are discarded in host mode', () => {
    const l = lab(on1('docker run -d --network host -p 8080:80 nginx'))
    expect(l.results[0]).toMatchObject({ ok: true, warnings: ['WARNING: Published ports are discarded when using host network mode'] })
  })

  it('refuses -p with container: and a non running target', () => {
    const l = lab(on1('docker run -d --name web nginx', 'docker run -d --network container:web -p 80:80 alpine sleep 1d', 'docker create --name idle alpine sleep 1d', 'docker run -d --network container:idle alpine sleep 1d'))
    expect(errorOf(l, 1)).toContain('conflicting options: port publishing and the container type network mode')
    expect(errorOf(l, 3)).toContain('cannot join network namespace of a non running container: container idle is created')
  })

  it('commands on a host without docker, and unknown programs', () => {
    const l = lab([['laptop', 'docker ps'], ['host1', 'kubectl get pods']])
    expect(errorOf(l, 0)).toBe('bash: docker: command not found')
    expect(errorOf(l, 1)).toContain('the simulator runs docker, iptables, ufw and ip commands')
  })
})

describe('IPAM', () => {
  it('hands out the default pools in order and the lowest free address', () => {
    const l = lab(on1('docker network create n1', 'docker network create n2', 'docker run -d --name aa --network n1 nginx', 'docker run -d --name bb --network n1 nginx', 'docker rm -f aa', 'docker run -d --name cc --network n1 nginx', 'docker run -d --name dd --network n2 nginx'))
    expect(l.probe('host1', 'curl http://172.18.0.2').answeredBy?.container).toBe('cc')
    expect(l.probe('host1', 'curl http://172.19.0.2').answeredBy?.container).toBe('dd')
  })

  it('reuses the lowest free subnet after network rm (v27+)', () => {
    const l = lab(on1('docker network create a', 'docker network create b', 'docker network rm b', 'docker network create c', 'docker run -d --name ww --network c nginx'))
    expect(l.probe('host1', 'curl http://172.19.0.2').answeredBy?.container).toBe('ww')
  })

  it('skips pools that overlap the host LAN', () => {
    const base = { lans: [{ name: 'l', subnet: '172.18.0.0/16' }], hosts: [{ name: 'h', docker: true, nics: [{ name: 'eth0', lan: 'l', ip: '172.18.0.10' }] }] }
    const l = lab([['h', 'docker network create a'], ['h', 'docker run -d --name ww --network a nginx']], base)
    expect(l.probe('h', 'curl http://172.19.0.2').answeredBy?.container).toBe('ww')
  })

  it('honours --ip-range, --aux-address and --ip (v29.0.4+ accepts --ip inside an automatic subnet)', () => {
    const l = lab(
      on1(
        'docker network create --subnet 10.20.0.0/24 --ip-range 10.20.0.128/25 --aux-address r=10.20.0.128 n',
        'docker run -d --name aa --network n nginx',
        'docker network create auto',
        'docker run -d --name bb --network auto --ip 172.18.0.50 nginx',
        'docker run -d --name cc --network n --ip 10.20.0.129 nginx',
      ),
    )
    expect(l.probe('host1', 'curl http://10.20.0.129').answeredBy?.container).toBe('aa')
    expect(l.probe('host1', 'curl http://172.18.0.50').answeredBy?.container).toBe('bb')
    expect(errorOf(l, 4)).toContain('Address already in use')
  })

  it('is deterministic: the same steps give the same ids', () => {
    const a = lab(on1('docker run -d nginx', 'docker network create x'))
    const b = lab(on1('docker run -d nginx', 'docker network create x'))
    expect(a.results).toEqual(b.results)
    expect(a.results[0]).toMatchObject({ ok: true, output: expect.stringMatching(/^[0-9a-f]{64}$/) })
  })
})
