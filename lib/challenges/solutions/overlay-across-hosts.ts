import type { ChallengeSolutions } from './types'

const swarm = [
  { on: 'host1', run: 'docker swarm init' },
  { on: 'host2', run: 'docker swarm join --token SWMTKN-1-WORKER 10.77.0.10:2377' },
]

export const overlayAcrossHosts: ChallengeSolutions = {
  reference: [
    ...swarm,
    { on: 'host1', run: 'docker network create -d overlay --attachable appnet' },
    { on: 'host1', run: 'docker run -d --name api --network appnet nginx' },
    { on: 'host2', run: 'docker run -d --name client --network appnet alpine sleep 1d' },
  ],
  nearMisses: [
    {
      name: 'a bridge network of the same name on each host',
      commands: [
        { on: 'host1', run: 'docker network create appnet' },
        { on: 'host1', run: 'docker run -d --name api --network appnet nginx' },
        { on: 'host2', run: 'docker network create appnet' },
        { on: 'host2', run: 'docker run -d --name client --network appnet alpine sleep 1d' },
      ],
      failsBecause: 'two bridges with one name are still two separate single-host networks: api does not resolve on host2',
    },
    {
      name: 'overlay without a swarm',
      commands: [
        { on: 'host1', run: 'docker network create -d overlay --attachable appnet' },
        { on: 'host1', run: 'docker run -d --name api --network appnet nginx' },
        { on: 'host2', run: 'docker run -d --name client --network appnet alpine sleep 1d' },
      ],
      failsBecause: 'overlay networks need swarm mode: the create fails with "This node is not a swarm manager"',
    },
    {
      name: 'overlay without --attachable',
      commands: [
        ...swarm,
        { on: 'host1', run: 'docker network create -d overlay appnet' },
        { on: 'host1', run: 'docker run -d --name api --network appnet nginx' },
        { on: 'host2', run: 'docker run -d --name client --network appnet alpine sleep 1d' },
      ],
      failsBecause: 'standalone containers may not join a non-attachable overlay ("not manually attachable")',
    },
    {
      name: 'host2 never joins the swarm',
      commands: [
        { on: 'host1', run: 'docker swarm init' },
        { on: 'host1', run: 'docker network create -d overlay --attachable appnet' },
        { on: 'host1', run: 'docker run -d --name api --network appnet nginx' },
        { on: 'host2', run: 'docker run -d --name client --network appnet alpine sleep 1d' },
      ],
      failsBecause: 'host2 is not in the swarm, so it has no network appnet and client cannot start on it',
    },
    {
      name: 'client left on the default bridge',
      commands: [
        ...swarm,
        { on: 'host1', run: 'docker network create -d overlay --attachable appnet' },
        { on: 'host1', run: 'docker run -d --name api --network appnet nginx' },
        { on: 'host2', run: 'docker run -d --name client alpine sleep 1d' },
      ],
      failsBecause: 'client is on host2\'s default bridge, which has no embedded DNS and no path into appnet',
    },
  ],
}
