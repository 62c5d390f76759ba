import type { ChallengeSolutions } from './types'

const on = 'host1'
const rmDb = { on, run: 'docker rm -f db' }

export const webPublicDbPrivate: ChallengeSolutions = {
  reference: [
    rmDb,
    { on, run: 'docker network create app' },
    { on, run: 'docker run -d --name db --network app postgres' },
    { on, run: 'docker run -d --name web --network app -p 8080:80 nginx' },
  ],
  nearMisses: [
    {
      name: 'database published too',
      commands: [
        rmDb,
        { on, run: 'docker network create app' },
        { on, run: 'docker run -d --name db --network app -p 5432:5432 postgres' },
        { on, run: 'docker run -d --name web --network app -p 8080:80 nginx' },
      ],
      failsBecause: "the router's 5432 forward now reaches db from the internet",
    },
    {
      name: 'default bridge',
      commands: [
        rmDb,
        { on, run: 'docker run -d --name db postgres' },
        { on, run: 'docker run -d --name web -p 8080:80 nginx' },
      ],
      failsBecause: 'the default bridge has no embedded DNS, so web cannot resolve db',
    },
    {
      name: 'database on another network',
      commands: [
        rmDb,
        { on, run: 'docker network create front' },
        { on, run: 'docker network create back' },
        { on, run: 'docker run -d --name db --network back postgres' },
        { on, run: 'docker run -d --name web --network front -p 8080:80 nginx' },
      ],
      failsBecause: 'web and db share no network, so the name db does not resolve from web',
    },
    {
      name: 'web not published',
      commands: [
        rmDb,
        { on, run: 'docker network create app' },
        { on, run: 'docker run -d --name db --network app postgres' },
        { on, run: 'docker run -d --name web --network app nginx' },
      ],
      failsBecause: 'nothing listens on host1:8080, so the phone is refused',
    },
    {
      name: 'database reached through the host',
      commands: [{ on, run: 'docker run -d --name web -p 8080:80 nginx' }],
      failsBecause: 'leaving the old db in place: its -p 5432:5432 still exposes the database, and web on the default bridge cannot resolve db',
    },
  ],
}
