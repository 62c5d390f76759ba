import type { ChallengeSolutions } from './types'

const on = 'host1'
const removeOld = [
  { on, run: 'docker rm -f nas' },
  { on, run: 'docker network rm lan' },
]
const runNas = { on, run: 'docker run -d --name nas --network lan nginx' }

export const reviewMacvlanDhcpClash: ChallengeSolutions = {
  reference: [
    ...removeOld,
    { on, run: 'docker network create -d macvlan --subnet 10.77.0.0/24 --gateway 10.77.0.1 --ip-range 10.77.0.192/27 -o parent=eth0 lan' },
    runNas,
  ],
  nearMisses: [
    {
      name: 'address range fixed, parent still eth1',
      commands: [
        ...removeOld,
        { on, run: 'docker network create -d macvlan --subnet 10.77.0.0/24 --gateway 10.77.0.1 --ip-range 10.77.0.192/27 -o parent=eth1 lan' },
        runNas,
      ],
      failsBecause: "nas's frames leave through eth1 onto the lab LAN, so nobody on the office LAN answers or sees 10.77.0.192",
    },
    {
      name: 'parent fixed, no --ip-range',
      commands: [...removeOld, { on, run: 'docker network create -d macvlan --subnet 10.77.0.0/24 --gateway 10.77.0.1 -o parent=eth0 lan' }, runNas],
      failsBecause: 'without --ip-range Docker takes the lowest free address of the whole subnet, not one from 10.77.0.192/27',
    },
    {
      name: "parent fixed, the printer's address kept",
      commands: [
        ...removeOld,
        { on, run: 'docker network create -d macvlan --subnet 10.77.0.0/24 --gateway 10.77.0.1 --ip-range 10.77.0.192/27 -o parent=eth0 lan' },
        { on, run: 'docker run -d --name nas --network lan --ip 10.77.0.150 nginx' },
      ],
      failsBecause: "--ip overrides the range: nas claims 10.77.0.150, the printer's address, so its own curl to .150 never leaves it",
    },
    {
      name: "Docker's block given as the subnet",
      commands: [...removeOld, { on, run: 'docker network create -d macvlan --subnet 10.77.0.192/27 -o parent=eth0 lan' }, runNas],
      failsBecause: "--subnet must be the LAN's own 10.77.0.0/24: with a /27 subnet .192 is its network address, nas gets a later one, and the printer is off-subnet with no gateway",
    },
    {
      name: 'a bridge with a published port instead',
      commands: [{ on, run: 'docker rm -f nas' }, { on, run: 'docker run -d --name nas -p 80:80 nginx' }],
      failsBecause: "a published port lives on host1's address 10.77.0.10; nas gets no LAN address of its own",
    },
  ],
}
