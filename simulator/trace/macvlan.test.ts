import { describe, expect, it } from 'vitest'
import { lab } from '../testing'

const NET = 'docker network create -d macvlan --subnet 10.77.0.0/24 --gateway 10.77.0.1 --ip-range 10.77.0.192/27 -o parent=eth0 lan'

describe('macvlan', () => {
  const l = lab([
    ['host1', NET],
    ['host2', NET.replace('192/27', '224/27')],
    ['host1', 'docker run -d --name web --network lan --ip 10.77.0.200 nginx'],
    // nginx has curl, so api can be a client too (httpd has none).
    ['host2', 'docker run -d --name api --network lan nginx'],
  ])

  it('puts containers on the LAN with their own MAC: the laptop reaches them', () => {
    const r = l.probe('laptop', 'curl http://10.77.0.200')
    expect(r.answeredBy).toEqual({ host: 'host1', container: 'web', port: 80 })
    expect(r.trace.some((h) => h.note.includes('macvlan'))).toBe(true)
  })

  it('classic mistake: the host cannot reach its own macvlan container', () => {
    const r = l.probe('host1', 'curl http://10.77.0.200')
    expect(r.outcome).toBe('unreachable')
    expect(r.explanation).toContain('own macvlan')
    expect(l.probe('host1', 'docker exec web curl http://10.77.0.10').outcome).toBe('unreachable')
  })

  it('other hosts and their macvlan containers can', () => {
    expect(l.probe('host2', 'curl http://10.77.0.200').outcome).toBe('delivered')
    expect(l.probe('host2', 'docker exec api curl http://10.77.0.200').answeredBy).toEqual({ host: 'host1', container: 'web', port: 80 })
    expect(l.probe('host1', 'docker exec web curl http://10.77.0.224').answeredBy).toEqual({ host: 'host2', container: 'api', port: 80 })
  })

  it('creates an 802.1Q sub-interface for parent eth0.50 and validates parents', () => {
    const v = lab([
      ['host1', 'docker network create -d macvlan --subnet 192.168.50.0/24 --gateway 192.168.50.1 -o parent=eth0.50 vlan50'],
      ['host1', 'docker network create -d macvlan -o parent=eth9 bad1'],
      ['host1', 'docker network create -d macvlan -o parent=eth5.50 bad2'],
      ['host1', 'docker network create -d macvlan -o parent=eth0.5000 bad3'],
      ['host1', 'docker network create -d macvlan -o parent=lo bad4'],
    ])
    expect(v.results[0]?.ok).toBe(true)
    expect(v.world.hosts.get('host1')?.nics.map((n) => n.name)).toEqual(['eth0', 'eth0.50'])
    expect(v.results.slice(1).map((r) => (r.ok ? '' : r.error))).toEqual([
      'Error response from daemon: invalid subinterface vlan name eth9, example formatting is eth0.10',
      'Error response from daemon: -o parent interface was not found on the host: eth5',
      'Error response from daemon: vlan id must be between 1-4094, received: 5000',
      'Error response from daemon: loopback interface is not a valid macvlan parent link',
    ])
  })

  it('the host reaches its macvlan containers through a macvlan shim interface', () => {
    const shim = lab([
      ['host1', NET],
      ['host1', 'docker run -d --name web --network lan --ip 10.77.0.200 nginx'],
      ['host1', 'ip link add mac0 link eth0 type macvlan mode bridge'],
      ['host1', 'ip addr add 10.77.0.223/32 dev mac0'],
      ['host1', 'ip link set mac0 up'],
      ['host1', 'ip route add 10.77.0.192/27 dev mac0'],
      // nginx has no ping: an alpine helper in web's namespace pings for it.
      ['host1', 'docker run -d --name shell --network container:web alpine sleep 1d'],
      ['host1', 'ip link add mac1 link eth9 type macvlan mode bridge'],
    ])
    expect(shim.results.map((r) => r.ok)).toEqual([true, true, true, true, true, true, true, false])
    const r = shim.probe('host1', 'curl http://10.77.0.200')
    expect(r.answeredBy).toEqual({ host: 'host1', container: 'web', port: 80 })
    expect(r.trace[0]?.packet.src).toBe('10.77.0.223')
    expect(shim.probe('host1', 'docker exec shell ping -c 1 10.77.0.223').outcome).toBe('delivered')
    expect(shim.probe('host1', 'docker exec web curl http://10.77.0.10').outcome).toBe('unreachable')
  })

  describe('the shim link as the kernel keeps it', () => {
    const START: [string, string][] = [
      ['host1', NET],
      ['host1', 'docker run -d --name web --network lan --ip 10.77.0.200 nginx'],
    ]
    const shim = (...lines: string[]) => lab([...START, ...lines.map((l) => ['host1', l] as [string, string])])

    it('a new link is down: a route through it fails as iproute2 says, and it answers nothing', () => {
      const l = shim('ip link add mac0 link eth0 type macvlan mode bridge', 'ip addr add 10.77.0.223/32 dev mac0', 'ip route add 10.77.0.192/27 dev mac0')
      expect(l.results[4]).toEqual({ ok: false, error: 'Error: Device for nexthop is not up.' })
      expect(l.probe('laptop', 'ping -c 1 10.77.0.223').outcome).toBe('unreachable')
      expect(l.probe('host1', 'curl http://10.77.0.200').outcome).toBe('unreachable')
    })

    it('taking the shim down flushes its route; bringing it up again does not restore it', () => {
      const l = shim('ip link add mac0 link eth0 type macvlan mode bridge', 'ip addr add 10.77.0.223/32 dev mac0', 'ip link set mac0 up', 'ip route add 10.77.0.192/27 dev mac0', 'ip link set mac0 down', 'ip link set mac0 up', 'ip route')
      expect(l.probe('host1', 'curl http://10.77.0.200').outcome).toBe('unreachable')
      expect(l.results[8]).toMatchObject({ ok: true, output: expect.not.stringContaining('10.77.0.192/27') })
    })

    it('takes iproute2 keywords in any order it accepts, with its abbreviations', () => {
      const l = shim('ip link add name mac0 link eth0 type macvlan mode bridge', 'ip a add dev mac0 10.77.0.223/32', 'ip l s dev mac0 up', 'ip r a 10.77.0.192/27 dev mac0', 'ip a', 'ip address show dev mac0')
      expect(l.results.slice(2).map((r) => r.ok)).toEqual([true, true, true, true, true, true])
      expect(l.probe('host1', 'curl http://10.77.0.200').answeredBy).toEqual({ host: 'host1', container: 'web', port: 80 })
      expect(l.results[6]).toMatchObject({ ok: true, output: expect.stringContaining('inet 10.77.0.223/32 scope global mac0') })
      expect(l.results[7]).toMatchObject({ ok: true, output: expect.stringMatching(/^3: mac0@eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default qlen 1000\n    link\/ether /) })
    })

    it('ip route add refuses a prefix that is already routed; ip route replace adds it or takes its place', () => {
      const up = ['ip link add mac0 link eth0 type macvlan mode bridge', 'ip addr add 10.77.0.223/32 dev mac0', 'ip link set mac0 up']
      const twice = shim(...up, 'ip route add 10.77.0.192/27 dev mac0', 'ip route add 10.77.0.192/27 dev mac0')
      expect(twice.results[6]).toEqual({ ok: false, error: 'RTNETLINK answers: File exists' })
      const replaced = shim(...up, 'ip route replace 10.77.0.192/27 dev mac0 scope link', 'ip route replace 10.77.0.192/27 dev mac0', 'ip r r 10.77.0.192/27 dev mac0')
      expect(replaced.results.slice(5).map((r) => r.ok)).toEqual([true, true, true])
      expect(replaced.probe('host1', 'curl http://10.77.0.200').answeredBy).toEqual({ host: 'host1', container: 'web', port: 80 })
    })

    it('a macvlan link made without "mode" is in vepa mode and cannot talk to containers on the same parent', () => {
      const l = shim('ip link add mac0 link eth0 type macvlan', 'ip addr add 10.77.0.223/32 dev mac0', 'ip link set mac0 up', 'ip route add 10.77.0.192/27 dev mac0')
      expect(l.results.slice(2).map((r) => r.ok)).toEqual([true, true, true, true])
      const r = l.probe('host1', 'curl http://10.77.0.200')
      expect(r.outcome).toBe('unreachable')
      expect(r.explanation).toContain('vepa')
      // the LAN still reaches the shim
      expect(l.probe('laptop', 'ping -c 1 10.77.0.223').outcome).toBe('delivered')
    })

    it('a down physical NIC neither sends nor answers', () => {
      const l = shim('ip link set eth0 down')
      expect(l.probe('laptop', 'ping -c 1 10.77.0.10').outcome).toBe('unreachable')
      expect(l.probe('host1', 'ping -c 1 10.77.0.50').outcome).toBe('unreachable')
    })
  })

  it('ignores -p: macvlan has no port mapping', () => {
    const p = lab([['host1', NET], ['host1', 'docker run -d --name w --network lan -p 8080:80 nginx']])
    expect(p.probe('laptop', 'curl http://10.77.0.10:8080').outcome).toBe('refused')
  })
})

