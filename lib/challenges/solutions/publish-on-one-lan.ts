import type { ChallengeSolutions } from './types'

const on = 'host1'
const rmWeb = { on, run: 'docker rm -f web' }

export const publishOnOneLan: ChallengeSolutions = {
  reference: [rmWeb, { on, run: 'docker run -d --name web -p 10.77.0.10:8080:80 nginx' }],
  nearMisses: [
    {
      name: 'published on every address',
      commands: [rmWeb, { on, run: 'docker run -d --name web -p 8080:80 nginx' }],
      failsBecause: '0.0.0.0 includes the lab address 10.88.0.10, so labpc gets the page',
    },
    {
      name: 'published on 127.0.0.1',
      commands: [rmWeb, { on, run: 'docker run -d --name web -p 127.0.0.1:8080:80 nginx' }],
      failsBecause: 'a loopback binding keeps the page on host1, so the laptop is refused',
    },
    {
      name: 'run again without removing the old web',
      commands: [{ on, run: 'docker run -d --name web -p 10.77.0.10:8080:80 nginx' }],
      failsBecause: 'the name web is still in use, so nothing changes: labpc still gets the page',
    },
    {
      name: 'INPUT rule against the lab LAN',
      commands: [{ on, run: 'iptables -I INPUT -i eth1 -j REJECT' }],
      failsBecause: 'forwarded (DNATed) packets never pass INPUT; and the laptop still is not served on 10.77.0.10',
    },
  ],
}
