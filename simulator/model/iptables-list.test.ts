import { describe, expect, it } from 'vitest'
import { lab, on1 } from '../testing'

function outputOf(l: ReturnType<typeof lab>, i: number): string {
  const r = l.results[i]
  if (r === undefined) throw new Error(`no step ${i}`)
  return r.ok ? r.output : `ERROR ${r.error}`
}

const WEB = 'docker run -d --name web -p 8080:80 nginx'
const BLOCK = 'iptables -I DOCKER-USER -s 192.0.2.66 -j DROP'

describe('iptables -S', () => {
  it('prints the filter table as iptables-save does: policies, chains, then rules with /32 and -m tcp', () => {
    const l = lab(on1(WEB, BLOCK, 'iptables -A FORWARD -i eth0 -p tcp --dport 22 -j REJECT', 'iptables -S'))
    expect(outputOf(l, 3).split('\n')).toEqual([
      '-P INPUT ACCEPT',
      '-P FORWARD DROP',
      '-P OUTPUT ACCEPT',
      '-N DOCKER',
      '-N DOCKER-BRIDGE',
      '-N DOCKER-CT',
      '-N DOCKER-FORWARD',
      '-N DOCKER-INTERNAL',
      '-N DOCKER-USER',
      '-A FORWARD -j DOCKER-USER',
      '-A FORWARD -j DOCKER-FORWARD',
      '-A FORWARD -i eth0 -p tcp -m tcp --dport 22 -j REJECT --reject-with icmp-port-unreachable',
      '-A DOCKER -d 172.17.0.2/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 80 -j ACCEPT',
      '-A DOCKER ! -i docker0 -o docker0 -j DROP',
      '-A DOCKER-BRIDGE -o docker0 -j DOCKER',
      '-A DOCKER-CT -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT',
      '-A DOCKER-FORWARD -j DOCKER-CT',
      '-A DOCKER-FORWARD -j DOCKER-INTERNAL',
      '-A DOCKER-FORWARD -j DOCKER-BRIDGE',
      '-A DOCKER-FORWARD -i docker0 -j ACCEPT',
      '-A DOCKER-USER -s 192.0.2.66/32 -j DROP',
    ])
  })

  it('prints one chain with its -N (or -P for a built-in chain)', () => {
    const l = lab(on1(BLOCK, 'iptables -S DOCKER-USER', 'iptables -S INPUT'))
    expect(outputOf(l, 1)).toBe('-N DOCKER-USER\n-A DOCKER-USER -s 192.0.2.66/32 -j DROP')
    expect(outputOf(l, 2)).toBe('-P INPUT ACCEPT')
  })

  it('derives the nat table from the bridges and published ports of the world', () => {
    const l = lab(on1('docker network create app', WEB, 'docker run -d --name api --network app -p 127.0.0.1:9000:9000 nginx', 'iptables -t nat -S'))
    expect(outputOf(l, 3).split('\n')).toEqual([
      '-P PREROUTING ACCEPT',
      '-P INPUT ACCEPT',
      '-P OUTPUT ACCEPT',
      '-P POSTROUTING ACCEPT',
      '-N DOCKER',
      '-A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER',
      '-A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER',
      expect.stringMatching(/^-A POSTROUTING -s 172\.18\.0\.0\/16 ! -o br-[0-9a-f]{12} -j MASQUERADE$/),
      '-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE',
      expect.stringMatching(/^-A DOCKER -i br-[0-9a-f]{12} -j RETURN$/),
      '-A DOCKER -i docker0 -j RETURN',
      '-A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80',
      expect.stringMatching(/^-A DOCKER -d 127\.0\.0\.1\/32 ! -i br-[0-9a-f]{12} -p tcp -m tcp --dport 9000 -j DNAT --to-destination 172\.18\.0\.2:9000$/),
    ])
  })

  it('lists only its own chains on a host without Docker', () => {
    const l = lab([['laptop', 'iptables -I INPUT -p udp --dport 53 -j DROP'], ['laptop', 'iptables -S'], ['laptop', 'iptables -S DOCKER-USER']])
    expect(outputOf(l, 1)).toBe('-P INPUT ACCEPT\n-P FORWARD ACCEPT\n-P OUTPUT ACCEPT\n-A INPUT -p udp -m udp --dport 53 -j DROP')
    expect(outputOf(l, 2)).toBe('ERROR iptables: No chain/target/match by that name.')
  })
})

