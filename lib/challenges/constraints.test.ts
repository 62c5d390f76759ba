import { describe, expect, it } from 'vitest'
import { createWorld, runCommandLine, ScenarioSchema } from '@/simulator'
import { articleFor, checkConstraint } from './constraints'
import { replayCommands } from './replay'
import type { Constraint } from './schema'

describe('articleFor', () => {
  it.each([
    ['overlay', 'an'],
    ['ipvlan', 'an'],
    ['bridge', 'a'],
    ['macvlan', 'a'],
  ])('%s takes "%s"', (driver, article) => {
    expect(articleFor(driver)).toBe(article)
  })
})

describe('require-driver', () => {
  it('says "an overlay network" when the container is on one', () => {
    const scenario = ScenarioSchema.parse({
      lans: [{ name: 'lan', subnet: '10.0.0.0/24' }],
      hosts: [{ name: 'h1', docker: true, nics: [{ name: 'eth0', lan: 'lan', ip: '10.0.0.2' }] }],
    })
    let world = createWorld(scenario)
    for (const line of ['docker swarm init', 'docker network create -d overlay --attachable ov', 'docker run -d --name api --network ov nginx']) {
      world = runCommandLine(world, 'h1', line).world
    }
    const r = checkConstraint(world, { kind: 'require-driver', verifies: ['overlay'], host: 'h1', container: 'api', driver: 'overlay', message: 'Put api on an overlay.' }, { start: world, history: [] })
    expect(r).toEqual({ kind: 'require-driver', verifies: ['overlay'], passed: true, message: 'api is on an overlay network.' })
  })
})

// The final-state constraints, judged after a replay as the grader does (replayCommands gives start and history).
const OFFICE = {
  lans: [{ name: 'office', subnet: '10.77.0.0/24', gateway: '10.77.0.1' }],
  hosts: [
    { name: 'host1', docker: true, nics: [{ name: 'eth0', lan: 'office', ip: '10.77.0.10' }] },
    { name: 'host2', docker: true, nics: [{ name: 'eth0', lan: 'office', ip: '10.77.0.11' }] },
  ],
}

function judge(steps: string[], commands: string[], constraint: Constraint) {
  const challenge = { world: ScenarioSchema.parse({ ...OFFICE, steps: steps.map((run) => ({ on: 'host1', run })) }) }
  const replay = replayCommands(challenge, commands.map((run) => ({ on: 'host1', run })))
  return checkConstraint(replay.world, constraint, replay)
}

const at = { verifies: ['r'], host: 'host1', message: 'Say why.' }

describe('image', () => {
  const c: Constraint = { kind: 'image', ...at, container: 'web', image: 'nginx' }
  it.each([['nginx'], ['nginx:1.27'], ['docker.io/library/nginx:alpine']])('%s is nginx', (image) => {
    expect(judge([], [`docker run -d --name web ${image}`], c).passed).toBe(true)
  })
  it('httpd is not, and the message says what runs', () => {
    expect(judge([], ['docker run -d --name web httpd'], c)).toMatchObject({ passed: false, message: 'Say why. It runs httpd.' })
  })
  it('names a missing container', () => {
    expect(judge([], [], c)).toMatchObject({ passed: false, message: 'There is no container named web on host1. Say why.' })
  })
})

describe('network-mode none', () => {
  const c: Constraint = { kind: 'network-mode', ...at, container: 'vault', mode: 'none' }
  it('passes --network none, and a container disconnected from its only network', () => {
    expect(judge([], ['docker run -d --name vault --network none alpine sleep infinity'], c).passed).toBe(true)
    expect(judge([], ['docker run -d --name vault alpine sleep infinity', 'docker network disconnect bridge vault'], c).passed).toBe(true)
  })
  it('fails an internal network and says which', () => {
    const r = judge([], ['docker network create --internal q', 'docker run -d --name vault --network q alpine sleep infinity'], c)
    expect(r).toMatchObject({ passed: false, message: 'Say why. It runs with the network q.' })
  })
})

describe('published-ports', () => {
  const auto: Constraint = { kind: 'published-ports', ...at, container: 'web', allow: 'automatic' }
  const none: Constraint = { kind: 'published-ports', ...at, container: 'web', allow: 'none' }
  it.each([['-P'], ['-p 80'], ['--publish-all'], ['-p 127.0.0.1::80']])('Docker picks the port with %s', (flag) => {
    expect(judge([], [`docker run -d --name web ${flag} nginx`], auto).passed).toBe(true)
  })
  it('a host port written in the command is chosen, not automatic', () => {
    expect(judge([], ['docker run -d --name web -p 32768:80 nginx'], auto)).toMatchObject({ passed: false, message: expect.stringContaining('host port 32768') })
  })
  it('none: any publishing fails', () => {
    expect(judge([], ['docker run -d --name web nginx'], none).passed).toBe(true)
    expect(judge([], ['docker run -d --name web -p 8080:80 nginx'], none).passed).toBe(false)
  })
})

