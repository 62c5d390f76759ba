import { describe, expect, it } from 'vitest'
import { formatZodPath } from './zod-path'

describe('formatZodPath', () => {
  it.each([
    [[], ''],
    [['hosts'], 'hosts'],
    [['hosts', 1, 'nics', 0, 'ip'], 'hosts[1].nics[0].ip'],
    [[2, 'options'], '[2].options'],
  ] as const)('%j is %s', (path, text) => {
    expect(formatZodPath(path)).toBe(text)
  })
})
