import type { ChallengeSolutions } from './types'

const on = 'host1'
const web1 = { on, run: 'docker run -d --name web1 --network lan nginx' }
const web2 = { on, run: 'docker run -d --name web2 --network lan nginx' }

export const macvlanIpRange: ChallengeSolutions = {
  reference: [
    { on, run: 'docker network create -d macvlan --subnet 10.77.0.0/24 --gateway 10.77.0.1 --ip-range 10.77.0.192/27 -o parent=eth0 lan' },
    web1,
    web2,
  ],
  nearMisses: [
    {
      name: 'no --ip-range',
      commands: [{ on, run: 'docker network create -d macvlan --subnet 10.77.0.0/24 --gateway 10.77.0.1 -o parent=eth0 lan' }, web1, web2],
      failsBecause: 'IPAM hands out the lowest free addresses of the whole subnet (10.77.0.2, .3), not .192 and .193',
    },
    {
      name: '--ip-range inside the DHCP pool',
      commands: [{ on, run: 'docker network create -d macvlan --subnet 10.77.0.0/24 --gateway 10.77.0.1 --ip-range 10.77.0.128/27 -o parent=eth0 lan' }, web1, web2],
      failsBecause: 'the containers get 10.77.0.128 and .129, addresses the DHCP server may also hand out',
    },
    {
      name: 'bridge with published ports',
      commands: [
        { on, run: 'docker run -d --name web1 -p 8080:80 nginx' },
        { on, run: 'docker run -d --name web2 -p 8081:80 nginx' },
      ],
      failsBecause: 'the containers sit behind NAT on host1 (10.77.0.10); 10.77.0.192 and .193 are nobody',
    },
    {
      name: 'ipvlan instead of macvlan',
      commands: [{ on, run: 'docker network create -d ipvlan --subnet 10.77.0.0/24 --gateway 10.77.0.1 --ip-range 10.77.0.192/27 -o parent=eth0 lan' }, web1, web2],
      failsBecause: 'the challenge requires macvlan: each container with its own MAC address',
    },
  ],
}
