import { describe, expect, it } from 'vitest'
import { lab, on1 } from '../testing'

const WEB = 'docker run -d --name web -p 8080:80 nginx'

// The office LAN with two clients, for allow-list rules.
const TWO_CLIENTS = {
  lans: [{ name: 'office', subnet: '10.77.0.0/24', gateway: '10.77.0.1' }],
  hosts: [
    { name: 'host1', docker: true, nics: [{ name: 'eth0', lan: 'office', ip: '10.77.0.10' }] },
    { name: 'laptop', docker: false, nics: [{ name: 'eth0', lan: 'office', ip: '10.77.0.50' }] },
    { name: 'phone', docker: false, nics: [{ name: 'eth0', lan: 'office', ip: '10.77.0.51' }] },
  ],
}

describe('iptables rules learners add', () => {
  it('classic mistake: an INPUT rule does not protect a published port', () => {
    const l = lab(on1(WEB, 'iptables -I INPUT -p tcp --dport 8080 -j DROP'))
    expect(l.probe('laptop', 'curl http://10.77.0.10:8080').outcome).toBe('delivered')
    // but host-local traffic reaches docker-proxy through INPUT on lo
    expect(l.probe('host1', 'curl http://127.0.0.1:8080').outcome).toBe('timeout')
  })

  it('ufw deny behaves like an INPUT rule', () => {
    const l = lab(on1(WEB, 'ufw deny 8080'))
    expect(l.probe('laptop', 'curl http://10.77.0.10:8080').outcome).toBe('delivered')
  })

  it('DOCKER-USER sees the DNATed packet and can drop it', () => {
    const l = lab(on1(WEB, 'iptables -I DOCKER-USER -s 10.77.0.50 -j DROP'))
    const r = l.probe('laptop', 'curl http://10.77.0.10:8080')
    expect(r.outcome).toBe('timeout')
    expect(r.explanation).toContain('DOCKER-USER')
    // the host itself never passes DOCKER-USER
    expect(l.probe('host1', 'curl http://10.77.0.10:8080').outcome).toBe('delivered')
  })

  it('v28.2.2+: -A DOCKER-USER takes effect too', () => {
    expect(lab(on1(WEB, 'iptables -A DOCKER-USER -s 10.77.0.50 -j DROP')).probe('laptop', 'curl http://10.77.0.10:8080').outcome).toBe('timeout')
  })

  it('matches the original port with conntrack --ctorigdstport', () => {
    const l = lab(on1(WEB, 'iptables -I DOCKER-USER -p tcp -m conntrack --ctorigdstport 8080 -j REJECT'))
    expect(l.probe('laptop', 'curl http://10.77.0.10:8080').outcome).toBe('refused')
  })

  it('an ESTABLISHED,RELATED accept does not match a new connection, so a DROP after it still applies', () => {
    const l = lab(on1(WEB, 'iptables -I DOCKER-USER -s 10.77.0.50 -j DROP', 'iptables -I DOCKER-USER -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT'))
    expect(l.probe('laptop', 'curl http://10.77.0.10:8080').outcome).toBe('timeout')
    // a NEW state match does apply to the first packet
    expect(lab(on1(WEB, 'iptables -I DOCKER-USER -m state --state NEW -s 10.77.0.50 -j REJECT')).probe('laptop', 'curl http://10.77.0.10:8080').outcome).toBe('refused')
  })

  it('"!" inverts a match: DOCKER-USER drops every source but the allowed one (the Docker docs\' allow-list rule)', () => {
    const l = lab(on1(WEB, 'iptables -I DOCKER-USER -i eth0 ! -s 10.77.0.50 -j DROP'), TWO_CLIENTS)
    expect(l.probe('laptop', 'curl http://10.77.0.10:8080').outcome).toBe('delivered')
    expect(l.probe('phone', 'curl http://10.77.0.10:8080').outcome).toBe('timeout')
    // deleting needs the same inverted match
    const d = lab(on1(WEB, 'iptables -I DOCKER-USER -i eth0 ! -s 10.77.0.50 -j DROP', 'iptables -D DOCKER-USER -i eth0 ! -s 10.77.0.50 -j DROP'), TWO_CLIENTS)
    expect(d.results[2]).toMatchObject({ ok: true })
    expect(d.probe('phone', 'curl http://10.77.0.10:8080').outcome).toBe('delivered')
  })

  it('"!" before an option the simulator cannot invert is a clear error', () => {
    const l = lab(on1(WEB, 'iptables -I DOCKER-USER ! -p tcp -j DROP'))
    expect(l.results[1]).toMatchObject({ ok: false, error: expect.stringContaining('"!" only before -i, -o, -s or -d') })
  })

  it('an unknown conntrack state is an iptables error, not a silently ignored match', () => {
    const l = lab(on1(WEB, 'iptables -I DOCKER-USER -m conntrack --ctstate BOGUS -j ACCEPT'))
    expect(l.results[1]).toMatchObject({ ok: false, error: expect.stringContaining('Bad ctstate "BOGUS"') })
  })

  it('a DOCKER-USER rule on the published port number misses (it sees the container port)', () => {
    const l = lab(on1(WEB, 'iptables -I DOCKER-USER -p tcp --dport 8080 -j DROP'))
    expect(l.probe('laptop', 'curl http://10.77.0.10:8080').outcome).toBe('delivered')
  })

  it('REJECT gives refused, DROP gives timeout, on a host service', () => {
    const base = { ...(lab([]).world && {}) }
    expect(base).toEqual({})
    const hosts = {
      lans: [{ name: 'office', subnet: '10.77.0.0/24' }],
      hosts: [
        { name: 'srv', docker: false, nics: [{ name: 'eth0', lan: 'office', ip: '10.77.0.20' }], services: [{ port: 22 }, { port: 80 }] },
        { name: 'pc', docker: false, nics: [{ name: 'eth0', lan: 'office', ip: '10.77.0.21' }] },
      ],
    }
    const l = lab([['srv', 'iptables -A INPUT -p tcp --dport 22 -j REJECT'], ['srv', 'iptables -A INPUT -p tcp --dport 80 -j DROP']], hosts)
    expect(l.probe('pc', 'curl http://10.77.0.20:22').outcome).toBe('refused')
    expect(l.probe('pc', 'curl http://10.77.0.20:80').outcome).toBe('timeout')
    expect(l.probe('pc', 'ping -c 1 8.8.8.8').outcome).toBe('unreachable')
  })

  it('-I FORWARD applies to container traffic, -D removes the rule', () => {
    const l = lab(on1(WEB, 'iptables -I FORWARD -p tcp --dport 80 -j DROP'))
    expect(l.probe('laptop', 'curl http://10.77.0.10:8080').outcome).toBe('timeout')
    const undone = lab(on1(WEB, 'iptables -I FORWARD -p tcp --dport 80 -j DROP', 'iptables -D FORWARD -p tcp --dport 80 -j DROP'))
    expect(undone.probe('laptop', 'curl http://10.77.0.10:8080').outcome).toBe('delivered')
  })

  it('rejects rules the simulator does not model with a clear error', () => {
    const l = lab(on1('iptables -I DOCKER -j DROP', 'iptables -I INPUT --dport 80 -j DROP', 'iptables -t nat -I PREROUTING -j DROP'))
    expect(l.results.map((r) => r.ok)).toEqual([false, false, false])
    expect(l.results[0]).toMatchObject({ ok: false, error: expect.stringContaining('the simulator supports INPUT, FORWARD, OUTPUT and DOCKER-USER, got "DOCKER"') })
    expect(l.results[1]).toMatchObject({ ok: false, error: expect.stringContaining('-p tcp') })
  })
})

