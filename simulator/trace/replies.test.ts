import { describe, expect, it } from 'vitest'
import { lab, on1 } from '../testing'

// Reviewers' report (issue 3 follow-up): rules used to be checked on the request only, so a DROP that matches the
// answer (DOCKER-USER -d CLIENT, INPUT -s SERVER, --sport 4789) let the probe through. Replies are ESTABLISHED.
describe('replies cross the firewall too', () => {
  it('INPUT on the host that opened the connection sees the answer', () => {
    const r = lab(on1('iptables -I INPUT -s 10.77.0.50 -j DROP')).probe('host1', 'curl http://10.77.0.50:8000')
    expect(r.outcome).toBe('timeout')
    expect(r.answeredBy).toBeNull()
    expect(r.explanation).toContain('laptop answered, but INPUT rule 1 "iptables -I INPUT -s 10.77.0.50 -j DROP" on host1 drops the reply (10.77.0.50 -> 10.77.0.10)')
    expect(r.trace.at(-1)).toMatchObject({ stage: 'os', at: 'host1:INPUT', packet: { src: '10.77.0.50', dst: '10.77.0.10', sport: 8000, dport: 49152 } })
  })

  it('a rule for new connections only, or an ESTABLISHED accept before it, lets the answer in', () => {
    expect(lab(on1('iptables -I INPUT -s 10.77.0.50 -m conntrack --ctstate NEW -j DROP')).probe('host1', 'curl http://10.77.0.50:8000').outcome).toBe('delivered')
    const l = lab(on1('iptables -I INPUT -s 10.77.0.50 -j DROP', 'iptables -I INPUT -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT'))
    expect(l.probe('host1', 'curl http://10.77.0.50:8000').answeredBy).toEqual({ host: 'laptop', container: null, port: 8000 })
  })

  it('the echo reply of a ping is filtered as well', () => {
    expect(lab(on1('iptables -I INPUT -p icmp -j DROP')).probe('host1', 'ping -c 1 10.77.0.50').outcome).toBe('timeout')
  })

  it('DOCKER-USER sees the reply of a published port (the answer goes to the client address)', () => {
    const l = lab(on1('docker run -d --name web -p 8080:80 nginx', 'iptables -I DOCKER-USER -d 10.77.0.50 -j DROP'))
    const r = l.probe('laptop', 'curl http://10.77.0.10:8080')
    expect(r.outcome).toBe('timeout')
    expect(r.explanation).toContain('web answered, but DOCKER-USER rule 1 "iptables -I DOCKER-USER -d 10.77.0.50 -j DROP" on host1 drops the reply (172.17.0.2 -> 10.77.0.50)')
    expect(r.trace.at(-1)?.packet).toMatchObject({ src: '172.17.0.2', sport: 80, dst: '10.77.0.50', dport: 49152 })
  })

  it('a FORWARD ACCEPT inserted before DOCKER-USER lets the reply pass', () => {
    const l = lab(on1('docker run -d --name web -p 8080:80 nginx', 'iptables -I DOCKER-USER -d 10.77.0.50 -j DROP', 'iptables -I FORWARD -s 172.17.0.0/16 -j ACCEPT'))
    expect(l.probe('laptop', 'curl http://10.77.0.10:8080').outcome).toBe('delivered')
  })

  it('the answer to docker-proxy arrives on docker0 through INPUT', () => {
    const l = lab(on1('docker run -d --name web -p 127.0.0.1:8080:80 nginx', 'iptables -I INPUT -i docker0 -j DROP'))
    const r = l.probe('host1', 'curl http://127.0.0.1:8080')
    expect(r.outcome).toBe('timeout')
    expect(r.explanation).toContain('INPUT rule 1 "iptables -I INPUT -i docker0 -j DROP" on host1 drops the reply (172.17.0.2 -> 172.17.0.1)')
  })

  it('a container reaching the LAN: the answer crosses FORWARD back towards the bridge', () => {
    const l = lab(on1('docker run -d --name cli alpine sleep infinity', 'iptables -I FORWARD -i eth0 -o docker0 -j REJECT'))
    const r = l.probe('host1', 'docker exec cli wget -qO- http://10.77.0.50:8000')
    expect(r.outcome).toBe('timeout')
    expect(r.explanation).toContain('rejects the reply (10.77.0.50 -> 172.17.0.2)')
  })

  it('overlay: --sport 4789 on the requesting node drops the VXLAN reply', () => {
    const l = lab([
      ['host1', 'docker swarm init'],
      ['host2', 'docker swarm join --token SWMTKN-1-WORKER 10.77.0.10:2377'],
      ['host1', 'docker network create -d overlay --attachable ov'],
      ['host1', 'docker run -d --name web --network ov nginx'],
      ['host2', 'docker run -d --name cli --network ov alpine sleep 1d'],
      ['host2', 'iptables -I INPUT -p udp --sport 4789 -j DROP'],
    ])
    const r = l.probe('host2', 'docker exec cli wget -qO- http://web')
    expect(r.outcome).toBe('timeout')
    expect(r.explanation).toContain('INPUT rule 1 "iptables -I INPUT -p udp --sport 4789 -j DROP" on host2 drops the reply (10.77.0.10 -> 10.77.0.11)')
  })

  it('a UDP datagram needs no answer, so a rule on the way back changes nothing', () => {
    const l = lab(on1('docker run -d --name dns -p 1053:53/udp coredns/coredns', 'iptables -I DOCKER-USER -d 10.77.0.50 -j DROP'))
    expect(l.probe('laptop', 'nc -u -z 10.77.0.10 1053').outcome).toBe('delivered')
  })

  it('rules that match only the request keep their old effect', () => {
    const l = lab(on1('docker run -d --name web -p 8080:80 nginx', 'iptables -I DOCKER-USER -s 10.77.0.50 -j DROP'))
    const r = l.probe('laptop', 'curl http://10.77.0.10:8080')
    expect(r.outcome).toBe('timeout')
    expect(r.trace.some((h) => h.note.includes('reply'))).toBe(false)
  })
})

