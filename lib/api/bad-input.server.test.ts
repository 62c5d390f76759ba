// Bad input never gives a 5xx (issue 12): every handler that reads a body answers a deeply nested one with a 400 that
// names the problem. Before the depth check, a record whose submission nested a few thousand arrays overflowed the
// stack in the signature's canonicalJson and the server answered 500 with an empty body.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('server-only', () => ({}))

const progressApi = await import('../progress/api.server')
const instructorApi = await import('../instructor/api.server')
const { handleChallengeAttempt } = await import('../challenges/api.server')
const { handleQuizAttempt } = await import('../quiz/api.server')
const { gradeDeps } = await import('../quiz/engines.server')
const { MAX_JSON_DEPTH } = await import('./json-depth')
const { ApiErrorSchema } = await import('../schemas')
const { openTempDb, testContext, apiRequest } = await import('../progress/test-helpers')

let t: Awaited<ReturnType<typeof openTempDb>>
let ctx: ReturnType<typeof testContext>
beforeEach(async () => {
  t = await openTempDb()
  ctx = testContext(t.db, { adminToken: 'instructor-token-123' })
})
afterEach(async () => {
  await t.close()
})

const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`
/** A record-shaped body whose one attempt's submission nests `depth` arrays: it passes the schema (submission is unknown). */
const deepRecord = (depth: number) =>
  `{"format":"packet-path-record","version":2,"learnerId":"5f0c3c1e-8a1b-4c2d-9e3f-0a1b2c3d4e5f","exportedAt":"2026-01-01T00:00:00.000Z","lessons":[],"attempts":[{"id":"a","kind":"quiz","itemId":"bridge-quiz","lessonId":"bridge","submission":${nested(depth)},"score":1,"passed":true,"feedback":null,"createdAt":"2026-01-01T00:00:00.000Z","rawScore":null,"hintsUsed":null,"referenceSeen":null,"contentVersion":null,"simVersion":null,"importedAt":null}],"help":[],"signature":"x"}`

type Handler = (raw: string) => Promise<Response>
const handlers: [string, Handler][] = [
  ['POST /api/progress/import', (raw) => progressApi.handleImport(apiRequest('/api/progress/import', { raw }), ctx)],
  ['POST /api/progress/complete', (raw) => progressApi.handleLessonComplete(apiRequest('/api/progress/complete', { raw }), ctx)],
  ['POST /api/progress/visit', (raw) => progressApi.handleLessonVisit(apiRequest('/api/progress/visit', { raw }), ctx)],
  ['POST /api/progress/claim', (raw) => progressApi.handleClaim(apiRequest('/api/progress/claim', { raw }), ctx)],
  ['POST /api/instructor/login', (raw) => instructorApi.handleAdminLogin(apiRequest('/api/instructor/login', { raw }), ctx)],
  [
    'POST /api/challenges/expose-nginx-8080/attempts',
    (raw) => handleChallengeAttempt(apiRequest('/api/challenges/expose-nginx-8080/attempts', { raw }), ctx, 'expose-nginx-8080'),
  ],
  [
    'POST /api/quizzes/container-networking-intro/attempts',
    (raw) => handleQuizAttempt(apiRequest('/api/quizzes/container-networking-intro/attempts', { raw }), ctx, 'container-networking-intro', { deps: gradeDeps }),
  ],
]

describe('deeply nested JSON bodies', () => {
  it.each(handlers)('%s answers thousands of "[" with a 400 naming the nesting', async (_name, handle) => {
    for (const raw of [nested(5000), deepRecord(5000), `{"answers":{"q":${nested(5000)}}}`]) {
      const res = await handle(raw)
      expect(res.status).toBe(400)
      const { error } = ApiErrorSchema.parse(await res.json())
      expect(error.code).toBe('bad-json')
      expect(error.message).toBe(`The request body nests arrays or objects more than ${MAX_JSON_DEPTH} levels deep; no request to this API needs that many.`)
    }
  })

  it('still reads a body nested up to the limit (the record is checked for its signature, not refused for depth)', async () => {
    const res = await progressApi.handleImport(apiRequest('/api/progress/import', { raw: deepRecord(MAX_JSON_DEPTH - 3) }), ctx)
    expect(res.status).toBe(400)
    expect(ApiErrorSchema.parse(await res.json()).error.code).toBe('bad-signature')
  })
})

describe('ids that name nothing', () => {
  // proxy.ts answers a path whose percent-encoding is malformed with 400 before any handler runs (e2e/security.spec.ts);
  // whatever else reaches a handler as an id, decoded or not, is a 404 naming it.
  it.each(['%FF', '\uFFFD', 'ÿ', '../grading', 'Expose-Nginx', 'a'.repeat(300)])('challenge and quiz attempts answer the id %j with 404', async (id) => {
    const body = JSON.stringify({ commands: [], hintsUsed: 0 })
    const challenge = await handleChallengeAttempt(apiRequest(`/api/challenges/x/attempts`, { raw: body }), ctx, id)
    expect(challenge.status).toBe(404)
    expect(ApiErrorSchema.parse(await challenge.json()).error.code).toBe('unknown-item')
    const quiz = await handleQuizAttempt(apiRequest(`/api/quizzes/x/attempts`, { raw: '{"answers":{"q":1}}' }), ctx, id, { deps: gradeDeps })
    expect(quiz.status).toBe(404)
    expect(ApiErrorSchema.parse(await quiz.json()).error.code).toBe('unknown-item')
  })
})

describe('a client that hangs up mid-body', () => {
  it('is answered 499 and logged as nothing: it is not a database outage', async () => {
    const { withApiContext } = await import('./context.server')
    const { isDatabaseUnavailable } = await import('../db/connection.server')
    // What Node's IncomingMessage fails the body stream with when the client closes the connection.
    const aborted = Object.assign(new Error('aborted'), { code: 'ECONNRESET' })
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"lessonId":'))
        controller.error(aborted)
      },
    })
    const request = new Request('http://localhost/api/progress/visit', { method: 'POST', headers: { 'content-type': 'application/json' }, body, duplex: 'half' } as RequestInit)
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    try {
      const res = await withApiContext((c) => progressApi.handleLessonVisit(request, c), async () => ctx)
      expect(res.status).toBe(499)
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('request-aborted')
      expect(warn).not.toHaveBeenCalled()
    } finally {
      warn.mockRestore()
    }
    expect(isDatabaseUnavailable(aborted)).toBe(false)
    // A database socket reset still is one (node-postgres's errors carry the syscall).
    expect(isDatabaseUnavailable(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET', syscall: 'read' }))).toBe(true)
    expect(await t.db.selectFrom('learner').select('id').execute()).toEqual([])
  })
})
