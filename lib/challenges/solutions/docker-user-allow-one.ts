import type { ChallengeSolutions } from './types'

const on = 'host1'
const cleanUp = [
  { on, run: 'iptables -D INPUT -p tcp --dport 8080 -j DROP' },
  { on, run: 'iptables -F DOCKER-USER' },
]
const dropAll = { on, run: 'iptables -I DOCKER-USER -i eth0 -p tcp -m conntrack --ctorigdstport 8080 -j DROP' }
const acceptHost2 = { on, run: 'iptables -I DOCKER-USER -i eth0 -s 10.77.0.11 -j ACCEPT' }

export const dockerUserAllowOne: ChallengeSolutions = {
  reference: [...cleanUp, dropAll, acceptHost2],
  nearMisses: [
    {
      name: 'ACCEPT inserted before the DROP',
      commands: [...cleanUp, acceptHost2, dropAll],
      failsBecause: '-I puts the DROP on top, so it matches host2 before the ACCEPT is reached',
    },
    {
      name: 'deny list of the known laptop',
      commands: [...cleanUp, { on, run: 'iptables -I DOCKER-USER -i eth0 -s 10.77.0.50 -j DROP' }],
      failsBecause: 'a deny list misses guest; only an allow list keeps unknown clients out',
    },
    {
      name: 'old INPUT rule kept',
      commands: [{ on, run: 'iptables -F DOCKER-USER' }, dropAll, acceptHost2],
      failsBecause: 'host1\'s own 127.0.0.1 connection reaches docker-proxy through INPUT, where the old rule drops it',
    },
    {
      name: 'INPUT allow list',
      commands: [
        { on, run: 'iptables -F DOCKER-USER' },
        { on, run: 'iptables -I INPUT -s 10.77.0.11 -p tcp --dport 8080 -j ACCEPT' },
      ],
      failsBecause: 'INPUT never sees the forwarded packets, so laptop and guest still get in (and host1\'s own connection is still dropped)',
    },
    {
      name: 'DROP on the published port with --dport',
      commands: [...cleanUp, { on, run: 'iptables -I DOCKER-USER -i eth0 -p tcp --dport 8080 -j DROP' }, acceptHost2],
      failsBecause: 'after DNAT the destination port is 80, so --dport 8080 never matches',
    },
  ],
}
