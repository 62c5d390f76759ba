import type { ChallengeSolutions } from './types'

const on = 'host1'
const dropInputRule = { on, run: 'iptables -D INPUT -p tcp --dport 5432 -j DROP' }
const removeBoth = { on, run: 'docker rm -f web db' }
const publicWeb = { on, run: 'docker run -d --name web --network shopnet -p 8080:80 nginx' }

export const reviewFixPublishedWeb: ChallengeSolutions = {
  reference: [
    dropInputRule,
    removeBoth,
    { on, run: 'docker run -d --name db --network shopnet -p 127.0.0.1:5432:5432 postgres' },
    publicWeb,
  ],
  nearMisses: [
    {
      name: 'bindings swapped, the INPUT rule kept',
      commands: [removeBoth, { on, run: 'docker run -d --name db --network shopnet -p 127.0.0.1:5432:5432 postgres' }, publicWeb],
      failsBecause: "host1's own connection to 127.0.0.1:5432 goes to docker-proxy through INPUT, where the old rule drops it",
    },
    {
      name: 'the database not published at all',
      commands: [dropInputRule, removeBoth, { on, run: 'docker run -d --name db --network shopnet postgres' }, publicWeb],
      failsBecause: 'without a 127.0.0.1 binding nothing listens on host1 port 5432, so the admin on host1 is refused',
    },
    {
      name: 'db joined to shopnet, its -p 5432:5432 kept',
      commands: [dropInputRule, { on, run: 'docker network connect shopnet db' }, { on, run: 'docker rm -f web' }, publicWeb],
      failsBecause: "db's binding on every address still DNATs the laptop's packets to the database",
    },
    {
      name: 'db recreated on the default bridge',
      commands: [dropInputRule, removeBoth, { on, run: 'docker run -d --name db -p 127.0.0.1:5432:5432 postgres' }, publicWeb],
      failsBecause: 'web on shopnet and db on the default bridge share no network, so "db" does not resolve from web',
    },
    {
      name: 'db on the host network',
      commands: [dropInputRule, removeBoth, { on, run: 'docker run -d --name db --network host postgres' }, publicWeb],
      failsBecause: 'host networking is forbidden here, and postgres in the host namespace listens on every address of host1',
    },
  ],
}
