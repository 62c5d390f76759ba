import type { ChallengeSolutions } from './types'

const on = 'host1'

export const publishDynamicPort: ChallengeSolutions = {
  reference: [{ on, run: 'docker run -d --name auto -P nginx' }],
  nearMisses: [
    { name: 'no -p or -P', commands: [{ on, run: 'docker run -d --name auto nginx' }], failsBecause: 'nothing is published' },
    {
      name: 'fixed host port',
      commands: [{ on, run: 'docker run -d --name auto -p 80:80 nginx' }],
      failsBecause: 'the learner chose host port 80, so nothing listens on 32768',
    },
    {
      name: 'dynamic port on 127.0.0.1 only',
      commands: [{ on, run: 'docker run -d --name auto -p 127.0.0.1::80 nginx' }],
      failsBecause: 'the dynamic port is published on loopback only, so the laptop is refused',
    },
  ],
}
