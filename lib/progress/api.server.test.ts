import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('server-only', () => ({}))

const api = await import('./api.server')
const { MAX_BODY_BYTES, MAX_RECORD_BYTES } = await import('../api/http.server')
const { getOrCreateLearner, recordChallengeAttempt } = await import('./store.server')
const { LEARNER_COOKIE, signLearnerId } = await import('../api/identity.server')
const { ApiErrorSchema, ProgressSchema } = await import('../schemas')
const { openTempDb, testContext, apiRequest, cookieFrom } = await import('./test-helpers')
const { PEER_HEADER } = await import('../api/client-address')
type Ctx = ReturnType<typeof testContext>

let t: Awaited<ReturnType<typeof openTempDb>>
let ctx: Ctx
beforeEach(async () => {
  t = await openTempDb()
  ctx = testContext(t.db)
})
afterEach(async () => {
  await t.close()
})

async function errorOf(res: Response) {
  return ApiErrorSchema.parse(await res.json()).error
}

/** A stored learner and the cookie naming it (a read no longer creates one; see 'stores no learner for a read'). */
async function newLearner(): Promise<string> {
  const { learner } = await getOrCreateLearner(t.db, undefined)
  return `${LEARNER_COOKIE}=${signLearnerId(ctx.secret, learner.id)}`
}

async function progressOf(cookie: string) {
  const res = await api.handleGetProgress(apiRequest('/api/progress', { cookie }), ctx)
  expect(res.headers.get('set-cookie')).toBeNull()
  return ProgressSchema.parse(await res.json())
}

describe('progress API', () => {
  it('creates a learner with an httpOnly SameSite=Lax cookie on the first write, not before', async () => {
    const res = await api.handleLessonVisit(apiRequest('/api/progress/visit', { body: { lessonId: 'intro' } }), ctx)
    expect(res.status).toBe(200)
    expect(res.headers.get('set-cookie')).toMatch(/^pp_learner=v1\.[0-9a-f-]{36}\.[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax/)
    const body = await progressOf(cookieFrom(res) ?? '')
    expect(body.progressCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/)
    expect(body.course.completed).toBe(false)
  })

  it('stores no learner for a read: progress and export of a new visitor insert no row and set no cookie', async () => {
    const forged = 'pp_learner=v1.0f8fad5b-d9cb-469f-a165-70867728950e.' + 'A'.repeat(43)
    for (const cookie of [undefined, forged]) {
      const progress = await api.handleGetProgress(apiRequest('/api/progress', { cookie }), ctx)
      expect(progress.status).toBe(200)
      expect(progress.headers.get('set-cookie')).toBeNull()
      const body = ProgressSchema.parse(await progress.json())
      expect(body).toMatchObject({ progressCode: null, attempts: [], course: { grade: 0, completed: false } })
      expect(body.lessons.map((l) => l.status)).toEqual(['not-started', 'not-started'])
      const exported = await api.handleExport(apiRequest('/api/progress/export', { cookie }), ctx)
      expect(exported.headers.get('set-cookie')).toBeNull()
      expect(await exported.json()).toMatchObject({ format: 'packet-path-record', lessons: [], attempts: [] })
    }
    const learners = await t.db.selectFrom('learner').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    expect(Number(learners.n)).toBe(0)
  })

  it('completes a lesson and shows it on the next read', async () => {
    const cookie = await newLearner()
    const res = await api.handleLessonComplete(apiRequest('/api/progress/complete', { body: { lessonId: 'intro' }, cookie }), ctx)
    expect(res.status).toBe(200)
    expect((await progressOf(cookie)).lessons[0]).toMatchObject({ lessonId: 'intro', status: 'completed', score: 1 })
  })

  it.each([
    ['malformed JSON', { raw: '{"lessonId": ' }, 'bad-json', /not valid JSON/],
    ['an empty body', { raw: '' }, 'bad-json', /empty/],
    ['an unknown field', { body: { lessonId: 'intro', passed: true } }, 'invalid-fields', /passed: is not a field this request accepts/],
    ['a wrong type', { body: { lessonId: 42 } }, 'invalid-fields', /lessonId: must be a text id/],
    ['a missing field', { body: {} }, 'invalid-fields', /lessonId/],
    ['an array body', { body: [] }, 'invalid-fields', /\(body\)/],
    ['a non-JSON content type', { raw: 'lessonId=intro', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, 'unsupported-media-type', /Content-Type: application\/json/],
  ])('answers %s with a message naming the problem', async (_name, opts, code, message) => {
    const res = await api.handleLessonComplete(apiRequest('/api/progress/complete', opts), ctx)
    const error = await errorOf(res)
    expect(res.status).toBe(code === 'unsupported-media-type' ? 415 : 400)
    expect(error.code).toBe(code)
    expect(error.message).toMatch(message)
    expect(res.headers.get('set-cookie')).toBeNull()
  })

  it('names each unknown field in `fields`', async () => {
    const res = await api.handleLessonComplete(apiRequest('/api/progress/complete', { body: { lessonId: 'intro', score: 1, passed: true } }), ctx)
    expect((await errorOf(res)).fields?.map((f) => f.path)).toEqual(['score', 'passed'])
  })

  it('refuses a body over 64 kB by Content-Length, and by the bytes actually read', async () => {
    const big = JSON.stringify({ lessonId: 'intro', pad: 'x'.repeat(MAX_BODY_BYTES) })
    const declared = await api.handleLessonComplete(apiRequest('/api/progress/complete', { raw: big }), ctx)
    expect(declared.status).toBe(400)
    expect((await errorOf(declared)).message).toMatch(/larger than 64 kB/)
    // A client that lies about the length (or streams without one) is cut off while reading.
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < 20; i++) c.enqueue(new TextEncoder().encode('x'.repeat(4096)))
        c.close()
      },
    })
    const lying = new Request('http://localhost/api/progress/complete', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': '20' },
      body: stream,
      duplex: 'half',
    } as RequestInit)
    const res = await api.handleLessonComplete(lying, ctx)
    expect(res.status).toBe(400)
    expect((await errorOf(res)).code).toBe('body-too-large')
  })

  it('answers an unknown lesson id with 404', async () => {
    const res = await api.handleLessonVisit(apiRequest('/api/progress/visit', { body: { lessonId: 'no-such-lesson' } }), ctx)
    expect(res.status).toBe(404)
    expect((await errorOf(res)).message).toBe('There is no lesson "no-such-lesson" in this course.')
  })

  it('never lets a tampered cookie reach another learner record', async () => {
    const alice = await newLearner()
    await api.handleLessonComplete(apiRequest('/api/progress/complete', { body: { lessonId: 'intro' }, cookie: alice }), ctx)
    const bob = await newLearner()
    const [, aliceId] = alice.split('.')
    const forged = bob.replace(/v1\.[0-9a-f-]{36}\./, `v1.${aliceId}.`)
    const res = await api.handleGetProgress(apiRequest('/api/progress', { cookie: forged }), ctx)
    expect(cookieFrom(res)).not.toBe(alice)
    const seen = ProgressSchema.parse(await res.json())
    expect(seen.lessons.every((l) => l.status === 'not-started')).toBe(true)
    expect((await progressOf(bob)).lessons[0]?.status).toBe('not-started')
  })

  it('keeps every update from 50 parallel requests of one learner', async () => {
    const cookie = await newLearner()
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        api.handleLessonVisit(apiRequest('/api/progress/visit', { body: { lessonId: i % 2 ? 'intro' : 'bridge' }, cookie }), ctx),
      ),
    )
    expect(responses.map((r) => r.status)).toEqual(Array(50).fill(200))
    const p = await progressOf(cookie)
    expect(p.lessons.map((l) => l.visits)).toEqual([25, 25])
  })
})

