import { describe, expect, it, vi } from 'vitest'
import gradingJson from '@/content/grading.json'

vi.mock('server-only', () => ({}))

const { loadItemTitles, parseGradingConfig } = await import('./catalog.server')

describe('item titles for the progress page and the gradebook', () => {
  it('reads the title of every challenge and quiz content/grading.json grades', () => {
    const items = Object.values(parseGradingConfig(gradingJson).lessons).flatMap((l) => l.items)
    const titles = loadItemTitles(items)
    expect(titles.size).toBe(items.length)
    expect(titles.get('challenge:expose-nginx-8080')).toMatchObject({ title: 'Expose nginx on port 8080 to the LAN', contentVersion: expect.stringMatching(/^[0-9a-f]{16}$/) })
    expect(titles.get('quiz:chapter-test')).toMatchObject({ counts: 'last' })
    for (const [key, info] of titles) expect(typeof info === 'string' ? info : info.title, key).not.toBe(key.split(':')[1])
  })

  it('names the item and the missing file when a graded item has no content file', () => {
    const loaders = { challenge: () => null, quiz: () => ({ title: 'A quiz' }) }
    const items = [
      { kind: 'quiz' as const, id: 'q', weight: 1, required: true, passScore: 1 },
      { kind: 'challenge' as const, id: 'gone-away', weight: 1, required: true, passScore: 1 },
    ]
    expect(() => loadItemTitles(items, loaders)).toThrow(
      'content/grading.json grades challenge "gone-away", but there is no content/challenges/gone-away.json',
    )
  })
})
