// Runs on both backends (vitest projects "sqlite" and "postgres").
import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('server-only', () => ({}))
const { checkHealth, healthResponse } = await import('./health.server')
const { openTempDb, testBackend } = await import('../progress/test-helpers')
const { freePort } = await import('../../scripts/pg-server.mjs')
type Db = import('../db/connection.server').Db

let t: Awaited<ReturnType<typeof openTempDb>>
beforeEach(async () => {
  t = await openTempDb()
})
afterEach(async () => t.close())

describe('health', () => {
  it('is ok on a migrated database', async () => {
    const res = await healthResponse(async () => t.db)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ status: 'ok', database: testBackend() === 'postgres' ? 'postgresql' : 'sqlite', migrations: 'current' })
  })

  it('answers 503 naming the pending migration when the schema is behind this build', async () => {
    await (t.db as unknown as Kysely<{ kysely_migration: { name: string } }>).deleteFrom('kysely_migration').where('name', '=', '002-rate-limit').execute()
    const res = await healthResponse(async () => t.db)
    expect(res.status).toBe(503)
    expect(await res.json()).toMatchObject({ status: 'unavailable', pendingMigrations: ['002-rate-limit'] })
  })

  it('answers 503 with Retry-After when the database cannot be reached', async () => {
    // A real driver pointed at a port nothing listens on.
    const port = await freePort()
    const gone = new Kysely({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: `postgres://x@127.0.0.1:${port}/x`, connectionTimeoutMillis: 2000 }) }) }) as unknown as Db
    try {
      expect(await checkHealth(gone)).toEqual({ status: 'unavailable', database: 'postgresql', problem: 'the database cannot be reached' })
      const res = await healthResponse(async () => gone)
      expect(res.status).toBe(503)
      expect(res.headers.get('retry-after')).toBe('5')
    } finally {
      await gone.destroy()
    }
  })
})
