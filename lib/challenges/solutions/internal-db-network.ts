import type { ChallengeSolutions } from './types'

const on = 'host1'
const isolateDb = [
  { on, run: 'docker network create --internal backend' },
  { on, run: 'docker network connect backend db' },
  { on, run: 'docker network disconnect appnet db' },
]
const startWeb = { on, run: 'docker run -d --name web --network appnet -p 8080:80 nginx' }

export const internalDbNetwork: ChallengeSolutions = {
  reference: [...isolateDb, startWeb, { on, run: 'docker network connect backend web' }],
  nearMisses: [
    {
      name: 'db joins the internal network but stays on appnet',
      commands: [
        { on, run: 'docker network create --internal backend' },
        { on, run: 'docker network connect backend db' },
        startWeb,
        { on, run: 'docker network connect backend web' },
      ],
      failsBecause: 'appnet still gives db a default route to the LAN and the internet',
    },
    {
      name: 'db moved, web left on appnet only',
      commands: [...isolateDb, startWeb],
      failsBecause: 'web shares no network with db, so db does not resolve from web',
    },
    {
      name: 'a new network without --internal',
      commands: [
        { on, run: 'docker network create backend' },
        { on, run: 'docker network connect backend db' },
        { on, run: 'docker network disconnect appnet db' },
        startWeb,
        { on, run: 'docker network connect backend web' },
      ],
      failsBecause: 'an ordinary bridge network gives db a default route out, just like appnet',
    },
    {
      name: 'web only on the internal network',
      commands: [...isolateDb, { on, run: 'docker run -d --name web --network backend -p 8080:80 nginx' }],
      failsBecause: '-p publishes nothing on an internal network, so the laptop cannot reach web, and web cannot reach the internet',
    },
  ],
}
