import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('server-only', () => ({}))

const { oneItemCatalog, openTempDb, testContext } = await import('../progress/test-helpers')
const { getProgress, findLearner } = await import('../progress/store.server')
const { LEARNER_COOKIE, verifyLearnerCookie } = await import('../api/identity.server')
const { handleChallengeAttempt, handleNextHint, handleReference, handleShownHints } = await import('./api.server')
const { SIMULATOR_VERSION } = await import('@/simulator')
const { ChallengeAttemptResponseSchema } = await import('./response-schema')
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
const attempt = (run: string, extra: Record<string, unknown> = {}) => JSON.stringify({ commands: [{ on: 'host1', run }], ...extra })

type Body = {
  passed: boolean
  recorded: boolean
  credit: { score: number; hintsUsed: number; referenceSeen: boolean } | null
  referenceAvailable: boolean
  checks: { passed: boolean; explanation: string; divergence: { message: string } | null }[]
}

describe('POST /api/challenges/[id]/attempts', () => {
  it('replays a right answer, records it with full credit and the versions that graded it, and sends no solution', async () => {
    const res = await handleChallengeAttempt(post('expose-nginx-8080', attempt('docker run -d --name web -p 8080:80 nginx')), ctx, 'expose-nginx-8080')
    expect(res.status).toBe(200)
    const body = (await res.json()) as Body
    expect(body).toMatchObject({ passed: true, recorded: true, credit: { score: 1, hintsUsed: 0, referenceSeen: false } })
    expect(body).not.toHaveProperty('solution')
    const cookie = new RegExp(`${LEARNER_COOKIE}=([^;]+)`).exec(res.headers.get('set-cookie') ?? '')?.[1]
    const learner = await findLearner(ctx.db, verifyLearnerCookie(ctx.secret, cookie)!)
    const progress = await getProgress(ctx.db, ctx.catalog, learner!)
    expect(progress.lessons[0]?.items[0]).toMatchObject({ attempts: 1, bestScore: 1 })
    const row = await ctx.db.selectFrom('attempt').selectAll().executeTakeFirstOrThrow()
    expect(row).toMatchObject({ raw_score: 1, hints_used: 0, reference_seen: 0, sim_version: SIMULATOR_VERSION, content_version: expect.stringMatching(/^[0-9a-f]{16}$/) })
  })

  it('a wrong answer fails with the explanation and the divergent hop, and only offers the reference', async () => {
    const res = await handleChallengeAttempt(post('expose-nginx-8080', attempt('docker run -d --name web nginx')), ctx, 'expose-nginx-8080')
    const json: unknown = await res.json()
    // The browser parses this exact shape; a drift between server and client fails here, not in production.
    expect(ChallengeAttemptResponseSchema.safeParse(json).success).toBe(true)
    const body = json as Body
    expect(body.passed).toBe(false)
    expect(body.checks[0]!.explanation).toMatch(/Connection refused/)
    expect(body.checks[0]!.divergence?.message).toMatch(/hop/)
    expect(JSON.stringify(json)).not.toContain('-p 8080:80')
    expect(body.referenceAvailable).toBe(true)
  })

  it('a challenge missing from content/grading.json is graded but not recorded', async () => {
    const res = await handleChallengeAttempt(post('macvlan-on-lan', attempt('docker run -d --name web --network host nginx')), ctx, 'macvlan-on-lan')
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ passed: false, recorded: false, attempt: null })
  })

  it.each([
    ['a forged "passed" claim', attempt('docker run -d --name web nginx', { passed: true }), /passed: is not a field this request accepts/],
    ['no commands field', JSON.stringify({}), /commands: /],
    ['a command without a host', JSON.stringify({ commands: [{ run: 'docker ps' }] }), /commands\[0\]\.on/],
    ['an empty command', JSON.stringify({ commands: [{ on: 'host1', run: '' }] }), /a command cannot be empty/],
    ['a client-side hint count (the server counts hints)', attempt('docker ps', { hintsUsed: 0 }), /hintsUsed: is not a field this request accepts/],
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

const ID = 'expose-nginx-8080'
const RIGHT = 'docker run -d --name web -p 8080:80 nginx'
const bare = (path: string, cookie?: string, method = 'POST') =>
  new Request(`http://localhost/api/challenges/${ID}/${path}`, { method, headers: cookie ? { cookie } : {} })

async function send(run: string, cookie?: string): Promise<{ body: Body; cookie: string }> {
  const res = await handleChallengeAttempt(post(ID, attempt(run), cookie ? { cookie } : {}), ctx, ID)
  expect(res.status).toBe(200)
  return { body: (await res.json()) as Body, cookie: cookie ?? res.headers.get('set-cookie')!.split(';')[0]! }
}

async function itemOf(cookie: string) {
  const learner = await findLearner(ctx.db, verifyLearnerCookie(ctx.secret, cookie.split('=')[1])!)
  return (await getProgress(ctx.db, ctx.catalog, learner!)).lessons[0]!.items[0]!
}

describe('hints and the reference solution, counted on the server (content/grading.json "help")', () => {
  it('posting the reference back after seeing it passes, capped at half credit, and the record says why', async () => {
    // Before any attempt, and after one that changed nothing, the reference is refused.
    const early = await handleReference(bare('reference'), ctx, ID)
    expect(early.status).toBe(409)
    expect(await early.json()).toMatchObject({ error: { code: 'reference-not-yet' } })
    const looked = await send('docker ps')
    expect(looked.body.referenceAvailable).toBe(false)
    expect((await handleReference(bare('reference', looked.cookie), ctx, ID)).status).toBe(409)

    const failed = await send('docker run -d --name web nginx', looked.cookie)
    expect(failed.body).toMatchObject({ passed: false, referenceAvailable: true, credit: { score: 0 } })
    const ref = await handleReference(bare('reference', looked.cookie), ctx, ID)
    expect(ref.status).toBe(200)
    const solution = ((await ref.json()) as { solution: { on: string; run: string }[]; cap: number })
    expect(solution).toEqual({ challengeId: ID, solution: [{ on: 'host1', run: RIGHT }], cap: 0.5 })

    const passed = await send(solution.solution[0]!.run, looked.cookie)
    expect(passed.body).toMatchObject({ passed: true, credit: { score: 0.5, hintsUsed: 0, referenceSeen: true } })
    // Passed, so the item is done (the course can be completed), but it counts 50 %, marked.
    expect(await itemOf(looked.cookie)).toMatchObject({ attempts: 3, bestScore: 0.5, done: true, referenceSeen: true })
  })

  it('a pass before any help keeps full credit when the learner looks at the reference afterwards', async () => {
    const first = await send(RIGHT)
    expect((await handleReference(bare('reference', first.cookie), ctx, ID)).status).toBe(200)
    await send(RIGHT, first.cookie)
    expect(await itemOf(first.cookie)).toMatchObject({ attempts: 2, bestScore: 1, referenceSeen: false })
  })

  it('serves the hint ladder one rung at a time, in order, counts it, and takes its cost off a later pass', async () => {
    const start = await send('docker ps')
    const { cookie } = start
    const none = await handleShownHints(bare('hints', cookie, 'GET'), ctx, ID)
    expect(await none.json()).toMatchObject({ hints: [], total: 3, referenceSeen: false, hintCost: 0.1, referenceCap: 0.5 })

    const one = (await (await handleNextHint(bare('hints', cookie), ctx, ID)).json()) as { hints: { level: string }[] }
    expect(one.hints.map((h) => h.level)).toEqual(['nudge'])
    const two = (await (await handleNextHint(bare('hints', cookie), ctx, ID)).json()) as { hints: { level: string }[] }
    expect(two.hints.map((h) => h.level)).toEqual(['nudge', 'concept'])
    // A reload reads the same two rungs back without revealing a third.
    const again = (await (await handleShownHints(bare('hints', cookie, 'GET'), ctx, ID)).json()) as { hints: unknown[] }
    expect(again.hints).toHaveLength(2)

    const afterTwo = await send(RIGHT, cookie)
    expect(afterTwo.body.credit).toEqual({ score: 0.8, hintsUsed: 2, referenceSeen: false })

    // The command rung is the answer in words: it counts as the reference.
    const three = (await (await handleNextHint(bare('hints', cookie), ctx, ID)).json()) as { hints: { level: string }[] }
    expect(three.hints.map((h) => h.level)).toEqual(['nudge', 'concept', 'command'])
    const afterCommand = await send(RIGHT, cookie)
    expect(afterCommand.body.credit).toEqual({ score: 0.5, hintsUsed: 2, referenceSeen: true })
    const more = await handleNextHint(bare('hints', cookie), ctx, ID)
    expect(more.status).toBe(409)
    expect(await more.json()).toMatchObject({ error: { code: 'no-more-hints' } })

    // The best counts: 0.8, after 2 hints.
    expect(await itemOf(cookie)).toMatchObject({ bestScore: 0.8, hintsUsed: 2, referenceSeen: false, done: true })
    const rows = await ctx.db.selectFrom('challenge_help').select(['help', 'rung', 'level']).orderBy('rung').execute()
    expect(rows).toEqual([
      { help: 'hint', rung: 0, level: 'nudge' },
      { help: 'hint', rung: 1, level: 'concept' },
      { help: 'hint', rung: 2, level: 'command' },
    ])
  })

  it('two hint requests at once reveal one rung each, never skipping or repeating one', async () => {
    const { cookie } = await send('docker ps')
    await Promise.all([handleNextHint(bare('hints', cookie), ctx, ID), handleNextHint(bare('hints', cookie), ctx, ID)])
    const rungs = await ctx.db.selectFrom('challenge_help').select('rung').orderBy('rung').execute()
    expect(rungs.map((r) => r.rung)).toEqual(rungs.map((_r, i) => i))
  })

  it('reading the hints without a cookie creates no learner and reveals nothing', async () => {
    const res = await handleShownHints(bare('hints', undefined, 'GET'), ctx, ID)
    expect(await res.json()).toMatchObject({ hints: [], total: 3 })
    expect(res.headers.get('set-cookie')).toBeNull()
    expect(await ctx.db.selectFrom('learner').selectAll().execute()).toEqual([])
  })
})
