// The data layer must stay dialect-neutral so a PostgresDialect can replace SqliteDialect (issue 5).
// Every migration and data-layer function is compiled here with Kysely's PostgreSQL compiler
// (on a driver that sends nothing) and the SQL checked for SQLite-only constructs.
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely'
import { describe, expect, it, vi } from 'vitest'

vi.mock('server-only', () => ({}))
const { migrations } = await import('./migrations')
const progress = await import('../progress/store.server')
const { exportRecord, importRecord, importTarget, isFreshLearner } = await import('../progress/record.server')
const { getGradebook } = await import('../instructor/gradebook.server')
const classes = await import('../instructor/classes.server')
const help = await import('../challenges/help.server')
const { DbRateLimiter } = await import('../api/rate-limit.server')
const { testCatalog, TEST_SECRET } = await import('../progress/test-helpers')
type Database = import('./types').Database

function postgres(sqls: string[]) {
  return new Kysely<Database>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new PostgresIntrospector(db),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
    log: (event) => {
      if (event.level === 'query') sqls.push(event.query.sql)
    },
  })
}

// SQLite spellings PostgreSQL rejects: AUTOINCREMENT, INSERT OR …, two-argument min()/max(), ? placeholders,
// the rowid, datetime('now'), pragmas and SQLite's JSON functions (dialect.ts picks PostgreSQL's).
const SQLITE_ONLY = [/autoincrement/i, /insert or /i, /\b(min|max)\([^()]*,[^()]*\)/i, /\?/, /\browid\b/i, /datetime\(/i, /pragma/i, /json_group_array|\bjson_array\(/i]

describe('dialect neutrality', () => {
  it('compiles the migration and every data-layer query for PostgreSQL without SQLite-only SQL', async () => {
    const sqls: string[] = []
    const db = postgres(sqls)
    for (const m of Object.values(migrations)) await m.up(db as unknown as Kysely<unknown>)
    const catalog = testCatalog()
    const learner = { id: '0f8fad5b-d9cb-469f-a165-70867728950e', progressCode: 'ABCDEFGHJKMN', createdAt: '2026-01-01T00:00:00.000Z', displayName: null, studentId: null }
    await progress.getOrCreateLearner(db, undefined)
    await progress.recordLessonVisit(db, catalog, learner.id, 'intro')
    await progress.completeLesson(db, catalog, learner.id, 'intro')
    // The dummy driver finds no learner, so the attempt's transaction creates one: that path's SQL is compiled too.
    await progress.recordAttemptFor(db, catalog, learner.id, { kind: 'challenge', itemId: 'publish-port', submission: ['docker ps'], grade: () => ({ score: 1, passed: true, feedback: null }) })
    await progress.getProgress(db, catalog, learner)
    await progress.claimProgressCode(db, learner.progressCode)
    const record = await exportRecord(db, learner.id, TEST_SECRET)
    // The dummy driver returns no rows, so give the import one lesson and one attempt to write.
    record.lessons.push({ lessonId: 'intro', visits: 1, firstVisitedAt: record.exportedAt, lastVisitedAt: record.exportedAt, completedAt: null })
    record.attempts.push({
      id: 'a1', kind: 'challenge', itemId: 'publish-port', lessonId: 'bridge', submission: [], score: 1, passed: true, feedback: null, createdAt: record.exportedAt,
      rawScore: 1, hintsUsed: 0, referenceSeen: false, contentVersion: 'abc', simVersion: 'x', importedAt: null,
    })
    record.help.push({ itemId: 'publish-port', help: 'hint', rung: 0, level: 'nudge', createdAt: record.exportedAt })
    const resigned = await (async () => {
      // Re-sign after the edit the way the export does, so the import runs its queries.
      const { signature: _s, ...unsigned } = record
      const { createHmac } = await import('node:crypto')
      const { canonicalJson } = await import('../progress/record.server')
      return { ...unsigned, signature: createHmac('sha256', TEST_SECRET).update(`record:${canonicalJson(unsigned)}`).digest('base64url') }
    })()
    expect((await importTarget(db, undefined, resigned, TEST_SECRET)).ok).toBe(true)
    expect(await isFreshLearner(db, learner.id)).toBe(true)
    expect((await importRecord(db, catalog, resigned, TEST_SECRET)).ok).toBe(true)
    await getGradebook(db, catalog)
    await getGradebook(db, catalog, 'class-1')
    await classes.setProfile(db, learner.id, { displayName: 'Ada', studentId: '' })
    await classes.joinClass(db, learner.id, 'ABCDEFGH')
    await classes.listClasses(db)
    await classes.findClass(db, 'class-1')
    await help.helpBefore(db, learner.id, 'publish-port')
    await help.showReference(db, learner.id, 'publish-port', [])

    expect(sqls.length).toBeGreaterThan(15)
    expect(sqls.some((s) => /on conflict \("learner_id", "lesson_id"\) do update/i.test(s))).toBe(true)
    expect(sqls.some((s) => /\$1/.test(s))).toBe(true)
    expect(sqls.some((s) => /on conflict \("learner_id", "id"\) do nothing/i.test(s))).toBe(true)
    expect(sqls.some((s) => /json_agg\(json_build_array\(/.test(s))).toBe(true)
    for (const sql of sqls) for (const pattern of SQLITE_ONLY) expect(sql, sql).not.toMatch(pattern)
  })

  it('compiles the rate limiter\'s table and a hit with PostgreSQL placeholders and types', async () => {
    const sqls: string[] = []
    const db = postgres(sqls)
    await migrations['002-rate-limit']!.up(db as unknown as Kysely<unknown>)
    expect(await new DbRateLimiter(db, 5, 60_000).hit(['ip:1', 'learner:a'], 1_000_000)).toEqual({ allowed: true })
    expect(sqls).toEqual([
      'create table "rate_limit_hit" ("key" text not null, "at" bigint not null)',
      'create index "rate_limit_hit_key_at" on "rate_limit_hit" ("key", "at")',
      'lock table "rate_limit_hit" in share row exclusive mode',
      'delete from "rate_limit_hit" where "at" <= $1',
      'select "key", count(*) as "hits", min("at") as "oldest" from "rate_limit_hit" where "key" in ($1, $2) and "at" > $3 group by "key"',
      'insert into "rate_limit_hit" ("key", "at") values ($1, $2), ($3, $4)',
    ])
  })
})
