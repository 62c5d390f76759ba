import { describe, expect, it } from 'vitest'
import { lab } from '../testing'

const SWARM: (readonly [string, string])[] = [
  ['host1', 'docker swarm init'],
  ['host2', 'docker swarm join --token SWMTKN-1-WORKER 10.77.0.10:2377'],
  ['host1', 'docker network create -d overlay --attachable ov'],
]

describe('overlay networks and swarm', () => {
  const l = lab([...SWARM, ['host1', 'docker run -d --name web --network ov nginx'], ['host2', 'docker run -d --name cli --network ov alpine sleep 1d']])

  it('carries container traffic between hosts in VXLAN on udp/4789', () => {
    expect(l.results.every((r) => r.ok)).toBe(true)
    const r = l.probe('host2', 'docker exec cli wget -qO- http://web')
    expect(r.answeredBy).toEqual({ host: 'host1', container: 'web', port: 80 })
    const encap = r.trace.find((h) => h.packet.encap !== undefined)
    expect(encap?.packet.encap).toEqual({ src: '10.77.0.11', dst: '10.77.0.10', proto: 'udp', dport: 4789, vni: 4097 })
  })

  it('classic mistake: a firewall on 4789/udp breaks the overlay', () => {
    const blocked = lab([...SWARM, ['host1', 'docker run -d --name web --network ov nginx'], ['host2', 'docker run -d --name cli --network ov alpine sleep 1d'], ['host1', 'iptables -I INPUT -p udp --dport 4789 -j DROP']])
    const r = blocked.probe('host2', 'docker exec cli wget -qO- http://web')
    expect(r.outcome).toBe('timeout')
    expect(r.explanation).toContain('4789')
  })

  it('needs a swarm and --attachable', () => {
    const r = lab([
      ['host1', 'docker network create -d overlay ov'],
      ...SWARM,
      ['host1', 'docker network create -d overlay closed'],
      ['host1', 'docker run -d --name xx --network closed alpine sleep 1d'],
      ['host1', 'docker swarm init'],
    ])
    expect(r.results[0]).toMatchObject({ ok: false, error: expect.stringContaining('This node is not a swarm manager') })
    expect(r.results[5]).toMatchObject({ ok: false, error: expect.stringContaining('network closed not manually attachable') })
    expect(r.results[6]).toMatchObject({ ok: false, error: expect.stringContaining('already part of a swarm') })
  })

  it('publishes services on every node through the ingress mesh', () => {
    const s = lab([...SWARM, ['host1', 'docker service create --name web --replicas 1 --constraint node.hostname==host1 --publish published=8080,target=80 nginx']])
    const r = s.probe('laptop', 'curl http://10.77.0.11:8080')
    expect(r.answeredBy).toEqual({ host: 'host1', container: 'web.1', port: 80 })
    expect(r.trace.some((h) => h.note.includes('IPVS'))).toBe(true)
  })

  it('mode=host publishes only where a task runs', () => {
    const s = lab([...SWARM, ['host1', 'docker service create --name web --constraint node.hostname==host2 --publish mode=host,target=80,published=8080 nginx']])
    expect(s.probe('laptop', 'curl http://10.77.0.11:8080').answeredBy).toEqual({ host: 'host2', container: 'web.1', port: 80 })
    expect(s.probe('laptop', 'curl http://10.77.0.10:8080').outcome).toBe('refused')
  })

  it('resolves SERVICE to the VIP and tasks.SERVICE to task addresses', () => {
    const s = lab([...SWARM, ['host1', 'docker service create --name api --replicas 2 --network ov nginx'], ['host1', 'docker run -d --name cli --network ov alpine sleep 1d']])
    expect(s.probe('host1', 'docker exec cli nslookup api').address).toBe('10.0.1.2')
    expect(s.probe('host1', 'docker exec cli nslookup tasks.api').address).toBe('10.0.1.3')
    expect(s.probe('host1', 'docker exec cli wget -qO- http://api').outcome).toBe('delivered')
  })

  it('rejects dnsrr with ingress publishing', () => {
    const s = lab([...SWARM, ['host1', 'docker service create --name xx --endpoint-mode dnsrr -p 8080:80 nginx']])
    expect(s.results[3]).toMatchObject({ ok: false, error: expect.stringContaining("port published with ingress mode can't be used with dnsrr mode") })
  })
})
