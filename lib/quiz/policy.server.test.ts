// A quiz's attempt policy (the "attempts" field, content/quizzes/README.md) through the real attempt path: a temp
// quiz file, a real SQLite file, the progress layer. A wrong attempt tells right from wrong per question without
// naming the right option; the key shows after a pass or on the last attempt allowed; attempts past "max" are
// refused; "last" counts the last attempt; the penalty takes its share off each later attempt.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('server-only', () => ({}))

const { openTempDb } = await import('../progress/test-helpers')
const { getOrCreateLearner, getProgress } = await import('../progress/store.server')
const { GradingConfigSchema, toCatalog } = await import('../progress/grading')
const { loadItemTitles } = await import('../progress/catalog.server')
const { submitQuizAttempt } = await import('./attempt.server')
const { loadQuiz } = await import('./load.server')
const { AttemptResponseSchema } = await import('./response-schema')
type Ctx = Parameters<typeof submitQuizAttempt>[0]

const deps: Ctx['deps'] = {
  runScenario: () => {
    throw new Error('no predict question in this quiz')
  },
  gradeAnswer: () => {
    throw new Error('no text question in this quiz')
  },
}

const option = (id: string, correct: boolean) => ({ id, text: `Option ${id}`, correct, explanation: `Because ${id} is ${correct ? 'the one the kernel uses' : 'not how DNAT works'}.` })
function quizFile(attempts: unknown) {
  return {
    id: 'policy-quiz',
    title: 'Policy quiz',
    attempts,
    questions: [
      { id: 'q1', type: 'single', prompt: 'Which?', options: [option('a', true), option('b', false), option('c', false)] },
      { id: 'q2', type: 'multiple', prompt: 'Which ones?', options: [option('x', true), option('y', true), option('z', false)] },
    ],
  }
}
const RIGHT = { q1: { optionId: 'a' }, q2: { optionIds: ['x', 'y'] } }
const WRONG = { q1: { optionId: 'b' }, q2: { optionIds: ['x', 'z'] } }

let dir: string
let temp: Awaited<ReturnType<typeof openTempDb>>
beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'quiz-policy-'))
  temp = await openTempDb()
})
afterEach(async () => {
  await temp.close()
  rmSync(dir, { recursive: true, force: true })
})

async function setUp(attempts: unknown): Promise<Ctx> {
  writeFileSync(path.join(dir, 'policy-quiz.json'), JSON.stringify(quizFile(attempts)))
  const grading = GradingConfigSchema.parse({ attemptPolicy: 'best', defaultLessonWeight: 1, lessons: { l1: { items: [{ kind: 'quiz', id: 'policy-quiz', weight: 1, passScore: 0.7 }] } } })
  const titles = loadItemTitles(grading.lessons.l1!.items, { challenge: () => null, quiz: (id) => { const q = loadQuiz(id, dir); return q && { title: q.title, counts: q.attempts.counts } } })
  const { learner } = await getOrCreateLearner(temp.db, undefined)
  return { db: temp.db, catalog: toCatalog([{ id: 'l1', title: 'Lesson', sidebar_position: 1 }], grading, titles), learner, deps, quizDir: dir }
}

async function submit(ctx: Ctx, answers: unknown) {
  const r = await submitQuizAttempt(ctx, 'policy-quiz', { answers })
  if (!r.ok) return r
  // The browser parses this exact shape.
  return { ok: true as const, value: AttemptResponseSchema.parse(r.value) }
}

