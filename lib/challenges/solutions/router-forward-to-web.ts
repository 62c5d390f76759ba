import type { ChallengeSolutions } from './types'

const on = 'host1'

export const routerForwardToWeb: ChallengeSolutions = {
  reference: [{ on, run: 'docker run -d --name web -p 8080:80 nginx' }],
  nearMisses: [
    {
      name: 'no -p',
      commands: [{ on, run: 'docker run -d --name web nginx' }],
      failsBecause: 'the router forwards to host1:8080, where nothing listens, so the phone is refused',
    },
    {
      name: 'published on the router port',
      commands: [{ on, run: 'docker run -d --name web -p 80:80 nginx' }],
      failsBecause: 'the router rewrites the port to 8080; host1 publishes 80, so 8080 is refused',
    },
    {
      name: 'wrong container port',
      commands: [{ on, run: 'docker run -d --name web -p 8080:8080 nginx' }],
      failsBecause: 'nginx listens on 80 inside the container, so the DNATed packet to port 8080 is refused',
    },
    {
      name: 'published on localhost only',
      commands: [{ on, run: 'docker run -d --name web -p 127.0.0.1:8080:80 nginx' }],
      failsBecause: 'a 127.0.0.1 binding does not match packets that the router sends to 10.77.0.10:8080',
    },
    {
      name: '--network host',
      commands: [{ on, run: 'docker run -d --name web --network host nginx' }],
      failsBecause: 'nginx then listens on host1:80, not 8080, and the constraint forbids host networking',
    },
  ],
}
