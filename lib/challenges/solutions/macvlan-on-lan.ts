import type { ChallengeSolutions } from './types'

const on = 'host1'
const run = 'docker run -d --name web --network lan --ip 10.77.0.200 nginx'

export const macvlanOnLan: ChallengeSolutions = {
  reference: [{ on, run: 'docker network create -d macvlan --subnet 10.77.0.0/24 --gateway 10.77.0.1 -o parent=eth0 lan' }, { on, run }],
  nearMisses: [
    {
      name: 'wrong parent NIC',
      commands: [{ on, run: 'docker network create -d macvlan --subnet 10.77.0.0/24 --gateway 10.77.0.1 -o parent=eth1 lan' }, { on, run }],
      failsBecause: 'eth1 is on the storage LAN, so nobody on office answers ARP for 10.77.0.200',
    },
    {
      name: '--network host',
      commands: [{ on, run: 'docker run -d --name web --network host nginx' }],
      failsBecause: 'the container shares host1\'s address; 10.77.0.200 does not exist',
    },
    {
      name: 'bridge with a published port',
      commands: [{ on, run: 'docker run -d --name web -p 80:80 nginx' }],
      failsBecause: 'NAT through host1 (10.77.0.10), not an address of its own on the LAN',
    },
    {
      name: 'macvlan with a made-up subnet',
      commands: [
        { on, run: 'docker network create -d macvlan --subnet 192.168.1.0/24 --gateway 192.168.1.1 -o parent=eth0 lan' },
        { on, run: 'docker run -d --name web --network lan --ip 192.168.1.100 nginx' },
      ],
      failsBecause: 'the container is not in the office subnet, so 10.77.0.200 is nobody',
    },
    {
      name: 'ipvlan instead of macvlan',
      commands: [{ on, run: 'docker network create -d ipvlan --subnet 10.77.0.0/24 --gateway 10.77.0.1 -o parent=eth0 lan' }, { on, run }],
      failsBecause: 'the challenge requires macvlan (own MAC per container)',
    },
  ],
}