describe('progress codes', () => {
  it('resumes on another device with the code, ignoring case and dashes', async () => {
    const phone = await newLearner()
    await api.handleLessonComplete(apiRequest('/api/progress/complete', { body: { lessonId: 'intro' }, cookie: phone }), ctx)
    const { progressCode } = await progressOf(phone)
    const laptop = await newLearner()
    const res = await api.handleClaim(apiRequest('/api/progress/claim', { body: { code: (progressCode ?? '').toLowerCase() }, cookie: laptop }), ctx)
    expect(res.status).toBe(200)
    const resumed = cookieFrom(res)
    expect(resumed).toBe(phone)
    expect((await progressOf(resumed ?? '')).lessons[0]?.status).toBe('completed')
  })

  it('answers a wrong code with 404, a malformed one with 400', async () => {
    const wrong = await api.handleClaim(apiRequest('/api/progress/claim', { body: { code: 'ZZZZ-ZZZZ-ZZZZ' } }), ctx)
    expect(wrong.status).toBe(404)
    const bad = await api.handleClaim(apiRequest('/api/progress/claim', { body: { code: 'hello' } }), ctx)
    expect(bad.status).toBe(400)
    expect((await errorOf(bad)).message).toMatch(/code: must be 12 letters and digits/)
  })

  it('rate-limits claims to 5 a minute per address with a 429 saying when to retry', async () => {
    const from = { [PEER_HEADER]: '203.0.113.9' }
    for (let i = 0; i < 5; i++) {
      const res = await api.handleClaim(apiRequest('/api/progress/claim', { body: { code: 'ZZZZ-ZZZZ-ZZZZ' }, headers: from }), ctx)
      expect(res.status).toBe(404)
    }
    ctx.clock.now += 20_000
    const limited = await api.handleClaim(apiRequest('/api/progress/claim', { body: { code: 'ZZZZ-ZZZZ-ZZZZ' }, headers: from }), ctx)
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('40')
    expect((await errorOf(limited)).message).toBe('Too many progress-code attempts. Try again in 40 seconds.')
    ctx.clock.now += 40_000
    const later = await api.handleClaim(apiRequest('/api/progress/claim', { body: { code: 'ZZZZ-ZZZZ-ZZZZ' }, headers: from }), ctx)
    expect(later.status).toBe(404)
  })

  // Issue 12: the limit keys on the socket's address; X-Forwarded-For counts only from a proxy in TRUSTED_PROXIES.
  const claimFrom = (headers: Record<string, string>) =>
    api.handleClaim(apiRequest('/api/progress/claim', { body: { code: 'ZZZZ-ZZZZ-ZZZZ' }, headers }), ctx)

  it('keys on the socket address: a spoofed X-Forwarded-For from an untrusted peer does not escape the limit', async () => {
    vi.stubEnv('TRUSTED_PROXIES', '127.0.0.1')
    try {
      for (let i = 0; i < 5; i++) expect((await claimFrom({ [PEER_HEADER]: '203.0.113.20', 'x-forwarded-for': `192.0.2.${i}` })).status).toBe(404)
      expect((await claimFrom({ [PEER_HEADER]: '203.0.113.20', 'x-forwarded-for': '192.0.2.99' })).status).toBe(429)
      // …and cannot spend another client's budget by naming it.
      expect((await claimFrom({ [PEER_HEADER]: '203.0.113.21', 'x-forwarded-for': '203.0.113.20' })).status).toBe(404)
    } finally {
      vi.unstubAllEnvs()
    }
  })

  it('uses X-Forwarded-For from a trusted proxy: clients behind it get a budget each', async () => {
    vi.stubEnv('TRUSTED_PROXIES', '127.0.0.0/8, ::1')
    try {
      const viaProxy = (client: string) => ({ [PEER_HEADER]: '::ffff:127.0.0.1', 'x-forwarded-for': client })
      for (let i = 0; i < 5; i++) expect((await claimFrom(viaProxy('198.51.100.1'))).status).toBe(404)
      expect((await claimFrom(viaProxy('198.51.100.1'))).status).toBe(429)
      // A spoofed entry left of the proxy's own does not help: the right-most untrusted address is the client.
      expect((await claimFrom(viaProxy('192.0.2.7, 198.51.100.1'))).status).toBe(429)
      expect((await claimFrom(viaProxy('198.51.100.2'))).status).toBe(404)
    } finally {
      vi.unstubAllEnvs()
    }
  })
})