describe('conntrack original destination behind a router', () => {
  // The router forwards its public port 80 to host1:8080; its DNAT is in the router's conntrack, not host1's.
  const ROUTED = {
    lans: [{ name: 'office', subnet: '10.77.0.0/24', gateway: '10.77.0.1' }],
    hosts: [{ name: 'host1', docker: true, nics: [{ name: 'eth0', lan: 'office', ip: '10.77.0.10' }] }],
    routers: [{ name: 'router', lan: 'office', ip: '10.77.0.1', publicIp: '203.0.113.5', forwards: [{ port: 80, to: '10.77.0.10', toPort: 8080 }] }],
    internet: [{ name: 'phone', ip: '198.51.100.7' }],
  }
  const probe = (rule: string) => lab(on1(WEB, rule), ROUTED).probe('phone', 'curl http://203.0.113.5/')

  it('--ctorigdst/--ctorigdstport see the address and port the Docker host received', () => {
    expect(probe('iptables -I DOCKER-USER -m conntrack --ctorigdst 10.77.0.10 --ctorigdstport 8080 -j DROP').outcome).toBe('timeout')
    expect(probe('iptables -I DOCKER-USER -p tcp -m conntrack --ctorigdstport 8080 -j REJECT').outcome).toBe('refused')
  })

  it("the router's public address and port never reach the host's conntrack", () => {
    expect(probe('iptables -I DOCKER-USER -m conntrack --ctorigdst 203.0.113.5 -j DROP').outcome).toBe('delivered')
    expect(probe('iptables -I DOCKER-USER -p tcp -m conntrack --ctorigdstport 80 -j DROP').outcome).toBe('delivered')
  })
})

