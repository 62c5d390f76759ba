import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('server-only', () => ({}))

const { openTempDb } = await import('../progress/test-helpers')
const { getOrCreateLearner, getProgress } = await import('../progress/store.server')
const { GradingConfigSchema, toCatalog } = await import('../progress/grading')
const { submitQuizAttempt } = await import('./attempt.server')
type Ctx = Parameters<typeof submitQuizAttempt>[0]

// Only single/multiple questions are answered here, so neither engine may be called; predict and text
// grading through the real simulator and rubric grader is tested in engines.server.test.ts.
const deps: Ctx['deps'] = {
  runScenario: () => {
    throw new Error('simulator called for an attempt with no predict answer')
  },
  gradeAnswer: () => {
    throw new Error('free-text grader called for an attempt with no text answer')
  },
}

const catalog = toCatalog(
  [{ id: 'container-networking-intro', title: 'Intro', sidebar_position: 1 }],
  GradingConfigSchema.parse({
    attemptPolicy: 'best',
    defaultLessonWeight: 1,
    lessons: { 'container-networking-intro': { items: [{ kind: 'quiz', id: 'container-networking-intro', weight: 1, passScore: 0.5 }] } },
  }),
)

let ctx: Ctx
let close: () => Promise<void>
beforeEach(async () => {
  const t = await openTempDb()
  const { learner } = await getOrCreateLearner(t.db, undefined)
  ctx = { db: t.db, catalog, learner, deps }
  close = t.close
})
afterEach(async () => close())

const right = { 'where-dnat-happens': { optionId: 'kernel-nat-prerouting' } }
const wrong = { 'where-dnat-happens': { optionId: 'input-chain' } }

describe('submitQuizAttempt', () => {
  // content/quizzes/container-networking-intro.json: "attempts": { "revealKeyAfter": 2, "penalty": 0.1, "counts": "best" }
  it('grades, stores the attempt, keeps the best credited score, and shows the key from the second attempt', async () => {
    const first = await submitQuizAttempt(ctx, 'container-networking-intro', { answers: right })
    if (!first.ok) throw new Error(first.error.message)
    expect(first.value.score).toBeCloseTo(1 / 4, 10)
    expect(first.value.bestScore).toBeCloseTo(1 / 4, 10)
    // Not passed (0.25 < 0.5) and the first attempt: a verdict per question, but no key.
    expect(first.value).toMatchObject({ keyRevealed: false, passed: false, attempt: { number: 1 } })
    expect(first.value.questions[0]).toMatchObject({ verdict: 'correct', feedback: ['Right.'] })
    expect(first.value.questions[0]?.options).toBeUndefined()

    const second = await submitQuizAttempt(ctx, 'container-networking-intro', { answers: { ...wrong, 'host-driver-facts': { optionIds: ['shares-namespace', 'publish-discarded', 'no-nat'] } } })
    if (!second.ok) throw new Error(second.error.message)
    // 0.25 less the 10 % penalty for a second attempt; the key shows from attempt 2 on.
    expect(second.value.rawScore).toBeCloseTo(1 / 4, 10)
    expect(second.value.score).toBeCloseTo(0.225, 10)
    expect(second.value.keyRevealed).toBe(true)
    expect(second.value.questions[0]?.options?.find((o) => o.picked)?.correct).toBe(false)

    const third = await submitQuizAttempt(ctx, 'container-networking-intro', { answers: wrong })
    if (!third.ok) throw new Error(third.error.message)
    expect(third.value.score).toBe(0)
    expect(third.value.bestScore).toBeCloseTo(1 / 4, 10)

    const progress = await getProgress(ctx.db, ctx.catalog, ctx.learner)
    const item = progress.lessons[0]?.items[0]
    expect(item).toMatchObject({ kind: 'quiz', id: 'container-networking-intro', attempts: 3, done: false })
    expect(progress.attempts.map((a) => a.id)).toContain(first.value.attempt.id)
    const stored = await ctx.db.selectFrom('attempt').select('feedback').where('id', '=', first.value.attempt.id).executeTakeFirstOrThrow()
    expect(JSON.parse(stored.feedback)).toEqual([
      // Stored as shown: without the key, so an export does not carry the explanation either.
      { questionId: 'where-dnat-happens', verdict: 'correct', score: 1, feedback: ['Right.'] },
      { questionId: 'host-driver-facts', verdict: 'unanswered', score: 0, feedback: ['Not answered in this attempt.'] },
      { questionId: 'predict-published-port', verdict: 'unanswered', score: 0, feedback: ['Not answered in this attempt.'] },
      { questionId: 'host-vs-bridge', verdict: 'unanswered', score: 0, feedback: ['Not answered in this attempt.'] },
    ])
  })

  it.each([
    ['an unknown quiz', 'no-such-quiz', { answers: right }, 'unknown-item', /There is no quiz "no-such-quiz"/],
    ['a body that is not an object', 'container-networking-intro', [right], 'invalid-fields', /\(root\): Invalid input: expected object, received array/],
    ['an unknown top-level field', 'container-networking-intro', { answers: right, score: 1 }, 'invalid-fields', /Unrecognized key: "score"/],
    ['no answers', 'container-networking-intro', { answers: {} }, 'invalid-fields', /answers: answer at least one question/],
    ['an unknown question', 'container-networking-intro', { answers: { q9: { optionId: 'a' } } }, 'invalid-fields', /answers\.q9: quiz "container-networking-intro" has no question "q9"/],
    ['a wrong answer shape', 'container-networking-intro', { answers: { 'where-dnat-happens': 'kernel-nat-prerouting' } }, 'invalid-fields', /answers\.where-dnat-happens: a single question takes/],
  ])('%s is refused with a message naming it, and nothing is stored', async (_name, quizId, body, code, message) => {
    const r = await submitQuizAttempt(ctx, quizId, body)
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.error.code).toBe(code)
      expect(r.error.message).toMatch(message)
    }
    const progress = await getProgress(ctx.db, ctx.catalog, ctx.learner)
    expect(progress.attempts).toEqual([])
  })

  it('a quiz the course does not grade (missing from content/grading.json) is refused by the progress layer', async () => {
    const ungraded = toCatalog(
      [{ id: 'container-networking-intro', title: 'Intro', sidebar_position: 1 }],
      GradingConfigSchema.parse({ attemptPolicy: 'best', defaultLessonWeight: 1, lessons: {} }),
    )
    const r = await submitQuizAttempt({ ...ctx, catalog: ungraded }, 'container-networking-intro', { answers: right })
    expect(r).toEqual({ ok: false, error: { code: 'unknown-item', message: 'There is no quiz "container-networking-intro" in this course.' } })
  })
})
