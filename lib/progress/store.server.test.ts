import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('server-only', () => ({}))

const { openDatabase } = await import('../db/connection.server')
const progress = await import('./store.server')
const { openTempDb, testCatalog } = await import('./test-helpers')
const { migrations } = await import('../db/migrations')
const { KEEP_ROWS_PER_ITEM } = await import('./attempt-bounds.server')
type TempDb = Awaited<ReturnType<typeof openTempDb>>

let t: TempDb
beforeEach(async () => {
  t = await openTempDb()
})
afterEach(async () => {
  await t.close()
})

const passWhen = (ok: boolean) => () => ({ score: ok ? 1 : 0, passed: ok, feedback: { ok } })

describe('progress data layer', () => {
  it('creates a learner once and finds it again by id', async () => {
    const first = await progress.getOrCreateLearner(t.db, undefined)
    expect(first.created).toBe(true)
    expect(first.learner.progressCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/)
    const again = await progress.getOrCreateLearner(t.db, first.learner.id)
    expect(again).toEqual({ learner: first.learner, created: false })
  })

  it('counts visits, keeps the first completion time, and derives status', async () => {
    const catalog = testCatalog()
    const { learner } = await progress.getOrCreateLearner(t.db, undefined)
    await progress.recordLessonVisit(t.db, catalog, learner.id, 'intro')
    await progress.recordLessonVisit(t.db, catalog, learner.id, 'intro')
    expect((await progress.completeLesson(t.db, catalog, learner.id, 'intro')).ok).toBe(true)
    const firstDone = (await progress.getProgress(t.db, catalog, learner)).lessons[0]?.completedAt
    await progress.completeLesson(t.db, catalog, learner.id, 'intro')
    const p = await progress.getProgress(t.db, catalog, learner)
    expect(p.lessons.map((l) => [l.lessonId, l.status, l.visits])).toEqual([
      ['intro', 'completed', 2],
      ['bridge', 'not-started', 0],
    ])
    expect(p.lessons[0]?.completedAt).toBe(firstDone)
  })

  it('refuses unknown lessons and items with a message naming them', async () => {
    const catalog = testCatalog()
    const { learner } = await progress.getOrCreateLearner(t.db, undefined)
    const visit = await progress.completeLesson(t.db, catalog, learner.id, 'no-such-lesson')
    expect(visit).toEqual({ ok: false, error: { code: 'unknown-lesson', message: 'There is no lesson "no-such-lesson" in this course.' } })
    const attempt = await progress.recordChallengeAttempt(t.db, catalog, learner.id, 'nope', [], passWhen(true))
    expect(attempt.ok ? 'ok' : attempt.error.code).toBe('unknown-item')
  })

  it('grades attempts with the server-side grader and keeps the best score', async () => {
    const catalog = testCatalog()
    const { learner } = await progress.getOrCreateLearner(t.db, undefined)
    const grade = (commands: readonly string[]) => {
      const ok = commands.includes('docker run -p 8080:80 nginx')
      return { score: ok ? 1 : 0.25, passed: ok, feedback: { hint: ok ? 'published' : 'publish port 80' } }
    }
    await progress.recordChallengeAttempt(t.db, catalog, learner.id, 'publish-port', ['docker run nginx'], grade)
    const passed = await progress.recordChallengeAttempt(t.db, catalog, learner.id, 'publish-port', ['docker run -p 8080:80 nginx'], grade)
    await progress.recordChallengeAttempt(t.db, catalog, learner.id, 'publish-port', ['docker ps'], grade)
    const p = await progress.getProgress(t.db, catalog, learner)
    const item = p.lessons[1]?.items[0]
    expect(item).toMatchObject({ id: 'publish-port', attempts: 3, bestScore: 1, done: true })
    expect(p.attempts.map((a) => a.score).sort()).toEqual([0.25, 0.25, 1])
    // The attempt's answer carries its feedback; the progress read's history lists attempts without it.
    expect(passed.ok && passed.value.feedback).toEqual({ hint: 'published' })
    expect(p.attempts.find((a) => a.passed)).toEqual(expect.not.objectContaining({ feedback: expect.anything() }))
    expect(Object.keys(p.attempts[0] ?? {}).sort()).toEqual(['createdAt', 'id', 'itemId', 'kind', 'lessonId', 'passed', 'score'])
  })

  it('rejects a grader score outside 0..1 as a broken invariant', async () => {
    const { learner } = await progress.getOrCreateLearner(t.db, undefined)
    await expect(
      progress.recordAttempt(t.db, testCatalog(), learner.id, {
        kind: 'quiz',
        itemId: 'bridge-quiz',
        submission: {},
        grade: () => ({ score: 2, passed: true, feedback: null }),
      }),
    ).rejects.toThrow(/score 2, outside 0..1/)
  })

  it('finds a learner by progress code, and says so when none matches', async () => {
    const { learner } = await progress.getOrCreateLearner(t.db, undefined)
    const found = await progress.claimProgressCode(t.db, learner.progressCode)
    expect(found.ok && found.value.id).toBe(learner.id)
    const missing = await progress.claimProgressCode(t.db, 'ZZZZZZZZZZZZ')
    expect(missing.ok ? 'found' : missing.error.code).toBe('unknown-code')
  })

  it('keeps one learner out of another learner record', async () => {
    const catalog = testCatalog()
    const a = (await progress.getOrCreateLearner(t.db, undefined)).learner
    const b = (await progress.getOrCreateLearner(t.db, undefined)).learner
    await progress.completeLesson(t.db, catalog, a.id, 'intro')
    await progress.recordChallengeAttempt(t.db, catalog, a.id, 'publish-port', ['x'], passWhen(true))
    const pb = await progress.getProgress(t.db, catalog, b)
    expect(pb.lessons.every((l) => l.status === 'not-started')).toBe(true)
    expect(pb.attempts).toEqual([])
  })

  it('loses no update under 50 parallel attempts and visits for one learner', async () => {
    const catalog = testCatalog()
    const { learner } = await progress.getOrCreateLearner(t.db, undefined)
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        Promise.all([
          progress.recordChallengeAttempt(t.db, catalog, learner.id, 'publish-port', [`cmd ${i}`], passWhen(i === 49)),
          progress.recordLessonVisit(t.db, catalog, learner.id, 'bridge'),
        ]),
      ),
    )
    const p = await progress.getProgress(t.db, catalog, learner)
    // All 50 are counted; the oldest are merged into one summary row (progress/attempt-bounds.server.ts).
    expect(p.lessons[1]?.items[0]?.attempts).toBe(50)
    expect(p.attempts).toHaveLength(KEEP_ROWS_PER_ITEM + 1)
    expect(p.lessons[1]?.visits).toBe(50)
    expect(p.lessons[1]?.items[0]?.bestScore).toBe(1)
  })

  it('reopens an existing database without re-running migrations, and keeps the data', async () => {
    const { learner } = await progress.getOrCreateLearner(t.db, undefined)
    await progress.completeLesson(t.db, testCatalog(), learner.id, 'intro')
    const second = await openDatabase(t.config)
    const applied = await second.selectFrom('kysely_migration' as never).selectAll().execute()
    // Every migration was applied once, by the first open; the second open re-ran none of them.
    expect(applied).toHaveLength(Object.keys(migrations).length)
    const p = await progress.getProgress(second, testCatalog(), learner)
    expect(p.lessons[0]?.status).toBe('completed')
    await second.destroy()
  })
})
