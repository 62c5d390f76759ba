import type { ChallengeSolutions } from './types'

const on = 'host1'
const removeBoth = { on, run: 'docker rm -f web db' }

export const webAndPrivateDb: ChallengeSolutions = {
  reference: [
    removeBoth,
    { on, run: 'docker network create appnet' },
    { on, run: 'docker run -d --name db --network appnet postgres' },
    { on, run: 'docker run -d --name web --network appnet -p 8080:80 nginx' },
  ],
  nearMisses: [
    {
      name: 'ports fixed, still on the default bridge',
      commands: [removeBoth, { on, run: 'docker run -d --name db postgres' }, { on, run: 'docker run -d --name web -p 8080:80 nginx' }],
      failsBecause: 'the default bridge has no embedded DNS, so web cannot resolve db',
    },
    {
      name: 'a shared network, but the database still published',
      commands: [
        { on, run: 'docker network create appnet' },
        { on, run: 'docker network connect appnet db' },
        { on, run: 'docker rm -f web' },
        { on, run: 'docker run -d --name web --network appnet -p 8080:80 nginx' },
      ],
      failsBecause: 'db keeps its -p 5432:5432, so the laptop still reaches the database',
    },
    {
      name: 'web not published',
      commands: [
        removeBoth,
        { on, run: 'docker network create appnet' },
        { on, run: 'docker run -d --name db --network appnet postgres' },
        { on, run: 'docker run -d --name web --network appnet nginx' },
      ],
      failsBecause: 'without -p the laptop cannot reach web at host1:8080',
    },
    {
      name: 'web and db on two different networks',
      commands: [
        removeBoth,
        { on, run: 'docker network create front' },
        { on, run: 'docker network create back' },
        { on, run: 'docker run -d --name db --network back postgres' },
        { on, run: 'docker run -d --name web --network front -p 8080:80 nginx' },
      ],
      failsBecause: 'separate user-defined networks are isolated: db does not resolve from web',
    },
    {
      name: 'web on the host network',
      commands: [
        removeBoth,
        { on, run: 'docker network create appnet' },
        { on, run: 'docker run -d --name db --network appnet postgres' },
        { on, run: 'docker run -d --name web --network host nginx' },
      ],
      failsBecause: 'host networking is forbidden here, and web on the host network shares no user network with db',
    },
  ],
}
