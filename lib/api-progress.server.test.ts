import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('server-only', () => ({}))

const api = await import('./api-progress.server')
const { MAX_BODY_BYTES, MAX_RECORD_BYTES } = await import('./api-http.server')
const { recordChallengeAttempt } = await import('./progress.server')
const { ApiErrorSchema, ProgressSchema } = await import('./schemas')
const { openTempDb, testContext, apiRequest, cookieFrom } = await import('./progress-test-helpers')
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

async function newLearner(): Promise<string> {
  const res = await api.handleGetProgress(apiRequest('/api/progress'), ctx)
  const cookie = cookieFrom(res)
  if (!cookie) throw new Error('no learner cookie was set')
  return cookie
}

async function progressOf(cookie: string) {
  const res = await api.handleGetProgress(apiRequest('/api/progress', { cookie }), ctx)
  expect(res.headers.get('set-cookie')).toBeNull()
  return ProgressSchema.parse(await res.json())
}

describe('progress API', () => {
  it('creates a learner with an httpOnly SameSite=Lax cookie on first read', async () => {
    const res = await api.handleGetProgress(apiRequest('/api/progress'), ctx)
    expect(res.status).toBe(200)
    expect(res.headers.get('set-cookie')).toMatch(/^pp_learner=v1\.[0-9a-f-]{36}\.[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax/)
    const body = ProgressSchema.parse(await res.json())
    expect(body.progressCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/)
    expect(body.course.completed).toBe(false)
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
    const res = await api.handleClaim(apiRequest('/api/progress/claim', { body: { code: progressCode.toLowerCase() }, cookie: laptop }), ctx)
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
    const from = { 'x-forwarded-for': '203.0.113.9' }
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
    const long = Array.from({ length: 60 }, (_, i) => `docker network create --subnet 10.${i}.0.0/24 net-${i}`)
    for (let i = 0; i < 40; i++) await recordChallengeAttempt(t.db, ctx.catalog, aliceId, 'publish-port', long, grade)
    const text = await (await api.handleExport(apiRequest('/api/progress/export', { cookie: alice }), ctx)).text()
    expect(text.length).toBeGreaterThan(MAX_BODY_BYTES)
    // Into a second server sharing the secret, where Alice's attempts are new.
    const other = await openTempDb()
    const res = await api.handleImport(apiRequest('/api/progress/import', { raw: text }), testContext(other.db))
    expect(await res.json()).toMatchObject({ attemptsAdded: 40 })
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
