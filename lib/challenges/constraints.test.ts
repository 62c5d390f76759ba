import { describe, expect, it } from 'vitest'
import { createWorld, runCommandLine, ScenarioSchema } from '@/simulator'
import { articleFor, checkConstraint } from './constraints'

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
