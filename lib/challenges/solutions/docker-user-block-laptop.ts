import type { ChallengeSolutions } from './types'

const on = 'host1'
const removeTypo = { on, run: 'iptables -D DOCKER-USER -i eth0 -s 10.77.0.11 -j DROP' }

export const dockerUserBlockLaptop: ChallengeSolutions = {
  reference: [removeTypo, { on, run: 'iptables -I DOCKER-USER -i eth0 -s 10.77.0.50 -j DROP' }],
  nearMisses: [
    {
      name: 'right rule added, typo left in place',
      commands: [{ on, run: 'iptables -I DOCKER-USER -i eth0 -s 10.77.0.50 -j DROP' }],
      failsBecause: 'the old rule still drops host2',
    },
    {
      name: 'ufw deny',
      commands: [removeTypo, { on, run: 'ufw deny 8080' }],
      failsBecause: 'ufw writes INPUT rules; the DNATed packet goes through FORWARD',
    },
    {
      name: 'another INPUT rule',
      commands: [removeTypo, { on, run: 'iptables -I INPUT -s 10.77.0.50 -j DROP' }],
      failsBecause: 'INPUT only sees packets for host1 itself, not packets forwarded to a container',
    },
    {
      name: 'DOCKER-USER matching the published port',
      commands: [removeTypo, { on, run: 'iptables -I DOCKER-USER -s 10.77.0.50 -p tcp --dport 8080 -j DROP' }],
      failsBecause: 'DOCKER-USER sees the packet after DNAT, when its destination port is already 80',
    },
    {
      name: 'appended to FORWARD',
      commands: [removeTypo, { on, run: 'iptables -A FORWARD -s 10.77.0.50 -j DROP' }],
      failsBecause: 'an appended FORWARD rule comes after Docker\'s ACCEPT for the published port',
    },
  ],
}
