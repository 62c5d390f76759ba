import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('server-only', () => ({}))

const { oneItemCatalog, openTempDb, testContext } = await import('../progress-test-helpers')
const { getProgress, findLearner } = await import('../progress.server')
const { LEARNER_COOKIE, verifyLearnerCookie } = await import('../identity.server')
const { handleChallengeAttempt } = await import('./api.server')
const { ChallengeAttemptResponseSchema } = await import('./response')
type Ctx = Parameters<typeof handleChallengeAttempt>[1]

// One temp database per test, through the progress layer's own helpers; the catalog grades only this item.
let temp: Awaited<ReturnType<typeof openTempDb>>
let ctx: Ctx
beforeEach(async () => {
  temp = await openTempDb()
  ctx = testContext(temp.db, { catalog: oneItemCatalog({ kind: 'challenge', id: 'expose-nginx-8080' }) })
})
afterEach(async () => {
  await temp.close()
})

const post = (id: string, body: string, headers: Record<string, string> = {}) =>
  new Request(`http://localhost/api/challenges/${id}/attempts`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body })
const attempt = (run: string, extra: Record<string, unknown> = {}) => JSON.stringify({ commands: [{ on: 'host1', run }], hintsUsed: 1, ...extra })

type Body = { passed: boolean; recorded: boolean; solution: unknown; checks: { passed: boolean; explanation: string; divergence: { message: string } | null }[] }

describe('POST /api/challenges/[id]/attempts', () => {
  it('replays a right answer, records it with the hints used, and offers no solution', async () => {
    const res = await handleChallengeAttempt(post('expose-nginx-8080', attempt('docker run -d --name web -p 8080:80 nginx')), ctx, 'expose-nginx-8080')
    expect(res.status).toBe(200)
    const body = (await res.json()) as Body
    expect(body).toMatchObject({ passed: true, recorded: true, solution: null })
    const cookie = new RegExp(`${LEARNER_COOKIE}=([^;]+)`).exec(res.headers.get('set-cookie') ?? '')?.[1]
    const learner = await findLearner(ctx.db, verifyLearnerCookie(ctx.secret, cookie)!)
    const progress = await getProgress(ctx.db, ctx.catalog, learner!)
    expect(progress.lessons[0]?.items[0]).toMatchObject({ attempts: 1, bestScore: 1 })
    const row = await ctx.db.selectFrom('attempt').select(['submission', 'feedback']).executeTakeFirstOrThrow()
    expect(JSON.parse(row.submission)).toMatchObject({ hintsUsed: 1 })
  })

  it('a wrong answer fails with the explanation, the divergent hop and the reference solution', async () => {
    const res = await handleChallengeAttempt(post('expose-nginx-8080', attempt('docker run -d --name web nginx')), ctx, 'expose-nginx-8080')
    const json: unknown = await res.json()
    // The browser parses this exact shape; a drift between server and client fails here, not in production.
    expect(ChallengeAttemptResponseSchema.safeParse(json).success).toBe(true)
    const body = json as Body
    expect(body.passed).toBe(false)
    expect(body.checks[0]!.explanation).toMatch(/Connection refused/)
    expect(body.checks[0]!.divergence?.message).toMatch(/hop/)
    expect(body.solution).toEqual([{ on: 'host1', run: 'docker run -d --name web -p 8080:80 nginx' }])
  })

  it('a challenge missing from content/grading.json is graded but not recorded', async () => {
    const res = await handleChallengeAttempt(post('macvlan-on-lan', attempt('docker run -d --name web --network host nginx')), ctx, 'macvlan-on-lan')
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ passed: false, recorded: false, attempt: null })
  })

  it.each([
    ['a forged "passed" claim', attempt('docker run -d --name web nginx', { passed: true }), /passed: is not a field this request accepts/],
    ['no commands field', JSON.stringify({ hintsUsed: 0 }), /commands: /],
    ['a command without a host', JSON.stringify({ commands: [{ run: 'docker ps' }], hintsUsed: 0 }), /commands\[0\]\.on/],
    ['an empty command', JSON.stringify({ commands: [{ on: 'host1', run: '' }], hintsUsed: 0 }), /a command cannot be empty/],
    ['negative hints', attempt('docker ps', { hintsUsed: -1 }), /hintsUsed/],
    ['malformed JSON', '{"commands": [', /not valid JSON/],
  ])('%s → 400', async (_name, body, message) => {
    const res = await handleChallengeAttempt(post('expose-nginx-8080', body), ctx, 'expose-nginx-8080')
    expect(res.status).toBe(400)
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(message)
  })

  it('a forged "passed" claim records nothing', async () => {
    await handleChallengeAttempt(post('expose-nginx-8080', attempt('docker ps', { passed: true })), ctx, 'expose-nginx-8080')
    expect(await ctx.db.selectFrom('attempt').selectAll().execute()).toEqual([])
  })

  it('an unknown challenge id → 404', async () => {
    const res = await handleChallengeAttempt(post('no-such', attempt('docker ps')), ctx, 'no-such')
    expect(res.status).toBe(404)
    expect(await res.json()).toMatchObject({ error: { code: 'unknown-item', message: 'There is no challenge "no-such".' } })
  })
})
