import type { ChallengeSolutions } from './types'

const on = 'host1'

export const hostModePublishTrap: ChallengeSolutions = {
  reference: [
    { on, run: 'docker rm -f api' },
    { on, run: 'docker run -d --name api -p 8080:80 httpd' },
  ],
  nearMisses: [
    {
      name: 'run it again without removing the old one',
      commands: [{ on, run: 'docker run -d --name api -p 8080:80 httpd' }],
      failsBecause: 'the name api is still taken, so the old host-network api keeps port 80 and 8080 stays closed',
    },
    {
      name: 'host mode with -p 8080:8080',
      commands: [
        { on, run: 'docker rm -f api' },
        { on, run: 'docker run -d --name api --network host -p 8080:8080 httpd' },
      ],
      failsBecause: '-p is discarded in host mode whatever its numbers; httpd still binds host1:80',
    },
    {
      name: 'ports swapped',
      commands: [
        { on, run: 'docker rm -f api' },
        { on, run: 'docker run -d --name api -p 80:8080 httpd' },
      ],
      failsBecause: 'host port 80 is published (to a container port nobody listens on) and 8080 stays closed',
    },
    {
      name: 'a second container beside the old one',
      commands: [{ on, run: 'docker run -d --name api2 -p 8080:80 httpd' }],
      failsBecause: 'api2 answers on 8080, but api still runs with host networking and holds port 80',
    },
  ],
}
