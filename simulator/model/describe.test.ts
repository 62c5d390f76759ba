import { describe, expect, it } from 'vitest'
import { applyCommand, describeWorld, listServices } from './index'
import { lab, on1 } from '../testing'

describe('describeWorld and listServices', () => {
  const l = lab(on1('docker network create app', 'docker run -d --name web --network app -p 8080:80 nginx', 'iptables -I DOCKER-USER -s 10.77.0.50 -j DROP'))

  it('is plain JSON describing hosts, bridges, veths, containers and rules', () => {
    const t = describeWorld(l.world)
    expect(JSON.parse(JSON.stringify(t))).toEqual(t)
    const host1 = t.hosts.find((h) => h.name === 'host1')
    expect(host1?.bridges.map((b) => b.name)).toEqual(['docker0', expect.stringMatching(/^br-[0-9a-f]{12}$/)])
    expect(host1?.containers[0]).toMatchObject({ name: 'web', state: 'running', ports: ['0.0.0.0:8080->80/tcp'], endpoints: [{ network: 'app', ip: '172.18.0.2' }] })
    expect(host1?.veths).toHaveLength(1)
    expect(host1?.rules['DOCKER-USER']).toEqual(['iptables -I DOCKER-USER -s 10.77.0.50 -j DROP'])
  })

  it('lists every listening service with an address to reach it', () => {
    expect(listServices(l.world)).toEqual([
      { host: 'host1', container: 'web', address: '172.18.0.2', port: 80, proto: 'tcp' },
      { host: 'host1', container: 'web', address: '10.77.0.10', port: 8080, proto: 'tcp' },
      { host: 'laptop', container: null, address: '10.77.0.50', port: 8000, proto: 'tcp' },
    ])
  })

  it('never mutates the world it was given', () => {
    const before = JSON.stringify(describeWorld(l.world))
    const after = applyCommand(l.world, 'host1', 'docker rm -f web')
    expect(after.result.ok).toBe(true)
    expect(describeWorld(after.world).hosts[0]?.containers).toEqual([])
    expect(JSON.stringify(describeWorld(l.world))).toBe(before)
  })
})
