import type { ChallengeSolutions } from './types'

const on = 'host1'

export const noNetworkAtAll: ChallengeSolutions = {
  reference: [{ on, run: 'docker run -d --name vault --network none alpine sleep infinity' }],
  nearMisses: [
    {
      name: 'default bridge',
      commands: [{ on, run: 'docker run -d --name vault alpine sleep infinity' }],
      failsBecause: 'the default bridge gives vault a route out: the laptop answers',
    },
    {
      name: 'the internal quarantine network',
      commands: [{ on, run: 'docker run -d --name vault --network quarantine alpine sleep infinity' }],
      failsBecause: 'an internal network has no way out, but vault still reaches scanner on the same network',
    },
    {
      name: 'alpine without a long-running command',
      commands: [{ on, run: 'docker run -d --name vault --network none alpine' }],
      failsBecause: 'alpine exits at once under -d, so docker exec fails: the container is not running',
    },
    {
      name: '--network host',
      commands: [{ on, run: 'docker run -d --name vault --network host alpine sleep infinity' }],
      failsBecause: 'host networking shares all of host1\'s interfaces, so the laptop is reachable',
    },
  ],
}
