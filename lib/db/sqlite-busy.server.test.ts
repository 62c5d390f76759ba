// Two connections to one SQLite file, as two server workers have: a write that finds the lock taken waits on timers
// (other work in the process goes on meanwhile) and succeeds once the lock is free; a wait past the deadline fails.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import { Kysely, sql } from 'kysely'
import { afterAll, describe, expect, it, vi } from 'vitest'

vi.mock('server-only', () => ({}))
const { WaitingSqliteDialect, retryWhileBusy } = await import('./sqlite-busy.server')

const dir = mkdtempSync(path.join(tmpdir(), 'pp-busy-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function open(file: string): { raw: SQLite.Database; db: Kysely<{ t: { n: number } }> } {
  const raw = new SQLite(file)
  raw.pragma('journal_mode = WAL')
  raw.pragma('busy_timeout = 0')
  return { raw, db: new Kysely({ dialect: new WaitingSqliteDialect({ database: raw }) }) }
}

describe('WaitingSqliteDialect', () => {
  it('waits for another connection’s write lock without blocking the event loop, then writes', async () => {
    const file = path.join(dir, 'a.sqlite')
    const other = open(file)
    other.raw.exec('create table t (n integer)')
    const mine = open(file)
    other.raw.exec('begin immediate')
    other.raw.prepare('insert into t values (1)').run()

    let ticks = 0
    const ticker = setInterval(() => ticks++, 1)
    const write = mine.db.transaction().execute(async (trx) => {
      await trx.insertInto('t').values({ n: 2 }).execute()
    })
    await new Promise((resolve) => setTimeout(resolve, 60))
    other.raw.exec('commit')
    await write
    clearInterval(ticker)
    // The timers ran while the write waited: SQLite's own handler would have slept through them.
    expect(ticks).toBeGreaterThan(10)
    expect((await sql<{ n: number }>`select n from t order by n`.execute(mine.db)).rows.map((r) => r.n)).toEqual([1, 2])
    await mine.db.destroy()
    await other.db.destroy()
  })

  it('gives up with SQLITE_BUSY after the deadline, and never retries other errors', async () => {
    let calls = 0
    const busy = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' })
    await expect(retryWhileBusy(async () => (calls++, Promise.reject(busy)), 30)).rejects.toBe(busy)
    expect(calls).toBeGreaterThan(2)
    calls = 0
    const snapshot = Object.assign(new Error('snapshot'), { code: 'SQLITE_BUSY_SNAPSHOT' })
    await expect(retryWhileBusy(async () => (calls++, Promise.reject(snapshot)))).rejects.toBe(snapshot)
    expect(calls).toBe(1)
  })
})
