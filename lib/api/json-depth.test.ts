import { describe, expect, it } from 'vitest'
import { MAX_JSON_DEPTH, jsonDepth } from './json-depth'

describe('jsonDepth', () => {
  it.each([
    ['1', 0],
    ['"[[[{{{"', 0],
    ['[]', 1],
    ['{"a":[1,{"b":[]}]}', 4],
    ['[[],[[]],[]]', 3],
    ['{"a":"\\"[[[","b":[]}', 2],
    ['["\\\\",[]]', 2],
  ])('%s nests %i deep', (text, depth) => {
    expect(jsonDepth(text)).toBe(depth)
    expect(jsonDepth(text)).toBe(maxDepthOf(JSON.parse(text)))
  })

  it('stops counting once past the bound, on thousands of "["', () => {
    expect(jsonDepth('['.repeat(100_000), MAX_JSON_DEPTH)).toBe(MAX_JSON_DEPTH + 1)
    expect(jsonDepth('['.repeat(100_000) + ']'.repeat(100_000))).toBe(100_000)
  })
})

/** The same measure on a parsed value, as the reference the scanner must agree with. */
function maxDepthOf(value: unknown): number {
  if (Array.isArray(value)) return 1 + Math.max(0, ...value.map(maxDepthOf))
  if (value !== null && typeof value === 'object') return 1 + Math.max(0, ...Object.values(value).map(maxDepthOf))
  return 0
}