describe('quiz attempt policy', () => {
  it('keeps the key of a wrong attempt until the learner passes (revealKeyAfter "pass")', async () => {
    const ctx = await setUp({ revealKeyAfter: 'pass' })
    const wrong = await submit(ctx, WRONG)
    if (!wrong.ok) throw new Error(wrong.error.message)
    expect(wrong.value).toMatchObject({ keyRevealed: false, passed: false })
    expect(wrong.value.questions.map((q) => [q.verdict, q.feedback])).toEqual([
      ['incorrect', ['Not right: read the lesson section again and think about where the packet goes.']],
      ['incorrect', ['1 of the options you picked is not right.', 'You missed 1 right option.']],
    ])
    const text = JSON.stringify(wrong.value)
    expect(text).not.toContain('"correct"')
    expect(text).not.toMatch(/the one the kernel uses|not how DNAT works/)
    // Nor in the stored record, which /api/progress and an export read back.
    expect(JSON.stringify((await getProgress(ctx.db, ctx.catalog, ctx.learner)).attempts)).not.toMatch(/kernel uses|DNAT works/)

    const right = await submit(ctx, RIGHT)
    if (!right.ok) throw new Error(right.error.message)
    expect(right.value.keyRevealed).toBe(true)
    expect(right.value.questions[0]?.options?.find((o) => o.correct)?.id).toBe('a')
    expect(right.value.questions[0]?.feedback).toEqual(['Because a is the one the kernel uses.'])
  })

  it('refuses attempts past "max" (409), shows the key on the last one, and counts the last attempt with "last"', async () => {
    const ctx = await setUp({ max: 2, revealKeyAfter: 'pass', counts: 'last' })
    const first = await submit(ctx, RIGHT)
    if (!first.ok) throw new Error(first.error.message)
    expect(first.value).toMatchObject({ score: 1, bestScore: 1, policy: { max: 2, remaining: 1, counts: 'last' } })
    const second = await submit(ctx, WRONG)
    if (!second.ok) throw new Error(second.error.message)
    // The last attempt allowed shows the key even though it failed, and it is the one that counts.
    expect(second.value).toMatchObject({ keyRevealed: true, passed: false, bestScore: 0, policy: { remaining: 0 } })
    const third = await submitQuizAttempt(ctx, 'policy-quiz', { answers: RIGHT })
    expect(third).toMatchObject({ ok: false, error: { code: 'attempts-exhausted', message: expect.stringMatching(/used all 2 attempts/) } })
    const item = (await getProgress(ctx.db, ctx.catalog, ctx.learner)).lessons[0]!.items[0]!
    // Passed once, so the item is done; the last attempt's score is the one that counts.
    expect(item).toMatchObject({ counts: 'last', attempts: 2, bestScore: 0, done: true })
  })

  it('takes the penalty off each later attempt, shows the key from attempt N, and counts the best credit', async () => {
    const ctx = await setUp({ revealKeyAfter: 2, penalty: 0.25, counts: 'best' })
    const first = await submit(ctx, WRONG)
    if (!first.ok) throw new Error(first.error.message)
    expect(first.value.keyRevealed).toBe(false)
    const second = await submit(ctx, WRONG)
    if (!second.ok) throw new Error(second.error.message)
    expect(second.value.keyRevealed).toBe(true)
    const third = await submit(ctx, RIGHT)
    if (!third.ok) throw new Error(third.error.message)
    // Attempt 3: 1 × (1 − 0.25 × 2) = 0.5, although every answer is right.
    expect(third.value).toMatchObject({ rawScore: 1, score: 0.5, bestScore: 0.5, passed: true })
  })

  it.each([
    [{ revealKeyAfter: 0 }, /attempts\.revealKeyAfter/],
    [{ penalty: 2 }, /attempts\.penalty: must be between 0 and 1/],
    [{ counts: 'first' }, /attempts\.counts/],
    [{ max: 0 }, /attempts\.max: must be at least 1/],
    [{ retries: 3 }, /attempts: Unrecognized key/],
  ])('a bad policy %j fails the quiz load, naming the field', (attempts, message) => {
    writeFileSync(path.join(dir, 'policy-quiz.json'), JSON.stringify(quizFile(attempts)))
    expect(() => loadQuiz('policy-quiz', dir)).toThrow(message)
  })
})
