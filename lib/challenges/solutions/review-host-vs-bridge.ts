import type { ChallengeSolutions } from './types'

const on = 'host1'
const removeAll = { on, run: 'docker rm -f cache web api' }
const createNet = { on, run: 'docker network create appnet' }
const privateCache = { on, run: 'docker run -d --name cache --network appnet redis' }
const web = { on, run: 'docker run -d --name web --network appnet -p 8080:80 nginx' }
const api = { on, run: 'docker run -d --name api --network appnet -p 8081:80 httpd' }

export const reviewHostVsBridge: ChallengeSolutions = {
  reference: [removeAll, createNet, privateCache, web, api],
  nearMisses: [
    {
      name: 'web and api moved, cache left on the host network',
      commands: [{ on, run: 'docker rm -f web api' }, createNet, web, api],
      failsBecause: "cache still binds host1's port 6379 on every address, and web on appnet cannot resolve a host-network container",
    },
    {
      name: 'all three on the default bridge',
      commands: [
        removeAll,
        { on, run: 'docker run -d --name cache redis' },
        { on, run: 'docker run -d --name web -p 8080:80 nginx' },
        { on, run: 'docker run -d --name api -p 8081:80 httpd' },
      ],
      failsBecause: 'the default bridge has no embedded DNS, so "cache" does not resolve from web',
    },
    {
      name: 'cache published so that web can reach it',
      commands: [removeAll, createNet, { on, run: 'docker run -d --name cache --network appnet -p 6379:6379 redis' }, web, api],
      failsBecause: 'neighbours on appnet need no -p; publishing 6379 opens the cache to the laptop again',
    },
    {
      name: 'api published on the wrong container port',
      commands: [removeAll, createNet, privateCache, web, { on, run: 'docker run -d --name api --network appnet -p 8081:8081 httpd' }],
      failsBecause: 'httpd listens on port 80 inside api; the DNAT to api:8081 finds nothing listening and the laptop is refused',
    },
    {
      name: 'both on host port 8080',
      commands: [removeAll, createNet, privateCache, web, { on, run: 'docker run -d --name api --network appnet -p 8080:80 httpd' }],
      failsBecause: 'port 8080 is already allocated to web, so api is created but never starts and nothing answers on 8081',
    },
  ],
}
