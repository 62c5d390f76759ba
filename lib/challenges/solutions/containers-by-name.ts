import type { ChallengeSolutions } from './types'

const on = 'host1'

export const containersByName: ChallengeSolutions = {
  reference: [
    { on, run: 'docker network create backend' },
    { on, run: 'docker network connect backend db' },
    { on, run: 'docker network connect backend app' },
  ],
  nearMisses: [
    {
      name: 'only db joins the new network',
      commands: [{ on, run: 'docker network create backend' }, { on, run: 'docker network connect backend db' }],
      failsBecause: 'app is still only on the default bridge, where there is no name resolution',
    },
    {
      name: 'a network nobody joins',
      commands: [{ on, run: 'docker network create backend' }],
      failsBecause: 'creating a network connects no container to it',
    },
    {
      name: 'two separate networks',
      commands: [
        { on, run: 'docker network create front' },
        { on, run: 'docker network create back' },
        { on, run: 'docker network connect back db' },
        { on, run: 'docker network connect front app' },
      ],
      failsBecause: 'the embedded DNS answers only for containers on a network the asker shares',
    },
    {
      name: 'connect both to the default bridge again',
      commands: [{ on, run: 'docker network connect bridge db' }],
      failsBecause: 'db is already on the default bridge, which has no DNS for container names',
    },
  ],
}