describe('iptables -L', () => {
  it('prints the table view, with "anywhere" and service names unless -n', () => {
    const l = lab(on1(WEB, BLOCK, 'iptables -L DOCKER-USER', 'iptables -L DOCKER'))
    expect(outputOf(l, 2)).toBe(
      ['Chain DOCKER-USER (1 references)', 'target     prot opt source               destination', 'DROP       all  --  192.0.2.66           anywhere'].join('\n'),
    )
    expect(outputOf(l, 3)).toBe(
      [
        'Chain DOCKER (1 references)',
        'target     prot opt source               destination',
        'ACCEPT     tcp  --  anywhere             172.17.0.2           tcp dpt:http',
        'DROP       all  --  anywhere             anywhere',
      ].join('\n'),
    )
  })

  it('numbers rules with --line-numbers and prints addresses with -n, clustered or not', () => {
    const expected = ['Chain DOCKER-USER (1 references)', 'num  target     prot opt source               destination', '1    DROP       all  --  192.0.2.66           0.0.0.0/0'].join('\n')
    const l = lab(on1(BLOCK, 'iptables -nL DOCKER-USER --line-numbers', 'iptables -L DOCKER-USER -n --line-numbers'))
    expect(outputOf(l, 1)).toBe(expected)
    expect(outputOf(l, 2)).toBe(expected)
  })

  it('adds counters and interfaces with -v', () => {
    const l = lab(on1('iptables -I DOCKER-USER -i eth0 ! -s 10.77.0.0/24 -j DROP', 'iptables -nvL DOCKER-USER'))
    expect(outputOf(l, 1)).toBe(
      [
        'Chain DOCKER-USER (1 references)',
        ' pkts bytes target     prot opt in     out     source               destination',
        '    0     0 DROP       all  --  eth0   *      !10.77.0.0/24         0.0.0.0/0',
      ].join('\n'),
    )
  })

  it('prints every chain, policy chains with their policy, separated by blank lines', () => {
    const l = lab([['laptop', 'iptables -L']])
    expect(outputOf(l, 0)).toBe(
      ['Chain INPUT (policy ACCEPT)', 'Chain FORWARD (policy ACCEPT)', 'Chain OUTPUT (policy ACCEPT)'].map((h) => `${h}\ntarget     prot opt source               destination`).join('\n\n'),
    )
  })

  it('shows FORWARD in its real order: -I rules, Docker\'s jumps, then -A rules', () => {
    const l = lab(on1('iptables -A FORWARD -s 10.9.9.9 -j DROP', 'iptables -I FORWARD -s 10.8.8.8 -j DROP', 'iptables -nL FORWARD --line-numbers'))
    expect(outputOf(l, 2).split('\n').slice(2)).toEqual([
      '1    DROP       all  --  10.8.8.8             0.0.0.0/0',
      '2    DOCKER-USER  all  --  0.0.0.0/0            0.0.0.0/0',
      '3    DOCKER-FORWARD  all  --  0.0.0.0/0            0.0.0.0/0',
      '4    DROP       all  --  10.9.9.9             0.0.0.0/0',
    ])
  })

  it('changes nothing in the world', () => {
    const before = lab(on1(WEB, BLOCK))
    const after = lab(on1(WEB, BLOCK, 'iptables -L', 'iptables -t nat -S'))
    expect(after.world).toEqual(before.world)
  })
})

