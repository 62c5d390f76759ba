import { describe, expect, it } from 'vitest'
import { ScenarioSchema } from '../parse/scenario'
import { runProbe } from '../trace'
import { createWorld } from './world'
import { joinMachine } from './join'
import { applyCommand } from './apply'

const scenario = ScenarioSchema.parse({
  lans: [{ name: 'office', subnet: '10.77.0.0/24', gateway: '10.77.0.1' }],
  hosts: [
    { name: 'host1', docker: true, nics: [{ name: 'eth0', lan: 'office', ip: '10.77.0.10' }] },
    { name: 'laptop', docker: false, nics: [{ name: 'eth0', lan: 'office', ip: '10.77.0.50' }] },
  ],
})

describe('joinMachine', () => {
  const world = applyCommand(createWorld(scenario), 'host1', 'docker run -d --name web -p 8080:80 nginx').world

  it('adds a plain machine that reaches a published port, and that a per-machine rule does not cover', () => {
    const dropLaptop = applyCommand(world, 'host1', 'iptables -I DOCKER-USER -s 10.77.0.50 -j DROP').world
    const joined = joinMachine(dropLaptop, { name: 'newcomer', lan: 'office', ip: '10.77.0.77' })
    if (!joined.ok) throw new Error(joined.error.message)
    expect(runProbe(joined.value, 'laptop', 'curl -m 5 http://10.77.0.10:8080').outcome).toBe('timeout')
    expect(runProbe(joined.value, 'newcomer', 'curl -m 5 http://10.77.0.10:8080')).toMatchObject({ outcome: 'delivered', answeredBy: { host: 'host1', container: 'web' } })
  })

  it('is dropped by a rule for the interface', () => {
    const dropAll = applyCommand(world, 'host1', 'iptables -I DOCKER-USER -i eth0 -j DROP').world
    const joined = joinMachine(dropAll, { name: 'newcomer', lan: 'office', ip: '10.77.0.77' })
    expect(joined.ok && runProbe(joined.value, 'newcomer', 'curl -m 5 http://10.77.0.10:8080').outcome).toBe('timeout')
  })

  it.each([
    [{ name: 'newcomer', lan: 'lab', ip: '10.77.0.77' }, 'no LAN named "lab"'],
    [{ name: 'newcomer', lan: 'office', ip: '10.88.0.77' }, 'not in office'],
    [{ name: 'newcomer', lan: 'office', ip: '10.77.0.50' }, 'already in use'],
    [{ name: 'laptop', lan: 'office', ip: '10.77.0.77' }, 'already exists'],
    [{ name: 'newcomer', lan: 'office', ip: '10.77.0' }, 'not an IPv4 address'],
  ])('refuses %j', (joiner, message) => {
    const r = joinMachine(world, joiner)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.message).toContain(message)
  })
})
