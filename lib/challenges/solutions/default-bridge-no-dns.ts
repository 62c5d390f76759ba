import type { ChallengeSolutions } from './types'

const on = 'host1'

export const defaultBridgeNoDns: ChallengeSolutions = {
  reference: [
    { on, run: 'docker network create appnet' },
    { on, run: 'docker run -d --name cache --network appnet redis' },
    { on, run: 'docker run -d --name app --network appnet alpine sleep infinity' },
  ],
  nearMisses: [
    {
      name: 'both on the default bridge',
      commands: [
        { on, run: 'docker run -d --name cache redis' },
        { on, run: 'docker run -d --name app alpine sleep infinity' },
      ],
      failsBecause: 'the default bridge has no embedded DNS, so cache does not resolve',
    },
    {
      name: '--link on the default bridge',
      commands: [
        { on, run: 'docker run -d --name cache redis' },
        { on, run: 'docker run -d --name app --link cache alpine sleep infinity' },
      ],
      failsBecause: '--link only writes /etc/hosts; Docker\'s DNS server does not answer, so nslookup fails',
    },
    {
      name: 'only cache on the new network',
      commands: [
        { on, run: 'docker network create appnet' },
        { on, run: 'docker run -d --name cache --network appnet redis' },
        { on, run: 'docker run -d --name app alpine sleep infinity' },
      ],
      failsBecause: 'app is on the default bridge and shares no network with cache',
    },
    {
      name: 'alpine without sleep',
      commands: [
        { on, run: 'docker network create appnet' },
        { on, run: 'docker run -d --name cache --network appnet redis' },
        { on, run: 'docker run -d --name app --network appnet alpine' },
      ],
      failsBecause: 'alpine exits at once under -d, so docker exec app fails: the container is not running',
    },
  ],
}
