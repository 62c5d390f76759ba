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

describe('docker service update', () => {
  it('--publish-add publishes through the routing mesh on every node, keeping the service name and ID', () => {
    const l = lab([...SWARM, ['host1', 'docker service create --name web --replicas 1 nginx'], ['host1', 'docker service update --publish-add published=8080,target=80 web']])
    expect(l.results.map((r) => r.ok)).toEqual([true, true, true, true, true])
    expect(l.results[4]).toMatchObject({ ok: true, output: 'web' })
    for (const addr of ['10.77.0.10', '10.77.0.11']) {
      const r = l.probe('host2', `curl http://${addr}:8080`)
      expect(r.outcome, addr).toBe('delivered')
      expect(r.answeredBy?.container).toBe('web.1')
    }
    const before = lab([...SWARM, ['host1', 'docker service create --name web --replicas 1 nginx']])
    expect(l.world.swarm?.services.get('web')?.id).toBe(before.world.swarm?.services.get('web')?.id)
    expect(l.world.swarm?.services.get('web')?.tasks).toHaveLength(1)
  })

  it('--replicas changes the task count; a missing service, a worker, or replicas on a global service are refused', () => {
    const l = lab([
      ...SWARM,
      ['host1', 'docker service create --name web nginx'],
      ['host1', 'docker service update -d --replicas 2 web'],
      ['host1', 'docker service update --replicas 2 nosuch'],
      ['host2', 'docker service update --replicas 3 web'],
      ['host1', 'docker service create --name mon --mode global alpine sleep 1d'],
      ['host1', 'docker service update --replicas 1 mon'],
      ['host1', 'docker service update --bogus web'],
    ])
    expect(l.world.swarm?.services.get('web')?.tasks).toHaveLength(2)
    expect(l.results[5]).toMatchObject({ ok: false, error: expect.stringContaining('service nosuch not found') })
    expect(l.results[6]).toMatchObject({ ok: false, error: expect.stringContaining('not a swarm manager') })
    expect(l.results[8]).toMatchObject({ ok: false, error: expect.stringContaining('replicas can only be used with replicated mode') })
    expect(l.results[9]).toMatchObject({ ok: false, error: expect.stringContaining('--bogus') })
  })
})
