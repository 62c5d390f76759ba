import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { toSlug } from '../content/mdx-heading-ids'
import { getRubric } from './rubrics'
import { formatRubricIssues, REVIEW_QUESTION_IDS, RubricSchema } from './rubric-schema'
import { isClauseBreak } from './text'

/** The ids a lesson page's headings get: an explicit `<hN id="…">`, or the slug of a Markdown heading's text. */
function lessonAnchors(lesson: string): string[] {
  const source = readFileSync(fileURLToPath(new URL(`../../content/lessons/${lesson}.mdx`, import.meta.url)), 'utf8')
  const explicit = [...source.matchAll(/<h[1-6] id="([^"]+)"/g)].map((m) => m[1] as string)
  const markdown = [...source.matchAll(/^#{1,6} (.+)$/gm)].map((m) => toSlug((m[1] as string).replace(/[`*_]/g, '')))
  return [...explicit, ...markdown]
}

const readRubric = (id: string): unknown =>
  JSON.parse(readFileSync(fileURLToPath(new URL(`../../content/review/rubrics/${id}.json`, import.meta.url)), 'utf8'))

describe.each(REVIEW_QUESTION_IDS)('content/review/rubrics/%s.json', (id) => {
  it('is a valid rubric for its own question', () => {
    const parsed = RubricSchema.safeParse(readRubric(id))
    expect(parsed.success ? [] : formatRubricIssues(`${id}.json`, parsed.error).split('\n')).toEqual([])
    expect(getRubric(id).rubric.questionId).toBe(id)
  })

  // A connective ends a clause in the answer and is skipped in a phrase, so "which driver|mode" would match every
  // "driver" and "mode": a phrase must not open with one.
  it('has no phrase that opens with a connective', () => {
    const { rubric } = getRubric(id)
    const opening = Object.entries(rubric.concepts).flatMap(([concept, phrases]) =>
      phrases
        .filter((phrase) => {
          const [first = ''] = phrase.replace(/^\s*\^/, '').trim().split(/\s+/)
          return first.split('|').every((alt) => isClauseBreak(alt.replace(/^=/, '')))
        })
        .map((phrase) => `${concept}: "${phrase}"`),
    )
    expect(opening).toEqual([])
  })

  it('points every point and wrong claim at a heading that exists in a lesson', () => {
    const { rubric } = getRubric(id)
    for (const item of [...rubric.points, ...rubric.wrongClaims]) {
      const href = rubric.sections[item.section] as string
      const [, lesson = '', anchor = ''] = /^\/lessons\/([a-z0-9-]+)#([a-z0-9-]+)$/.exec(href) ?? []
      expect(lessonAnchors(lesson), `${item.id} → ${href}`).toContain(anchor)
    }
  })
})

describe('RubricSchema errors', () => {
  const base = () => structuredClone(readRubric('review-q1')) as Record<string, unknown>

  it('names the field when a claim uses a concept that does not exist', () => {
    const broken = base()
    const points = broken.points as { claims: { all: string[] }[] }[]
    ;(points[0] as { claims: { all: string[] }[] }).claims = [{ all: ['no-such-concept'] }]
    const parsed = RubricSchema.safeParse(broken)
    expect(parsed.success).toBe(false)
    if (!parsed.success) {
      expect(formatRubricIssues('review-q1.json', parsed.error)).toContain(
        'review-q1.json: points[0].claims[0].all[0]: unknown concept "no-such-concept"',
      )
    }
  })

  it.each([
    ['an unknown section', (r: Record<string, unknown>) => ((r.points as { section: string }[])[0]!.section = 'nowhere'), 'unknown section "nowhere"'],
    ['a verdict naming a missing point', (r: Record<string, unknown>) => ((r.verdict as { correctAll: string[] }).correctAll = ['ghost']), 'unknown point "ghost"'],
    ['feedback that is not a sentence', (r: Record<string, unknown>) => ((r.points as { feedback: string }[])[0]!.feedback = 'add the kernel part'), 'must be one sentence'],
    ['a section link outside /lessons/', (r: Record<string, unknown>) => ((r.sections as Record<string, string>)['drivers'] = 'https://example.com'), 'must look like /lessons/slug#anchor'],
  ])('rejects %s with a clear message', (_name, breakIt, message) => {
    const broken = base()
    breakIt(broken)
    const parsed = RubricSchema.safeParse(broken)
    expect(parsed.success).toBe(false)
    if (!parsed.success) expect(formatRubricIssues('review-q1.json', parsed.error)).toContain(message)
  })
})
