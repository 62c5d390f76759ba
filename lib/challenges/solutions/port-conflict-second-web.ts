import type { ChallengeSolutions } from './types'

const on = 'host1'

export const portConflictSecondWeb: ChallengeSolutions = {
  reference: [
    { on, run: 'docker rm -f api' },
    { on, run: 'docker start web' },
    { on, run: 'docker run -d --name api -p 8081:80 httpd' },
  ],
  nearMisses: [
    {
      name: 'run web again without removing the Created one',
      commands: [
        { on, run: 'docker rm -f api' },
        { on, run: 'docker run -d --name web -p 8080:80 nginx' },
        { on, run: 'docker run -d --name api -p 8081:80 httpd' },
      ],
      failsBecause: 'the failed run left web in state Created: the name is taken, so the new run fails and nothing serves 8080',
    },
    {
      name: 'docker start web while api holds 8080',
      commands: [{ on, run: 'docker start web' }],
      failsBecause: 'web still asks for host port 8080, which api holds: port is already allocated again',
    },
    {
      name: 'api removed but not re-created',
      commands: [
        { on, run: 'docker rm -f api' },
        { on, run: 'docker start web' },
      ],
      failsBecause: 'web answers on 8080, but nothing listens on 8081',
    },
    {
      name: 'container port changed too',
      commands: [
        { on, run: 'docker rm -f api' },
        { on, run: 'docker start web' },
        { on, run: 'docker run -d --name api -p 8081:8081 httpd' },
      ],
      failsBecause: 'httpd listens on 80 inside the container; only the host side of -p had to change',
    },
  ],
}