describe('iptables -D CHAIN N', () => {
  it('deletes the numbered rule, and the probe it blocked gets through again', () => {
    const l = lab(on1(WEB, 'iptables -I DOCKER-USER -s 10.77.0.50 -j DROP', 'iptables -I DOCKER-USER -s 192.0.2.66 -j DROP', 'iptables -D DOCKER-USER 2', 'iptables -S DOCKER-USER'))
    expect(outputOf(l, 4)).toBe('-N DOCKER-USER\n-A DOCKER-USER -s 192.0.2.66/32 -j DROP')
    expect(l.probe('laptop', 'curl http://10.77.0.10:8080').outcome).toBe('delivered')
  })

  it('counts FORWARD the way -L numbers it, and keeps Docker\'s jumps', () => {
    const l = lab(on1('iptables -I FORWARD -s 10.8.8.8 -j DROP', 'iptables -A FORWARD -s 10.9.9.9 -j DROP', 'iptables -D FORWARD 2', 'iptables -D FORWARD 4', 'iptables -D FORWARD 1', 'iptables -S FORWARD'))
    expect(outputOf(l, 2)).toMatch(/^ERROR iptables: FORWARD rule 2 is Docker's jump to DOCKER-USER; the simulator does not let you delete Docker's own rules/)
    expect(outputOf(l, 5)).toBe('-P FORWARD DROP\n-A FORWARD -j DOCKER-USER\n-A FORWARD -j DOCKER-FORWARD')
  })

  it('says "Index of deletion too big." past the end', () => {
    const l = lab(on1(BLOCK, 'iptables -D DOCKER-USER 2', 'iptables -D INPUT 1'))
    expect(outputOf(l, 1)).toBe('ERROR iptables: Index of deletion too big.')
    expect(outputOf(l, 2)).toBe('ERROR iptables: Index of deletion too big.')
  })
})

describe('ufw', () => {
  it('prints what ufw prints when it adds a rule', () => {
    const l = lab(on1('ufw deny 8080', 'iptables -S INPUT'))
    expect(outputOf(l, 0)).toBe('Rule added\nRule added (v6)')
    expect(outputOf(l, 1)).toBe('-P INPUT ACCEPT\n-A INPUT -p tcp -m tcp --dport 8080 -j DROP')
  })
})

describe('iptables -L|-S CHAIN N', () => {
  const SECOND = 'iptables -I DOCKER-USER 2 -s 198.51.100.7 -p tcp --dport 80 -j REJECT'

  it('-S prints rule N alone, without the -N line', () => {
    const l = lab(on1(BLOCK, SECOND, 'iptables -S DOCKER-USER 2', 'iptables -S DOCKER-USER 1'))
    expect(outputOf(l, 2)).toBe('-A DOCKER-USER -s 198.51.100.7/32 -p tcp -m tcp --dport 80 -j REJECT --reject-with icmp-port-unreachable')
    expect(outputOf(l, 3)).toBe('-A DOCKER-USER -s 192.0.2.66/32 -j DROP')
  })

  it('-L prints rule N as its row, without the chain header, numbered with --line-numbers', () => {
    const l = lab(on1(BLOCK, SECOND, 'iptables -L DOCKER-USER 1 -n', 'iptables -L DOCKER-USER 2 -n --line-numbers'))
    const whole = lab(on1(BLOCK, SECOND, 'iptables -L DOCKER-USER -n --line-numbers'))
    expect(outputOf(l, 2)).toMatch(/^DROP\s+all\s+--\s+192\.0\.2\.66\s+0\.0\.0\.0\/0$/)
    // The same row as in the whole chain's listing.
    expect(outputOf(whole, 2).split('\n')).toContain(outputOf(l, 3))
    expect(outputOf(l, 3)).toMatch(/^2\s+REJECT/)
  })

  it('numbers FORWARD as the whole listing does, Docker\'s jumps included', () => {
    const l = lab(on1(WEB, 'iptables -S FORWARD 1'))
    expect(outputOf(l, 1)).toBe('-A FORWARD -j DOCKER-USER')
  })

  it('prints nothing past the last rule, and iptables\' error for a chain that does not exist', () => {
    const l = lab(on1(BLOCK, 'iptables -L DOCKER-USER 5', 'iptables -S NOSUCH 1'))
    expect(outputOf(l, 1)).toBe('')
    expect(outputOf(l, 2)).toBe('ERROR iptables: No chain/target/match by that name.')
  })
})
