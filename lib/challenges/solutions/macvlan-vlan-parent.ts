import type { ChallengeSolutions } from './types'

const on = 'host1'
const sensor = { on, run: 'docker run -d --name sensor --network lab --ip 10.77.50.100 nginx' }

export const macvlanVlanParent: ChallengeSolutions = {
  reference: [{ on, run: 'docker network create -d macvlan --subnet 10.77.50.0/24 --gateway 10.77.50.1 -o parent=eth0.50 lab' }, sensor],
  nearMisses: [
    {
      name: 'untagged parent eth0',
      commands: [{ on, run: 'docker network create -d macvlan --subnet 10.77.50.0/24 --gateway 10.77.50.1 -o parent=eth0 lab' }, sensor],
      failsBecause: 'the frames leave untagged, in the office; nothing on VLAN 50 answers ARP for 10.77.50.100',
    },
    {
      name: 'wrong VLAN id',
      commands: [{ on, run: 'docker network create -d macvlan --subnet 10.77.50.0/24 --gateway 10.77.50.1 -o parent=eth0.60 lab' }, sensor],
      failsBecause: 'sensor sits on VLAN 60, which labpc never hears',
    },
    {
      name: 'bridge with a published port',
      commands: [{ on, run: 'docker run -d --name sensor -p 80:80 nginx' }],
      failsBecause: 'host1 has no address on VLAN 50 and 10.77.50.100 does not exist',
    },
    {
      name: 'ipvlan on eth0.50',
      commands: [{ on, run: 'docker network create -d ipvlan --subnet 10.77.50.0/24 --gateway 10.77.50.1 -o parent=eth0.50 lab' }, sensor],
      failsBecause: 'the challenge requires macvlan (own MAC per container)',
    },
  ],
}
