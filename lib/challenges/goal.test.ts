import { readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { goalText, parseGoal } from './goal'
import { challengeDir, loadChallenge } from './load.server'
import { ChallengeSchema, formatIssues } from './schema'

describe('parseGoal', () => {
  it('cuts the goal after each tag and reads the requirement ids; [-] states none', () => {
    const g = parseGoal('web is published on port 8080. [-] Drop the laptop (10.77.0.50). [#laptop] Keep host2 (10.77.0.11) and host1 working. [#host2 #host1]')
    expect(g.problems).toEqual([])
    expect(g.sentences).toEqual([
      { text: 'web is published on port 8080.', requirements: [] },
      { text: 'Drop the laptop (10.77.0.50).', requirements: ['laptop'] },
      { text: 'Keep host2 (10.77.0.11) and host1 working.', requirements: ['host2', 'host1'] },
    ])
  })

  it.each([
    ['Run nginx. [#web] Do not stop db.', /"Do not stop db\." has no tag/],
    ['Run nginx. Do not stop db. [#web]', /holds more than one sentence/],
    ['[#web] Run nginx.', /follows no sentence/],
    ['', /empty/],
  ])('names the problem in %j', (goal, problem) => {
    expect(parseGoal(goal).problems.join('\n')).toMatch(problem)
  })

  it('strips only the markup', () => {
    expect(goalText('Run nginx as web. [#web-nginx] It listens on port 80 (inside). [-]')).toBe('Run nginx as web. It listens on port 80 (inside).')
  })
})

const base = {
  id: 'x',
  title: 'X',
  world: { lans: [{ name: 'lan', subnet: '10.0.0.0/24' }], hosts: [{ name: 'h1', docker: true, nics: [{ name: 'eth0', lan: 'lan', ip: '10.0.0.2' }] }] },
  hints: [
    { level: 'nudge', text: 'a' },
    { level: 'concept', text: 'b' },
    { level: 'command', text: 'c' },
  ],
  points: 1,
}
const check = (verifies: string[]) => ({ id: 'c1', label: 'c', verifies, from: 'h1', run: 'curl http://10.0.0.2', expect: { outcome: 'refused' } })

describe('the schema ties goal sentences, requirements and checks together', () => {
  it('accepts a goal whose every sentence is tagged, and gives it back without markup', () => {
    const r = ChallengeSchema.safeParse({ ...base, goal: 'Nothing listens. [-] Keep port 80 closed. [#closed]', requirements: [{ id: 'closed', text: 'port 80 is closed' }], checks: [check(['closed'])] })
    expect(r.success ? r.data.goal : formatIssues(r.error)).toBe('Nothing listens. Keep port 80 closed.')
  })

  it.each([
    ['a sentence with no requirement', 'Keep port 80 closed. [#closed] Do not stop db.', [{ id: 'closed', text: 't' }], ['closed'], /"Do not stop db\." has no tag/],
    ['a tag naming no requirement', 'Keep port 80 closed. [#closed #db]', [{ id: 'closed', text: 't' }], ['closed'], /tags "#db", which is not in "requirements"/],
    ['a requirement no sentence states', 'Keep port 80 closed. [#closed]', [{ id: 'closed', text: 't' }, { id: 'db', text: 'd' }], ['closed', 'db'], /no goal sentence states "db"/],
    ['a requirement nothing verifies', 'Keep port 80 closed. [#closed] Do not stop db. [#db]', [{ id: 'closed', text: 't' }, { id: 'db', text: 'd' }], ['closed'], /no check or constraint verifies "db"/],
    ['a check verifying an unknown requirement', 'Keep port 80 closed. [#closed]', [{ id: 'closed', text: 't' }], ['closed', 'nope'], /verifies "nope", which is not in "requirements"/],
  ])('refuses %s', (_, goal, requirements, verifies, message) => {
    const r = ChallengeSchema.safeParse({ ...base, goal, requirements, checks: [check(verifies)] })
    expect(r.success).toBe(false)
    if (!r.success) expect(formatIssues(r.error)).toMatch(message)
  })
})

describe('every challenge', () => {
  const ids = readdirSync(challengeDir())
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''))

  it.each(ids)('%s: loads (every goal sentence states requirements that are checked), and learners see no markup', (id) => {
    const c = loadChallenge(id)!
    expect(c.requirements.length).toBeGreaterThan(0)
    expect(c.goal).not.toMatch(/\[(#|-\])/)
  })
})
