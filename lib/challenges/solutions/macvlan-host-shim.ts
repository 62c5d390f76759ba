import type { ChallengeSolutions } from './types'

const on = 'host1'
const linkAdd = { on, run: 'ip link add mac0 link eth0 type macvlan mode bridge' }
const addrAdd = { on, run: 'ip addr add 10.77.0.223/32 dev mac0' }
const linkUp = { on, run: 'ip link set mac0 up' }

export const macvlanHostShim: ChallengeSolutions = {
  reference: [linkAdd, addrAdd, linkUp, { on, run: 'ip route add 10.77.0.192/27 dev mac0' }],
  nearMisses: [
    {
      name: 'shim without the route',
      commands: [linkAdd, addrAdd, linkUp],
      failsBecause: 'host1 still sends to 10.77.0.192 out of eth0, the parent, which cannot talk to its own children',
    },
    {
      name: 'route through eth0, no shim',
      commands: [{ on, run: 'ip route add 10.77.0.192/27 dev eth0' }],
      failsBecause: 'eth0 is the parent: the kernel does not pass traffic between it and its macvlan children',
    },
    {
      name: 'connect web to the default bridge too',
      commands: [{ on, run: 'docker network connect bridge web' }],
      failsBecause: 'web gains a 172.17 address, but 10.77.0.192 is still reached through eth0',
    },
  ],
}
