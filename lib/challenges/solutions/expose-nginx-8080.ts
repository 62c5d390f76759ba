import type { ChallengeSolutions } from './types'

const on = 'host1'

export const exposeNginx8080: ChallengeSolutions = {
  reference: [{ on, run: 'docker run -d --name web -p 8080:80 nginx' }],
  nearMisses: [
    { name: 'no -p', commands: [{ on, run: 'docker run -d --name web nginx' }], failsBecause: 'nothing listens on host1:8080' },
    {
      name: 'ports swapped',
      commands: [{ on, run: 'docker run -d --name web -p 80:8080 nginx' }],
      failsBecause: 'host port 80 is published, not 8080',
    },
    {
      name: 'wrong container port',
      commands: [{ on, run: 'docker run -d --name web -p 8080:8080 nginx' }],
      failsBecause: 'nginx listens on 80 inside the container, so the DNATed packet finds nothing on 8080',
    },
    {
      name: 'published on localhost only',
      commands: [{ on, run: 'docker run -d --name web -p 127.0.0.1:8080:80 nginx' }],
      failsBecause: 'a 127.0.0.1 binding is not reachable from the LAN',
    },
    {
      name: '--network host',
      commands: [{ on, run: 'docker run -d --name web --network host -p 8080:80 nginx' }],
      failsBecause: 'published ports are discarded with --network host, and the constraint forbids it',
    },
  ],
}