describe('ipvlan', () => {
  const NET = 'docker network create -d ipvlan --subnet 10.77.0.0/24 --gateway 10.77.0.1 --ip-range 10.77.0.160/27 -o parent=eth0 ipv'
  const l = lab([
    ['host1', NET],
    ['host1', 'docker run -d --name api --network ipv --ip 10.77.0.170 nginx'],
    ['host1', 'docker network create -d ipvlan --subnet 10.78.0.0/24 -o parent=eth0 ipv2'],
  ])

  it('shares the parent MAC (l2 mode) and is reachable from the LAN, not from its own host', () => {
    const r = l.probe('laptop', 'curl http://10.77.0.170')
    expect(r.answeredBy).toEqual({ host: 'host1', container: 'api', port: 80 })
    const parentMac = l.world.hosts.get('host1')?.nics[0]?.mac
    expect(r.trace.find((h) => h.stage === 'network-plugin')?.packet.dstMac).toBe(parentMac)
    expect(l.probe('host1', 'curl http://10.77.0.170').outcome).toBe('unreachable')
  })

  it('allows one ipvlan network per parent', () => {
    expect(l.results[2]).toMatchObject({ ok: false, error: expect.stringMatching(/network [0-9a-f]{12} is already using parent interface eth0/) })
  })
})