describe('record export and import', () => {
  const grade = (commands: readonly string[]) => ({ score: commands.length > 1 ? 1 : 0, passed: commands.length > 1, feedback: null })

  /** Alice completes "bridge" and passes the challenge; her downloaded record. */
  async function aliceRecord() {
    const alice = await newLearner()
    await api.handleLessonComplete(apiRequest('/api/progress/complete', { body: { lessonId: 'bridge' }, cookie: alice }), ctx)
    const aliceId = alice.split('.')[1] ?? ''
    await recordChallengeAttempt(t.db, ctx.catalog, aliceId, 'publish-port', ['a', 'b'], grade)
    const exported = await api.handleExport(apiRequest('/api/progress/export', { cookie: alice }), ctx)
    expect(exported.headers.get('content-disposition')).toMatch(/attachment/)
    return { alice, aliceId, record: (await exported.json()) as { learnerId: string } }
  }

  it('a record names its learner and re-imports into that learner as a no-op', async () => {
    const { alice, aliceId, record } = await aliceRecord()
    expect(record.learnerId).toBe(aliceId)
    const again = await api.handleImport(apiRequest('/api/progress/import', { body: record, cookie: alice }), ctx)
    expect(await again.json()).toEqual({ lessons: 1, attemptsAdded: 0, skipped: [], switchedLearner: false })
    expect(again.headers.get('set-cookie')).toBeNull()
  })

  it('is refused (409) for another learner with progress of their own, and adds nothing to that record', async () => {
    const { record } = await aliceRecord()
    const bob = await newLearner()
    await api.handleLessonComplete(apiRequest('/api/progress/complete', { body: { lessonId: 'intro' }, cookie: bob }), ctx)
    const res = await api.handleImport(apiRequest('/api/progress/import', { body: record, cookie: bob }), ctx)
    expect(res.status).toBe(409)
    expect(await errorOf(res)).toMatchObject({ code: 'record-other-learner', message: expect.stringMatching(/belongs to another learner/) })
    expect(res.headers.get('set-cookie')).toBeNull()
    const p = await progressOf(bob)
    expect(p.attempts).toEqual([])
    expect(p.lessons[1]).toMatchObject({ status: 'not-started' })
  })

  it('a fresh browser that imports the record becomes that learner (no copy is made)', async () => {
    const { aliceId, record } = await aliceRecord()
    const fresh = await newLearner()
    const res = await api.handleImport(apiRequest('/api/progress/import', { body: record, cookie: fresh }), ctx)
    expect(await res.json()).toEqual({ lessons: 1, attemptsAdded: 0, skipped: [], switchedLearner: true })
    const switched = cookieFrom(res)!
    expect(switched.split('.')[1]).toBe(aliceId)
    expect((await progressOf(switched)).lessons[1]?.items[0]).toMatchObject({ bestScore: 1, attempts: 1, imported: false })
    // Only Alice holds the attempt: the fresh learner got nothing.
    const holders = await t.db.selectFrom('attempt').select('learner_id').distinct().execute()
    expect(holders).toEqual([{ learner_id: aliceId }])
  })

  it('on another server (same SESSION_SECRET) a fresh browser imports the record as that learner, marked imported', async () => {
    const { aliceId, record } = await aliceRecord()
    const other = await openTempDb()
    try {
      const otherCtx = testContext(other.db)
      const res = await api.handleImport(apiRequest('/api/progress/import', { body: record }), otherCtx)
      expect(await res.json()).toEqual({ lessons: 1, attemptsAdded: 1, skipped: [], switchedLearner: true })
      const cookie = cookieFrom(res)!
      const got = ProgressSchema.parse(await (await api.handleGetProgress(apiRequest('/api/progress', { cookie }), otherCtx)).json())
      expect(got.lessons[1]).toMatchObject({ status: 'completed', items: [expect.objectContaining({ bestScore: 1, attempts: 1, imported: true }), expect.anything()] })
      expect((await other.db.selectFrom('learner').select('id').execute()).map((l) => l.id)).toEqual([aliceId])
    } finally {
      await other.close()
    }
  })

  it('ignores a forged "passed": an edited record fails its signature and changes nothing', async () => {
    const alice = await newLearner()
    const aliceId = alice.split('.')[1] ?? ''
    await recordChallengeAttempt(t.db, ctx.catalog, aliceId, 'publish-port', ['one'], grade)
    const record = await (await api.handleExport(apiRequest('/api/progress/export', { cookie: alice }), ctx)).json()
    record.attempts[0].score = 1
    record.attempts[0].passed = true
    const res = await api.handleImport(apiRequest('/api/progress/import', { body: record, cookie: alice }), ctx)
    expect(res.status).toBe(400)
    expect((await errorOf(res)).code).toBe('bad-signature')
    expect((await progressOf(alice)).lessons[1]?.items[0]?.bestScore).toBe(0)
  })

  it('imports a record over 64 kB (up to 1 MB) but refuses a larger one', async () => {
    const alice = await newLearner()
    const aliceId = alice.split('.')[1] ?? ''
    // As many attempts as an item keeps as rows of their own (progress/attempt-bounds.server.ts), all kept whole.
    const long = Array.from({ length: 90 }, (_, i) => `docker network create --subnet 10.${i}.0.0/24 net-${i}`)
    for (let i = 0; i < 20; i++) await recordChallengeAttempt(t.db, ctx.catalog, aliceId, 'publish-port', long, grade)
    const text = await (await api.handleExport(apiRequest('/api/progress/export', { cookie: alice }), ctx)).text()
    expect(text.length).toBeGreaterThan(MAX_BODY_BYTES)
    // Into a second server sharing the secret, where Alice's attempts are new.
    const other = await openTempDb()
    const res = await api.handleImport(apiRequest('/api/progress/import', { raw: text }), testContext(other.db))
    expect(await res.json()).toMatchObject({ attemptsAdded: 20 })
    await other.close()
    const bob = await newLearner()
    const huge = JSON.stringify({ pad: 'x'.repeat(MAX_RECORD_BYTES) })
    const refused = await api.handleImport(apiRequest('/api/progress/import', { raw: huge, cookie: bob }), ctx)
    expect(refused.status).toBe(400)
    expect((await errorOf(refused)).message).toMatch(/larger than 1024 kB/)
  })

  it('rejects something that is not a record, naming the field', async () => {
    const res = await api.handleImport(apiRequest('/api/progress/import', { body: { format: 'other' } }), ctx)
    expect(res.status).toBe(400)
    expect((await errorOf(res)).message).toMatch(/format: is not a Packet Path progress record/)
  })
})
