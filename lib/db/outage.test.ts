// PostgreSQL going away while the app serves, and bad configuration at start (issue 13). A PostgreSQL server of
// its own (the suite's shared one must stay up), halted and resumed on the same data and port. No mock: the real
// driver sees a refused or dropped connection.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

vi.mock('server-only', () => ({}))
const { startPostgres, databaseUrl, freePort } = await import('../../scripts/pg-server.mjs')
const { openDatabase, isDatabaseUnavailable } = await import('./connection.server')
const { withApiContext } = await import('../api/context.server')
const { handleLessonVisit } = await import('../progress/api.server')
const { testContext, apiRequest } = await import('../progress/test-helpers')

let server: Awaited<ReturnType<typeof startPostgres>>
beforeAll(async () => {
  server = await startPostgres({ durable: false })
}, 60_000)
afterAll(() => server?.stop())

describe('PostgreSQL outage', () => {
  it('answers 503 with Retry-After while the database is down and recovers when it returns', async () => {
    const db = await openDatabase({ kind: 'postgres', url: server.url, poolSize: 4 })
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    try {
      const ctx = testContext(db)
      // A lesson visit writes (a read without a cookie answers without touching the database).
      const get = () => withApiContext((c) => handleLessonVisit(apiRequest('/api/progress/visit', { body: { lessonId: 'bridge' } }), c), async () => ctx)
      expect((await get()).status).toBe(200)

      server.halt()
      const down = await get()
      expect(down.status).toBe(503)
      expect(down.headers.get('retry-after')).toBe('5')
      expect(await down.json()).toMatchObject({ error: { code: 'database-unavailable', message: expect.stringMatching(/cannot be reached/) } })
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/the database cannot be reached; answering 503/))

      server.resume()
      // Connections the restart dropped are discarded by the pool; the first request on a new one succeeds.
      let status = 0
      for (let i = 0; i < 5 && status !== 200; i++) status = (await get()).status
      expect(status).toBe(200)
    } finally {
      warn.mockRestore()
      await db.destroy()
    }
  }, 60_000)
})

describe('bad configuration at start', () => {
  it('names an unreachable server and never falls back', async () => {
    const port = await freePort()
    const error = await openDatabase({ kind: 'postgres', url: `postgres://app:secret@127.0.0.1:${port}/course`, poolSize: 2 }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(Error)
    expect((error as Error).message).toMatch(new RegExp(`^Cannot open the database \\(PostgreSQL app@127.0.0.1:${port}/course\\): .*ECONNREFUSED`))
    expect((error as Error).message).not.toMatch(/secret/)
    expect(isDatabaseUnavailable(error)).toBe(true)
  })

  it('names a database that does not exist', async () => {
    const error = await openDatabase({ kind: 'postgres', url: databaseUrl(server.url, 'no_such_db'), poolSize: 2 }).catch((e: unknown) => e)
    expect((error as Error).message).toMatch(/Cannot open the database \(PostgreSQL postgres@127\.0\.0\.1:\d+\/no_such_db\): database "no_such_db" does not exist/)
  })
})
