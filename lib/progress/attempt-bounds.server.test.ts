// Bounded growth (issue 12): however many attempts a learner posts, what is stored stays bounded, grades are unchanged,
// and the learner's own export always imports back into a fresh learner with the same grade.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('server-only', () => ({}))

const api = await import('./api.server')
const { MAX_RECORD_BYTES } = await import('../api/http.server')
const { FULL_TEXT_BUDGET, KEEP_ROWS_PER_ITEM } = await import('./attempt-bounds.server')
const { getOrCreateLearner, getProgress, recordAttempt } = await import('./store.server')
const { LEARNER_COOKIE, signLearnerId } = await import('../api/identity.server')
const { ProgressSchema } = await import('../schemas')
const { openTempDb, testContext, apiRequest } = await import('./test-helpers')

let t: Awaited<ReturnType<typeof openTempDb>>
let ctx: ReturnType<typeof testContext>
beforeEach(async () => {
  t = await openTempDb()
  ctx = testContext(t.db)
})
afterEach(async () => {
  vi.useRealTimers()
  await t.close()
})

async function learnerCookie() {
  const { learner } = await getOrCreateLearner(t.db, undefined)
  return { learner, cookie: `${LEARNER_COOKIE}=${signLearnerId(ctx.secret, learner.id)}` }
}

/** A challenge attempt of 300 long commands (about 60 kB, just under the body limit) scored `score`. */
function bigAttempt(learnerId: string, score: number, tag: number) {
  const commands = Array.from({ length: 300 }, (_, i) => ({ on: 'host1', run: `docker network create --subnet 10.${i % 250}.${tag % 250}.0/24 ${'n'.repeat(150)}-${i}` }))
  return recordAttempt(t.db, ctx.catalog, learnerId, {
    kind: 'challenge',
    itemId: 'publish-port',
    submission: { commands, hintsUsed: 0 },
    grade: () => ({ score, passed: score === 1, feedback: { checks: [{ id: 'c', passed: score === 1, explanation: 'x'.repeat(500) }] } }),
  })
}

describe('bounded attempt history', () => {
  it('keeps a script of 200 big attempts to a bounded record that exports, imports back and grades the same', async () => {
    const { learner, cookie } = await learnerCookie()
    // The one full pass is early, so it is merged into the summary of older attempts.
    for (let i = 0; i < 200; i++) await bigAttempt(learner.id, i === 7 ? 1 : i % 3 === 0 ? 0.5 : 0, i)
    for (let i = 0; i < 30; i++) {
      await recordAttempt(t.db, ctx.catalog, learner.id, { kind: 'quiz', itemId: 'bridge-quiz', submission: { answers: { q: i } }, grade: () => ({ score: 0.25, passed: false, feedback: null }) })
    }
    const before = await getProgress(t.db, ctx.catalog, learner)
    const challenge = before.lessons[1]?.items.find((i) => i.id === 'publish-port')
    expect(challenge).toMatchObject({ attempts: 200, bestScore: 1, done: true })
    expect(before.lessons[1]?.items.find((i) => i.id === 'bridge-quiz')).toMatchObject({ attempts: 30, bestScore: 0.25 })

    const rows = await t.db.selectFrom('attempt').select(['kind', 'submission', 'feedback', 'attempt_count']).where('learner_id', '=', learner.id).execute()
    expect(rows.filter((r) => r.kind === 'challenge')).toHaveLength(KEEP_ROWS_PER_ITEM + 1)
    expect(rows.filter((r) => r.kind === 'quiz')).toHaveLength(KEEP_ROWS_PER_ITEM + 1)
    expect(rows.reduce((n, r) => n + r.attempt_count, 0)).toBe(230)
    const kept = rows.reduce((n, r) => n + r.submission.length + r.feedback.length, 0)
    // Whole texts stop at the budget, plus at most the newest attempt and the "null"s of the summarised ones.
    expect(kept).toBeLessThanOrEqual(FULL_TEXT_BUDGET + 70_000 + rows.length * 8)

    const exported = await api.handleExport(apiRequest('/api/progress/export', { cookie }), ctx)
    const text = await exported.text()
    expect(Buffer.byteLength(text)).toBeLessThan(MAX_RECORD_BYTES)
    // A record imports into its own learner, so the fresh browser is on a second server sharing the secret, where
    // this learner's attempts are new.
    const other = await openTempDb()
    const otherCtx = testContext(other.db)
    const fresh = await api.handleImport(apiRequest('/api/progress/import', { raw: text }), otherCtx)
    expect(fresh.status).toBe(200)
    expect(await fresh.json()).toMatchObject({ attemptsAdded: 2 * (KEEP_ROWS_PER_ITEM + 1), skipped: [] })
    const freshCookie = fresh.headers.get('set-cookie')?.split(';')[0] ?? ''
    const after = ProgressSchema.parse(await (await api.handleGetProgress(apiRequest('/api/progress', { cookie: freshCookie }), otherCtx)).json())
    await other.close()
    expect(after.course).toEqual(before.course)
    expect(after.lessons.map((l) => [l.score, l.items.map((i) => [i.attempts, i.bestScore])])).toEqual(
      before.lessons.map((l) => [l.score, l.items.map((i) => [i.attempts, i.bestScore])]),
    )
  }, 60_000)

  it('keeps the newest attempts whole and a summary row that stands for the rest', async () => {
    const { learner } = await learnerCookie()
    // One second apart, so "newest" is well defined (attempts are ordered by their time).
    vi.useFakeTimers({ toFake: ['Date'] })
    for (let i = 0; i < KEEP_ROWS_PER_ITEM + 5; i++) {
      vi.setSystemTime(Date.UTC(2026, 0, 1, 0, 0, i))
      await recordAttempt(t.db, ctx.catalog, learner.id, { kind: 'quiz', itemId: 'bridge-quiz', submission: { n: i }, grade: () => ({ score: i === 2 ? 0.75 : 0.1, passed: i === 2, feedback: { n: i } }) })
    }
    const rows = await t.db
      .selectFrom('attempt')
      .select(['submission', 'score', 'passed', 'attempt_count'])
      .where('learner_id', '=', learner.id)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute()
    expect(rows).toHaveLength(KEEP_ROWS_PER_ITEM + 1)
    // Small attempts are far under the text budget: the newest 20 keep their submissions.
    expect(rows.slice(0, KEEP_ROWS_PER_ITEM).every((r) => r.submission !== 'null' && r.attempt_count === 1)).toBe(true)
    expect(rows.at(-1)).toMatchObject({ submission: 'null', score: 0.75, passed: 1, attempt_count: 5 })
  })
})
