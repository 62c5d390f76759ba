// Every simulator/fixtures/<name>.json runs through runScenario and must equal <name>.expected.json
// (xstate's SCXML suite style). Regenerate an expected file only after reading the diff.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runScenario } from './index'

const dir = join(import.meta.dirname, 'fixtures')
const names = readdirSync(dir).filter((f) => f.endsWith('.json') && !f.endsWith('.expected.json'))

describe('fixtures', () => {
  it('has fixtures', () => {
    expect(names.length).toBeGreaterThanOrEqual(3)
  })

  it.each(names)('%s', (name) => {
    const scenario: unknown = JSON.parse(readFileSync(join(dir, name), 'utf8'))
    const expected: unknown = JSON.parse(readFileSync(join(dir, name.replace(/\.json$/, '.expected.json')), 'utf8'))
    const result = runScenario(scenario)
    expect(result.ok).toBe(true)
    if (result.ok) expect(JSON.parse(JSON.stringify(result.value))).toEqual(expected)
  })
})