describe('changing rules as iptables does (issue 11)', () => {
  it('-D CHAIN rule-spec deletes the matching rule whatever the option order, else says "Bad rule"', () => {
    const l = lab(on1(WEB, 'iptables -I DOCKER-USER -i eth0 -s 10.77.0.50 -p tcp --dport 80 -j DROP', 'iptables -D DOCKER-USER -p tcp --dport 80 -s 10.77.0.50/32 -i eth0 -j DROP', 'iptables -D DOCKER-USER -s 10.77.0.50 -j DROP'))
    expect(l.results[2]).toMatchObject({ ok: true })
    expect(l.results[3]).toEqual({ ok: false, error: 'iptables: Bad rule (does a matching rule exist in that chain?).' })
    expect(l.probe('laptop', 'curl http://10.77.0.10:8080').outcome).toBe('delivered')
  })

  it('-R CHAIN N rule-spec replaces rule N in place; a number past the end is refused', () => {
    const l = lab(on1(WEB, 'iptables -I DOCKER-USER -s 10.77.0.50 -j DROP', 'iptables -R DOCKER-USER 1 -s 10.77.0.51 -j DROP', 'iptables -R DOCKER-USER 2 -s 10.77.0.52 -j DROP', 'iptables -S DOCKER-USER'), TWO_CLIENTS)
    expect(l.results.slice(1, 4).map((r) => r.ok)).toEqual([true, true, false])
    expect(l.results[3]).toMatchObject({ error: 'iptables: Index of replacement too big.' })
    expect(l.results[4]).toMatchObject({ ok: true, output: expect.stringContaining('-A DOCKER-USER -s 10.77.0.51/32 -j DROP') })
    expect(l.probe('laptop', 'curl http://10.77.0.10:8080').outcome).toBe('delivered')
    expect(l.probe('phone', 'curl http://10.77.0.10:8080').outcome).toBe('timeout')
  })

  it('-w [seconds] (wait for the xtables lock) is accepted anywhere', () => {
    const l = lab(on1(WEB, 'iptables -w -I DOCKER-USER -s 10.77.0.50 -j DROP', 'iptables -I DOCKER-USER -w 5 -s 10.77.0.51 -j DROP', 'iptables -w -L DOCKER-USER -n'), TWO_CLIENTS)
    expect(l.results.map((r) => r.ok)).toEqual([true, true, true, true])
    expect(l.probe('laptop', 'curl http://10.77.0.10:8080').outcome).toBe('timeout')
    expect(l.probe('phone', 'curl http://10.77.0.10:8080').outcome).toBe('timeout')
  })

  it('raw and mangle PREROUTING take learner rules, which every arriving packet meets before the DNAT', () => {
    const raw = lab(on1(WEB, 'iptables -t raw -I PREROUTING -s 10.77.0.50 -j DROP'), TWO_CLIENTS)
    const r = raw.probe('laptop', 'curl http://10.77.0.10:8080')
    expect(r.outcome).toBe('timeout')
    expect(r.explanation).toContain('raw PREROUTING')
    expect(raw.probe('phone', 'curl http://10.77.0.10:8080').outcome).toBe('delivered')
    // the original port: PREROUTING comes before Docker's DNAT
    expect(lab(on1(WEB, 'iptables -t mangle -A PREROUTING -p tcp --dport 8080 -j DROP'), TWO_CLIENTS).probe('phone', 'curl http://10.77.0.10:8080').outcome).toBe('timeout')
    expect(lab(on1(WEB, 'iptables -t mangle -A PREROUTING -p tcp --dport 80 -j DROP'), TWO_CLIENTS).probe('phone', 'curl http://10.77.0.10:8080').outcome).toBe('delivered')
    // container traffic arrives on the bridge and meets PREROUTING too
    const egress = lab(on1(WEB, 'docker run -d --name c1 alpine sleep 1d', 'iptables -I PREROUTING -t raw -i docker0 -d 10.77.0.50 -j DROP'))
    expect(egress.results[2]).toMatchObject({ ok: true })
    expect(egress.probe('host1', 'docker exec c1 ping -c 1 10.77.0.50').outcome).toBe('timeout')
  })

  it('REJECT is refused outside the filter table, and PREROUTING has no -o, as iptables says', () => {
    const l = lab(on1('iptables -t raw -I PREROUTING -s 10.77.0.50 -j REJECT', 'iptables -t raw -I PREROUTING -o eth0 -j DROP', 'iptables -t nat -I PREROUTING -j DROP'))
    expect(l.results[0]).toEqual({ ok: false, error: "iptables: Invalid argument. Run `dmesg' for more information." })
    expect(l.results[1]).toMatchObject({ ok: false, error: expect.stringContaining("Can't use -o with PREROUTING") })
    expect(l.results[2]).toMatchObject({ ok: false, error: expect.stringContaining('not modelled') })
  })
})
