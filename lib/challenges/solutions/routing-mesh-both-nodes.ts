import type { ChallengeSolutions } from './types'

const on = 'host1'

export const routingMeshBothNodes: ChallengeSolutions = {
  reference: [{ on, run: 'docker service create --name web --replicas 1 --publish published=8080,target=80 nginx' }],
  nearMisses: [
    {
      name: 'docker run -p on host1',
      commands: [{ on, run: 'docker run -d --name web -p 8080:80 nginx' }],
      failsBecause: 'a plain published port opens 8080 on host1 only; host2 refuses the connection',
    },
    {
      name: 'mode=host publishing',
      commands: [{ on, run: 'docker service create --name web --replicas 1 --publish published=8080,target=80,mode=host nginx' }],
      failsBecause: 'mode=host binds 8080 only on the node that runs the task (host1); host2 refuses',
    },
    {
      name: 'service without --publish',
      commands: [{ on, run: 'docker service create --name web --replicas 1 nginx' }],
      failsBecause: 'nothing publishes 8080, so both hosts refuse',
    },
    {
      name: 'published and target swapped',
      commands: [{ on, run: 'docker service create --name web --replicas 1 --publish published=80,target=8080 nginx' }],
      failsBecause: 'the mesh listens on 80, not 8080',
    },
    {
      name: 'service created on the worker',
      commands: [{ on: 'host2', run: 'docker service create --name web --replicas 1 --publish published=8080,target=80 nginx' }],
      failsBecause: 'only a manager can create services: host2 is a worker',
    },
  ],
}
