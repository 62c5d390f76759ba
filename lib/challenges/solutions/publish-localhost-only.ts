import type { ChallengeSolutions } from './types'

const on = 'host1'
const dropInput = { on, run: 'iptables -D INPUT -p tcp --dport 8080 -j DROP' }
const rmAdmin = { on, run: 'docker rm -f admin' }

export const publishLocalhostOnly: ChallengeSolutions = {
  reference: [dropInput, rmAdmin, { on, run: 'docker run -d --name admin -p 127.0.0.1:8080:80 nginx' }],
  nearMisses: [
    {
      name: 'INPUT rule left in place',
      commands: [rmAdmin, { on, run: 'docker run -d --name admin -p 127.0.0.1:8080:80 nginx' }],
      failsBecause: 'host1\'s own connection to 127.0.0.1:8080 reaches docker-proxy through INPUT, where the old rule drops it',
    },
    {
      name: 'INPUT rule removed, port still on every address',
      commands: [dropInput],
      failsBecause: 'without a host IP the port is published on 0.0.0.0, so the laptop gets the page',
    },
    {
      name: 'a second INPUT rule for the laptop',
      commands: [dropInput, { on, run: 'iptables -I INPUT -s 10.77.0.50 -j REJECT' }],
      failsBecause: 'the laptop\'s packets are DNATed in PREROUTING and forwarded, so INPUT never sees them',
    },
    {
      name: 'host and container ports swapped',
      commands: [dropInput, rmAdmin, { on, run: 'docker run -d --name admin -p 127.0.0.1:80:8080 nginx' }],
      failsBecause: 'host port 80 is published (to container port 8080, where nothing listens), not 8080',
    },
  ],
}
