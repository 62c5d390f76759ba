import type { ChallengeSolutions } from './types'

const on = 'host1'

export const hostNetworkWeb: ChallengeSolutions = {
  reference: [{ on, run: 'docker run -d --name web --network host nginx' }],
  nearMisses: [
    {
      name: 'bridge with -p 80:80',
      commands: [{ on, run: 'docker run -d --name web -p 80:80 nginx' }],
      failsBecause: 'the laptop gets nginx, but localhost inside web is the container itself, so port 9100 is refused',
    },
    {
      name: 'default bridge, no -p',
      commands: [{ on, run: 'docker run -d --name web nginx' }],
      failsBecause: 'nothing listens on host1:80, and localhost:9100 is the container\'s own loopback',
    },
    {
      name: '--network none',
      commands: [{ on, run: 'docker run -d --name web --network none nginx' }],
      failsBecause: 'a container with only lo is reachable from nowhere and reaches nothing but itself',
    },
    {
      name: 'publishing the agent port too',
      commands: [{ on, run: 'docker run -d --name web -p 80:80 -p 9100:9100 nginx' }],
      failsBecause: 'the agent already holds host port 9100, so web cannot start; and -p never makes the host\'s localhost visible inside a container',
    },
  ],
}
