import type { ChallengeSolutions } from './types'

const on = 'host1'
const unplugBlog = { on, run: 'docker network disconnect shopnet blog' }
const startShop = { on, run: 'docker run -d --name shop --network shopnet nginx' }

export const connectTwoApps: ChallengeSolutions = {
  reference: [unplugBlog, startShop, { on, run: 'docker network connect blognet shop' }],
  nearMisses: [
    {
      name: 'blog keeps its leg in shopnet',
      commands: [startShop],
      failsBecause: 'on shopnet blog can also reach shopdb, the database it must not see',
    },
    {
      name: 'shop started on blognet only',
      commands: [unplugBlog, { on, run: 'docker run -d --name shop --network blognet nginx' }],
      failsBecause: 'shop is not on shopnet, so it cannot reach its own database',
    },
    {
      name: 'publish the shop port instead of connecting',
      commands: [unplugBlog, { on, run: 'docker run -d --name shop --network shopnet -p 8080:80 nginx' }],
      failsBecause: 'a published port does not make the name shop resolve on blognet',
    },
    {
      name: 'the wrong container connected',
      commands: [unplugBlog, startShop, { on, run: 'docker network connect blognet shopdb' }],
      failsBecause: 'shopdb joins blognet, so blog still cannot find shop, and now it can reach shopdb',
    },
    {
      name: 'a new shared network with only shop on it',
      commands: [unplugBlog, startShop, { on, run: 'docker network create shared' }, { on, run: 'docker network connect shared shop' }],
      failsBecause: 'blog is not on the shared network, so shop does not resolve from blog',
    },
  ],
}