describe('automatic-address', () => {
  const c: Constraint = { kind: 'automatic-address', ...at, container: 'web' }
  const net = 'docker network create --subnet 10.50.0.0/24 --ip-range 10.50.0.192/27 n'
  it('passes an address from IPAM and fails one given with --ip, even inside the range', () => {
    expect(judge([net], ['docker run -d --name web --network n nginx'], c).passed).toBe(true)
    expect(judge([net], ['docker run -d --name web --network n --ip 10.50.0.192 nginx'], c)).toMatchObject({ passed: false, message: expect.stringContaining('10.50.0.192 was given with --ip') })
  })
})

describe('keep-container', () => {
  const c: Constraint = { kind: 'keep-container', ...at, container: 'db' }
  const start = ['docker run -d --name db redis']
  it('passes when db runs all along, whatever else happens to it', () => {
    expect(judge(start, ['docker network create app', 'docker network connect app db', 'docker network disconnect bridge db'], c).passed).toBe(true)
  })
  it.each([
    [['docker restart db'], '"docker restart db" stopped it'],
    [['docker stop db', 'docker start db'], '"docker stop db" stopped it'],
    [['docker rm -f db', 'docker run -d --name db redis'], '"docker rm -f db" removed it; the db running now is a new container'],
    [['docker container kill db'], '"docker container kill db" stopped it'],
  ])('fails %j', (commands, why) => {
    expect(judge(start, commands, c)).toMatchObject({ passed: false, message: `Say why. (${why}.)` })
  })
  it('a failed stop of another container is not a stop of db', () => {
    expect(judge(start, ['docker stop nosuch'], c).passed).toBe(true)
  })
})

describe('keep-rules', () => {
  const c: Constraint = { kind: 'keep-rules', verifies: ['r'], host: 'host1', chain: 'INPUT', except: ['iptables -I INPUT -p udp --dport 4789 -j DROP'], message: 'Keep the rest.' }
  const start = ['iptables -I INPUT -p tcp --dport 22 -j ACCEPT', 'iptables -I INPUT -p udp --dport 4789 -j DROP']
  it('allows removing the excepted rule and inserting new ones', () => {
    expect(judge(start, ['iptables -D INPUT 1', 'iptables -I INPUT -p icmp -j ACCEPT'], c).passed).toBe(true)
  })
  it('fails a flush and names the lost rule', () => {
    expect(judge(start, ['iptables -F INPUT'], c)).toMatchObject({ passed: false, message: 'Keep the rest. (iptables -I INPUT -p tcp --dport 22 -j ACCEPT is gone or out of order.)' })
  })
})

describe('route', () => {
  const c: Constraint = { kind: 'route', verifies: ['r'], host: 'host1', to: '10.77.0.192/27', devKind: 'macvlan', message: 'Route the range.' }
  const shim = ['ip link add mac0 link eth0 type macvlan mode bridge', 'ip addr add 10.77.0.223/32 dev mac0', 'ip link set mac0 up']
  it('passes the range or a wider prefix through the shim, fails one address', () => {
    expect(judge([], [...shim, 'ip route add 10.77.0.192/27 dev mac0'], c).passed).toBe(true)
    expect(judge([], [...shim, 'ip route add 10.77.0.192/26 dev mac0'], c).passed).toBe(true)
    expect(judge([], [...shim, 'ip route add 10.77.0.192/32 dev mac0'], c)).toMatchObject({ passed: false, message: 'Route the range. host1 has 10.77.0.192/32 dev mac0.' })
  })
})

describe('service', () => {
  const c: Constraint = { kind: 'service', verifies: ['r'], service: 'web', image: 'nginx', tasks: 1, message: 'One task.' }
  const swarm = ['docker swarm init']
  it('counts tasks and checks the image', () => {
    expect(judge(swarm, ['docker service create --name web -p 8080:80 nginx'], c).passed).toBe(true)
    expect(judge(swarm, ['docker service create --name web --replicas 2 nginx'], c)).toMatchObject({ passed: false, message: 'One task. It has 2 tasks.' })
    expect(judge(swarm, ['docker service create --name web httpd'], c)).toMatchObject({ passed: false, message: 'One task. It runs httpd.' })
    expect(judge(swarm, [], c)).toMatchObject({ passed: false, message: 'There is no swarm service named web. One task.' })
  })
})

describe('forbid-network-mode', () => {
  const c: Constraint = { kind: 'forbid-network-mode', verifies: ['r'], mode: 'host', message: 'No host mode.' }
  it('counts running containers only: a stopped one holds no port', () => {
    expect(judge([], ['docker run -d --name api --network host httpd'], c)).toMatchObject({ passed: false, message: 'No host mode. (api on host1)' })
    expect(judge([], ['docker run -d --name api --network host httpd', 'docker stop api'], c).passed).toBe(true)
  })
})
