import { describe, expect, it } from 'vitest'
import type { Engine } from './engine'
import { planStep } from './steps'
import type { Testbed } from './testbed'

const engine: Engine = { host: 'host1', netns: 'pp1-host1', socket: '/tmp/x.sock', docker: ['docker', '-H', 'unix:///tmp/x.sock'], version: '20.10', dir: '/tmp/x' }
const bed: Testbed = {
  prefix: 'pp1',
  hostNetns: new Map([
    ['host1', 'pp1-host1'],
    ['laptop', 'pp1-laptop'],
  ]),
  engines: new Map([['host1', engine]]),
  hostIps: new Map([
    ['host1', ['10.77.0.10']],
    ['laptop', ['10.77.0.50']],
  ]),
}

describe('planStep', () => {
  it('runs docker against the host engine, keeping the words as typed', () => {
    expect(planStep('docker run -dp 8080:80 --name web nginx', 'host1', bed, {})).toEqual({ ok: true, argv: [...engine.docker, 'run', '-dp', '8080:80', '--name', 'web', 'nginx'] })
  })
  it('runs iptables in the host namespace', () => {
    expect(planStep('iptables -I DOCKER-USER -s 10.77.0.50 -j DROP', 'host1', bed, {})).toEqual({
      ok: true,
      argv: ['ip', 'netns', 'exec', 'pp1-host1', 'iptables', '-w', '10', '-I', 'DOCKER-USER', '-s', '10.77.0.50', '-j', 'DROP'],
    })
  })
  it('advertises swarm on the first NIC and fills in the printed token', () => {
    expect(planStep('docker swarm init', 'host1', bed, {})).toEqual({ ok: true, argv: [...engine.docker, 'swarm', 'init', '--advertise-addr', '10.77.0.10'] })
    const join = planStep('docker swarm join --token SWMTKN-1-WORKER 10.77.0.10:2377', 'host1', bed, { worker: 'SWMTKN-1-abc-def' })
    expect(join).toEqual({ ok: true, argv: [...engine.docker, 'swarm', 'join', '--advertise-addr', '10.77.0.10', '--token', 'SWMTKN-1-abc-def', '10.77.0.10:2377'] })
  })
  it('does not wait on the client for services to converge', () => {
    expect(planStep('docker service create --name web nginx', 'host1', bed, {})).toEqual({ ok: true, argv: [...engine.docker, 'service', 'create', '--detach', '--name', 'web', 'nginx'] })
  })
  it('refuses what the test bed cannot run, naming why', () => {
    expect(planStep('docker ps', 'laptop', bed, {})).toEqual({ ok: false, error: 'laptop does not run Docker Engine' })
    expect(planStep('ufw deny 8080', 'host1', bed, {})).toEqual({ ok: false, error: 'the test bed runs only docker, iptables and ip steps, got "ufw"' })
    expect(planStep('docker ps', 'nohost', bed, {})).toEqual({ ok: false, error: 'no host named "nohost"' })
  })
})