describe('iptables --sport', () => {
  it('needs -p tcp or -p udp, like --dport', () => {
    const l = lab(on1('iptables -I INPUT --sport 4789 -j DROP', 'iptables -I INPUT -p udp --source-port 4789 -j DROP', 'iptables -D INPUT -p udp --sport 4789 -j DROP'))
    expect(l.results[0]).toMatchObject({ ok: false, error: expect.stringContaining('add -p tcp or -p udp before --sport') })
    expect(l.results.slice(1).map((r) => r.ok)).toEqual([true, true])
  })
})

describe('OUTPUT: what the host itself sends', () => {
  it('drops the host\'s own TCP connection (the SYN is retried until curl gives up)', () => {
    const r = lab(on1('iptables -I OUTPUT -d 10.77.0.50 -j DROP')).probe('host1', 'curl http://10.77.0.50:8000')
    expect(r.outcome).toBe('timeout')
    expect(r.trace.at(-1)).toMatchObject({ at: 'host1:OUTPUT', note: 'OUTPUT rule 1: DROP (iptables -I OUTPUT -d 10.77.0.50 -j DROP)' })
  })

  it('a dropped ping fails at once with "Operation not permitted"', () => {
    const r = lab(on1('iptables -I OUTPUT -p icmp -j DROP')).probe('host1', 'ping -c 1 10.77.0.50')
    expect(r.outcome).toBe('error')
    expect(r.explanation).toContain('sendto: Operation not permitted')
  })

  it('the answer of a host service leaves through OUTPUT', () => {
    const base = { lans: [{ name: 'l', subnet: '10.0.9.0/24' }], hosts: [{ name: 'srv', docker: true, nics: [{ name: 'eth0', lan: 'l', ip: '10.0.9.2' }], services: [{ port: 8000 }] }, { name: 'cl', nics: [{ name: 'eth0', lan: 'l', ip: '10.0.9.3' }] }] }
    const l = lab([['srv', 'iptables -I OUTPUT -p tcp --sport 8000 -j DROP']], base)
    const r = l.probe('cl', 'curl http://10.0.9.2:8000')
    expect(r.outcome).toBe('timeout')
    expect(r.explanation).toContain('OUTPUT rule 1 "iptables -I OUTPUT -p tcp --sport 8000 -j DROP" on srv drops the reply (10.0.9.2 -> 10.0.9.3)')
  })

  it('the kernel\'s echo reply leaves through OUTPUT as well, and NEW-only rules leave it alone', () => {
    expect(lab(on1('iptables -I OUTPUT -p icmp -j DROP')).probe('laptop', 'ping -c 1 10.77.0.10').outcome).toBe('timeout')
    expect(lab(on1('iptables -I OUTPUT -p icmp -m conntrack --ctstate NEW -j DROP')).probe('laptop', 'ping -c 1 10.77.0.10').outcome).toBe('delivered')
  })

  it('published ports answered by a container never touch OUTPUT', () => {
    const l = lab(on1('docker run -d --name web -p 8080:80 nginx', 'iptables -I OUTPUT -j DROP'))
    expect(l.probe('laptop', 'curl http://10.77.0.10:8080').outcome).toBe('delivered')
  })

  it('VXLAN: OUTPUT on the sending node stops the overlay, and on the answering node its reply', () => {
    const swarm: (readonly [string, string])[] = [
      ['host1', 'docker swarm init'],
      ['host2', 'docker swarm join --token SWMTKN-1-WORKER 10.77.0.10:2377'],
      ['host1', 'docker network create -d overlay --attachable ov'],
      ['host1', 'docker run -d --name web --network ov nginx'],
      ['host2', 'docker run -d --name cli --network ov alpine sleep 1d'],
    ]
    const sending = lab([...swarm, ['host2', 'iptables -I OUTPUT -p udp --dport 4789 -j DROP']]).probe('host2', 'docker exec cli wget -qO- http://web')
    expect(sending.outcome).toBe('timeout')
    expect(sending.explanation).toContain('an OUTPUT rule on host2 drops it before it leaves')
    const answering = lab([...swarm, ['host1', 'iptables -I OUTPUT -p udp -d 10.77.0.11 -j DROP']]).probe('host2', 'docker exec cli wget -qO- http://web')
    expect(answering.outcome).toBe('timeout')
    expect(answering.explanation).toContain('on host1 drops the reply (10.77.0.10 -> 10.77.0.11)')
  })
})
