import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('server-only', () => ({}))

const { oneItemCatalog, openTempDb, testContext } = await import('../progress/test-helpers')
const { getProgress, findLearner } = await import('../progress/store.server')
const { LEARNER_COOKIE, verifyLearnerCookie } = await import('../api/identity.server')
const { handleQuizAttempt } = await import('./api.server')
const { gradeDeps } = await import('./engines.server')
type Ctx = Parameters<typeof handleQuizAttempt>[1]
type Opts = Parameters<typeof handleQuizAttempt>[3]

// Only single/multiple answers reach the grader in this file; the engines must not be called.
const opts: Opts = {
  deps: {
    runScenario: () => {
      throw new Error('simulator called for an attempt with no predict answer')
    },
    gradeAnswer: () => {
      throw new Error('free-text grader called for an attempt with no text answer')
    },
  },
}

// One temp database per test, through the progress layer's own helpers; the catalog grades only this item.
let temp: Awaited<ReturnType<typeof openTempDb>>
let ctx: Ctx
beforeEach(async () => {
  temp = await openTempDb()
  ctx = testContext(temp.db, { catalog: oneItemCatalog({ kind: 'quiz', id: 'container-networking-intro' }) })
})
afterEach(async () => {
  await temp.close()
})

function post(body: string, headers: Record<string, string> = {}): Request {
  return new Request('http://localhost/api/quizzes/container-networking-intro/attempts', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  })
}
const RIGHT = JSON.stringify({ answers: { 'where-dnat-happens': { optionId: 'kernel-nat-prerouting' } } })
const WRONG = JSON.stringify({ answers: { 'where-dnat-happens': { optionId: 'daemon-copies' } } })

async function errorOf(res: Response): Promise<{ status: number; code: string; message: string }> {
  const body = (await res.json()) as { error: { code: string; message: string } }
  return { status: res.status, code: body.error.code, message: body.error.message }
}

function learnerCookie(res: Response): string {
  const set = res.headers.get('set-cookie') ?? ''
  const value = new RegExp(`${LEARNER_COOKIE}=([^;]+)`).exec(set)?.[1]
  if (!value) throw new Error(`no learner cookie in "${set}"`)
  return `${LEARNER_COOKIE}=${value}`
}

describe('POST /api/quizzes/[id]/attempts', () => {
  it('grades and records attempts for the learner in the cookie; the best one counts', async () => {
    const first = await handleQuizAttempt(post(RIGHT), ctx, 'container-networking-intro', opts)
    expect(first.status).toBe(200)
    const cookie = learnerCookie(first)
    const body = (await first.json()) as { score: number; bestScore: number; questions: { verdict: string }[] }
    expect(body.questions.map((q) => q.verdict)).toEqual(['correct', 'unanswered', 'unanswered', 'unanswered'])

    const second = await handleQuizAttempt(post(WRONG, { cookie }), ctx, 'container-networking-intro', opts)
    expect(second.status).toBe(200)
    expect(second.headers.get('set-cookie')).toBeNull()
    expect(await second.json()).toMatchObject({ score: 0, bestScore: 0.25 })

    const id = verifyLearnerCookie(ctx.secret, cookie.split('=')[1])
    const learner = id && (await findLearner(ctx.db, id))
    if (!learner) throw new Error('learner not stored')
    const progress = await getProgress(ctx.db, ctx.catalog, learner)
    expect(progress.lessons[0]?.items[0]).toMatchObject({ attempts: 2, bestScore: 0.25 })
  })

  it('grades predict and text answers with the real simulator and rubric grader', async () => {
    const body = JSON.stringify({
      answers: {
        'predict-published-port': { outcome: 'delivered', answererId: 'web' },
        'host-vs-bridge': { text: 'host mode gives the container its own IP address on docker0' },
      },
    })
    const res = await handleQuizAttempt(post(body), ctx, 'container-networking-intro', { deps: gradeDeps })
    expect(res.status).toBe(200)
    const graded = (await res.json()) as { questions: { questionId: string; verdict: string; feedback: string[] }[] }
    const byId = new Map(graded.questions.map((q) => [q.questionId, q]))
    expect(byId.get('predict-published-port')?.verdict).toBe('partial')
    expect(byId.get('host-vs-bridge')?.verdict).toBe('incorrect')
    expect(byId.get('host-vs-bridge')?.feedback.length).toBeGreaterThan(0)
  })

  it.each([
    ['malformed JSON', post('{"answers": '), 400, 'bad-json', /not valid JSON/],
    ['an empty body', post(''), 400, 'bad-json', /body is empty/],
    ['answers of the wrong type', post('{"answers": "kernel"}'), 400, 'invalid-fields', /answers: Invalid input: expected record/],
    ['an unknown field (a forged score)', post(JSON.stringify({ answers: { 'where-dnat-happens': { optionId: 'daemon-copies' } }, score: 1 })), 400, 'invalid-fields', /score: is not a field this request accepts/],
    ['no answers', post('{"answers": {}}'), 400, 'invalid-fields', /answers: answer at least one question/],
    ['an answer of the wrong shape', post(JSON.stringify({ answers: { 'host-driver-facts': { optionId: 'no-nat' } } })), 400, 'invalid-fields', /answers\.host-driver-facts: a multiple question takes \{ "optionIds"/],
    ['a question that does not exist', post(JSON.stringify({ answers: { 'review-q1': { text: 'x' } } })), 400, 'invalid-fields', /has no question "review-q1"/],
    ['an option that does not exist', post(JSON.stringify({ answers: { 'where-dnat-happens': { optionId: 'all-of-them' } } })), 400, 'invalid-fields', /no option "all-of-them"/],
    ['a body over 64 kB', post(JSON.stringify({ answers: { 'host-vs-bridge': { text: 'a'.repeat(70_000) } } })), 400, 'body-too-large', /larger than 64 kB/],
    ['a body that is not JSON', post('answers=1', { 'content-type': 'application/x-www-form-urlencoded' }), 415, 'unsupported-media-type', /Content-Type: application\/json/],
  ])('%s → %i', async (_name, request, status, code, message) => {
    const res = await handleQuizAttempt(request, ctx, 'container-networking-intro', opts)
    const err = await errorOf(res)
    expect(err).toMatchObject({ status, code })
    expect(err.message).toMatch(message)
  })

  it('an unknown quiz id → 404, before the body is read', async () => {
    const err = await errorOf(await handleQuizAttempt(post('not json'), ctx, 'no-such-quiz', opts))
    expect(err).toEqual({ status: 404, code: 'unknown-item', message: 'There is no quiz "no-such-quiz".' })
  })

  it('a forged cookie does not reach the learner it names: the attempt goes to a new learner', async () => {
    const victim = await handleQuizAttempt(post(RIGHT), ctx, 'container-networking-intro', opts)
    const victimCookie = learnerCookie(victim)
    const forged = victimCookie.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'))
    const res = await handleQuizAttempt(post(WRONG, { cookie: forged }), ctx, 'container-networking-intro', opts)
    expect(learnerCookie(res)).not.toBe(victimCookie)
    const victimId = verifyLearnerCookie(ctx.secret, victimCookie.split('=')[1])
    const learner = victimId && (await findLearner(ctx.db, victimId))
    if (!learner) throw new Error('victim not stored')
    expect((await getProgress(ctx.db, ctx.catalog, learner)).attempts).toHaveLength(1)
  })
})
