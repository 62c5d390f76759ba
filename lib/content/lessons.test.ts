import { describe, expect, it } from 'vitest'
import {
  checkLessonSet,
  checkLessonSource,
  formatLessonError,
  formatZodPath,
  neighbours,
  parseFrontmatter,
  sortLessons,
  type LessonMeta,
} from './lessons'

const valid = {
  id: 'bridge-basics',
  title: 'Bridge basics',
  sidebar_position: 2,
  summary: 'How docker0 connects containers.',
  objectives: ['Explain a veth pair'],
  minutes: 10,
}

describe('parseFrontmatter', () => {
  it('accepts a complete front matter', () => {
    expect(parseFrontmatter('a.mdx', valid)).toEqual({ ok: true, value: valid })
  })

  it.each([
    ['missing title', { ...valid, title: undefined }, 'title', 'title is required'],
    ['position as text', { ...valid, sidebar_position: 'two' }, 'sidebar_position', 'must be a number'],
    ['fractional minutes', { ...valid, minutes: 2.5 }, 'minutes', 'whole number'],
    ['no objectives', { ...valid, objectives: [] }, 'objectives', 'at least one'],
    ['objective of the wrong type', { ...valid, objectives: ['ok', 7] }, 'objectives[1]', ''],
    ['id with spaces', { ...valid, id: 'Bridge Basics' }, 'id', 'kebab-case'],
    ['unknown field', { ...valid, sidebar_postion: 3 }, 'sidebar_postion', 'unknown front matter field'],
  ])('rejects %s, naming the field', (_name, data, field, message) => {
    const result = parseFrontmatter('content/lessons/x.mdx', data)
    expect(result.ok).toBe(false)
    if (result.ok) return
    const error = result.errors.find((e) => e.field === field)
    expect(error, JSON.stringify(result.errors)).toBeDefined()
    expect(error?.message).toContain(message)
    expect(formatLessonError(error!)).toContain(`content/lessons/x.mdx: front matter field "${field}":`)
  })
})

describe('formatZodPath', () => {
  it.each([
    [['objectives', 1], 'objectives[1]'],
    [['a', 'b', 0, 'c'], 'a.b[0].c'],
    [['title'], 'title'],
  ])('%j → %s', (path, text) => {
    expect(formatZodPath(path)).toBe(text)
  })
})

describe('sortLessons', () => {
  it('orders by sidebar_position, then id for ties, without mutating the input', () => {
    const input = [
      { id: 'c', sidebar_position: 70 },
      { id: 'b', sidebar_position: 3 },
      { id: 'a', sidebar_position: 70 },
    ]
    expect(sortLessons(input).map((l) => l.id)).toEqual(['b', 'a', 'c'])
    expect(input.map((l) => l.id)).toEqual(['c', 'b', 'a'])
  })
})

describe('checkLessonSet', () => {
  const meta = (id: string, file: string): LessonMeta => ({ ...valid, id, file })
  it('flags a file not named after its id and a duplicate id', () => {
    const errors = checkLessonSet([meta('one', 'x/one.mdx'), meta('one', 'x/two.mdx')])
    expect(errors.map((e) => [e.file, e.message])).toEqual([
      ['x/two.mdx', expect.stringContaining('does not match the file name')],
      ['x/two.mdx', expect.stringContaining('already used by x/one.mdx')],
    ])
  })
})

describe('checkLessonSource', () => {
  it('names the line of an unclosed code fence', () => {
    const src = ['---', 'id: a', '---', '', '```bash', 'docker ps', '```', '', '```', 'stray'].join('\n')
    expect(checkLessonSource('a.mdx', src)).toEqual([{ file: 'a.mdx', line: 9, message: 'code fence ``` is never closed' }])
  })

  it('names the line of mangled characters', () => {
    const src = 'Intro\n\nðŸ§  Think about it\n'
    const [error] = checkLessonSource('a.mdx', src)
    expect(error?.line).toBe(3)
    expect(error?.message).toContain('mangled characters')
  })

  it('rejects a hot-linked image but not a URL inside a code block', () => {
    const src = '<Figure src="https://example.com/x.png" alt="x" caption="x" />\n\n```\ncurl https://example.com\n```\n'
    expect(checkLessonSource('a.mdx', src)).toEqual([
      { file: 'a.mdx', line: 1, message: expect.stringContaining('must be local files') },
    ])
    expect(checkLessonSource('a.mdx', '![net](//cdn.example.com/a.png)')).toHaveLength(1)
  })

  it('accepts clean text with real emoji and local images', () => {
    expect(checkLessonSource('a.mdx', '🧠 Note: <Figure src="/diagrams/a.svg" alt="a" caption="b" />')).toEqual([])
  })
})

describe('neighbours', () => {
  const order = [{ id: 'a' }, { id: 'b' }, { id: 'c' }]
  it.each([
    ['a', undefined, 'b'],
    ['b', 'a', 'c'],
    ['c', 'b', undefined],
  ])('%s has prev %s and next %s', (id, prev, next) => {
    const n = neighbours(order, id)
    expect(n.prev?.id).toBe(prev)
    expect(n.next?.id).toBe(next)
  })
})
