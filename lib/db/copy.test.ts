// db:copy from a real SQLite file into a real PostgreSQL database (vitest project "postgres" only: it needs both).
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('server-only', () => ({}))
const { openDatabase } = await import('./connection.server')
const { copyDatabase } = await import('./copy.server')
const { getOrCreateLearner, completeLesson, recordLessonVisit, recordChallengeAttempt } = await import('../progress/store.server')
const { openTempDb, testBackend, testCatalog } = await import('../progress/test-helpers')
type Db = import('./connection.server').Db

if (testBackend() !== 'postgres') throw new Error('lib/db/copy.test.ts runs in the vitest "postgres" project (it copies into PostgreSQL)')

let dir: string
let sqlite: Db
let pg: Awaited<ReturnType<typeof openTempDb>>
beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'packet-path-copy-'))
  sqlite = await openDatabase(dir)
  pg = await openTempDb()
})
afterEach(async () => {
  await sqlite.destroy()
  await pg.close()
  rmSync(dir, { recursive: true, force: true })
})

async function snapshot(db: Db) {
  return {
    learners: await db.selectFrom('learner').selectAll().orderBy('id').execute(),
    lessons: await db.selectFrom('lesson_progress').selectAll().orderBy('learner_id').orderBy('lesson_id').execute(),
    attempts: await db.selectFrom('attempt').selectAll().orderBy('learner_id').orderBy('id').execute(),
  }
}

describe('db:copy', () => {
  it('copies every learner, lesson and attempt once; a second run adds nothing', async () => {
    const catalog = testCatalog()
    for (let i = 0; i < 3; i++) {
      const { learner } = await getOrCreateLearner(sqlite, undefined)
      await recordLessonVisit(sqlite, catalog, learner.id, 'intro')
      await recordLessonVisit(sqlite, catalog, learner.id, 'intro')
      await completeLesson(sqlite, catalog, learner.id, 'bridge')
      await recordChallengeAttempt(sqlite, catalog, learner.id, 'publish-port', ['docker run -p 8080:80 web', `try ${i}`], () => ({ score: 1 / 3, passed: false, feedback: { i } }))
    }
    await sqlite.insertInto('rate_limit_hit').values({ key: 'ip:1', at: 1 }).execute()

    const first = await copyDatabase(sqlite, pg.db)
    expect(first.tables.map((t) => [t.table, t.read, t.added]).sort()).toEqual([
      ['attempt', 3, 3],
      ['challenge_help', 0, 0],
      ['class_member', 0, 0],
      ['course_class', 0, 0],
      ['learner', 3, 3],
      ['lesson_progress', 6, 6],
    ])
    expect(await snapshot(pg.db)).toEqual(await snapshot(sqlite))
    expect(await pg.db.selectFrom('rate_limit_hit').selectAll().execute()).toEqual([])

    const again = await copyDatabase(sqlite, pg.db)
    expect(again.tables.every((t) => t.added === 0)).toBe(true)
    expect(await snapshot(pg.db)).toEqual(await snapshot(sqlite))
  })

  it('runs as `npm run db:copy -- --from DIR` with DATABASE_URL, and refuses without it', async () => {
    const catalog = testCatalog()
    const { learner } = await getOrCreateLearner(sqlite, undefined)
    await completeLesson(sqlite, catalog, learner.id, 'intro')
    const cli = (env: Record<string, string>) =>
      spawnSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/db.ts', 'copy', '--from', dir], {
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', ...env },
      })
    const done = cli({ DATABASE_URL: pg.config.kind === 'postgres' ? pg.config.url : '' })
    expect(done.stderr).toBe('')
    expect(done.stdout).toMatch(/learner: 1 rows read, 1 added/)
    expect(done.status).toBe(0)
    expect(await snapshot(pg.db)).toEqual(await snapshot(sqlite))

    const refused = cli({})
    expect(refused.status).toBe(1)
    expect(refused.stderr).toMatch(/db copy: db:copy copies into PostgreSQL: set DATABASE_URL/)
  }, 60_000)
})
