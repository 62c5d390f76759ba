// How many SQL statements and round trips each hot request costs (issue 13, "Speed"), pinned on both backends so
// that they cannot silently grow. A round trip is everything sent to the database, BEGIN and COMMIT included; on
// PostgreSQL each one waits for the network and a pooled connection, on SQLite it is a call into the library.
// The figures are for a learner who already has a record (the steady state of a class), plus a first write.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { LogEvent } from 'kysely'

vi.mock('server-only', () => ({}))

const { openTempDb, testBackend, testContext, apiRequest, cookieFrom } = await import('../progress/test-helpers')
const { openDatabase } = await import('../db/connection.server')
const { GradingConfigSchema, toCatalog } = await import('../progress/grading')
const { handleGetProgress, handleLessonComplete, handleLessonVisit } = await import('../progress/api.server')
const { handleChallengeAttempt } = await import('../challenges/api.server')
const { handleQuizAttempt } = await import('../quiz/api.server')

type Ctx = ReturnType<typeof testContext>

const LESSON = 'container-networking-intro'
const CHALLENGE = 'expose-nginx-8080'
const QUIZ = 'container-networking-intro'
const catalog = toCatalog(
  [{ id: LESSON, title: 'Intro', sidebar_position: 1 }],
  GradingConfigSchema.parse({
    attemptPolicy: 'best',
    defaultLessonWeight: 1,
    lessons: { [LESSON]: { items: [{ kind: 'challenge', id: CHALLENGE, weight: 1 }, { kind: 'quiz', id: QUIZ, weight: 1 }] } },
  }),
)
// Only single-choice answers: the quiz engines must not be called.
const quizOpts = {
  deps: {
    runScenario: () => {
      throw new Error('simulator called for a quiz attempt with no predict answer')
    },
    gradeAnswer: () => {
      throw new Error('free-text grader called for a quiz attempt with no text answer')
    },
  },
}

let temp: Awaited<ReturnType<typeof openTempDb>>
let counted: Awaited<ReturnType<typeof openDatabase>>
let sent: string[] = []
let ctx: Ctx

beforeEach(async () => {
  temp = await openTempDb()
  // A second connection (pool) on the same database that logs what it sends.
  counted = await openDatabase(temp.config, { log: (e: LogEvent) => void (e.level === 'query' && sent.push(e.query.sql)) })
  ctx = testContext(counted, { catalog })
})
afterEach(async () => {
  await counted.destroy()
  await temp.close()
})

const isTransactionControl = (s: string) => /^(begin|commit|rollback)\b/i.test(s.trim())

/** Statements (without BEGIN/COMMIT) and round trips one request sends. */
async function cost(request: () => Promise<Response>): Promise<{ statements: number; roundTrips: number; status: number }> {
  sent = []
  const res = await request()
  return { statements: sent.filter((s) => !isTransactionControl(s)).length, roundTrips: sent.length, status: res.status }
}

const visit = (cookie?: string) => handleLessonVisit(apiRequest('/api/progress/visit', { body: { lessonId: LESSON }, cookie }), ctx)
const challengeAttempt = (cookie: string) =>
  handleChallengeAttempt(
    apiRequest(`/api/challenges/${CHALLENGE}/attempts`, { body: { commands: [{ on: 'host1', run: 'docker run -d --name web -p 8080:80 nginx' }] }, cookie }),
    ctx,
    CHALLENGE,
  )
const quizAttempt = (cookie: string) =>
  handleQuizAttempt(apiRequest(`/api/quizzes/${QUIZ}/attempts`, { body: { answers: { 'where-dnat-happens': { optionId: 'kernel-nat-prerouting' } } }, cookie }), ctx, QUIZ, quizOpts)

// statements / round trips per request; keep these at their minimum (one round trip for a read, one transaction
// for a write) and change them here on purpose only.
const STEADY = {
    'first write (new learner) POST /api/progress/visit': { statements: 2, roundTrips: 2 },
    // One statement: the learner and every list /progress shows, as JSON arrays (was 5: learner, lessons, attempts, history, classes).
    'GET /api/progress': { statements: 1, roundTrips: 1 },
    // The upsert alone, as the cookie's learner; the foreign key catches a learner that is not stored (was 2: look-up + upsert).
    'POST /api/progress/visit': { statements: 1, roundTrips: 1 },
    'POST /api/progress/complete': { statements: 1, roundTrips: 1 },
    // One transaction: lock/look up the learner, the learner's attempts (bounds), the help shown, the insert
    // (was 6 statements in 3 transactions: look-up, help, insert, lock, two bound reads).
    'POST /api/challenges/<id>/attempts': { statements: 4, roundTrips: 6 },
    // One transaction: lock/look up the learner, the learner's attempts (count, bounds, best score), the insert
    // (was 10 statements: look-up, count, insert, lock, two bound reads, four progress reads).
    'POST /api/quizzes/<id>/attempts': { statements: 3, roundTrips: 5 },
} as const
// The same on both backends: nothing here depends on the dialect but the SQL text.
const EXPECTED = { sqlite: STEADY, postgres: STEADY } as const

describe(`queries per request (${testBackend()})`, () => {
  it('sends no more statements and round trips than pinned, and every request succeeds', async () => {
    const measured: Record<string, { statements: number; roundTrips: number; status: number }> = {}
    const first = await cost(() => visit())
    measured['first write (new learner) POST /api/progress/visit'] = first
    // The learner now exists; the steady state follows (a second attempt of each item, so bounds have rows to read).
    const res = await visit()
    const cookie = cookieFrom(res)!
    await challengeAttempt(cookie)
    await quizAttempt(cookie)
    measured['GET /api/progress'] = await cost(() => handleGetProgress(apiRequest('/api/progress', { cookie }), ctx))
    measured['POST /api/progress/visit'] = await cost(() => visit(cookie))
    measured['POST /api/progress/complete'] = await cost(() => handleLessonComplete(apiRequest('/api/progress/complete', { body: { lessonId: LESSON }, cookie }), ctx))
    measured['POST /api/challenges/<id>/attempts'] = await cost(() => challengeAttempt(cookie))
    measured['POST /api/quizzes/<id>/attempts'] = await cost(() => quizAttempt(cookie))
    for (const [name, m] of Object.entries(measured)) expect({ name, status: m.status }).toEqual({ name, status: 200 })
    const counts = Object.fromEntries(Object.entries(measured).map(([k, { statements, roundTrips }]) => [k, { statements, roundTrips }]))
    expect(counts).toEqual(EXPECTED[testBackend()])
  })
})

describe(`a signed cookie for a learner that is not stored (${testBackend()})`, () => {
  it('gets a new learner on a lesson write (the foreign key refuses the first try) and on an attempt', async () => {
    const { LEARNER_COOKIE, signLearnerId, verifyLearnerCookie } = await import('./identity.server')
    const stale = `${LEARNER_COOKIE}=${signLearnerId(ctx.secret, '0f8fad5b-d9cb-469f-a165-70867728950e')}`
    for (const res of [await visit(stale), await challengeAttempt(stale), await quizAttempt(stale)]) {
      expect(res.status).toBe(200)
      const id = verifyLearnerCookie(ctx.secret, cookieFrom(res)?.split('=')[1])
      expect(id).toMatch(/^[0-9a-f-]{36}$/)
      expect(id).not.toBe('0f8fad5b-d9cb-469f-a165-70867728950e')
    }
    expect(await counted.selectFrom('learner').select('id').execute()).toHaveLength(3)
  })
})
