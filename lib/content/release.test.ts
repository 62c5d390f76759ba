// Issue 12, "Versions": a content release that changes a challenge's checks keeps every earlier attempt as it was
// graded. A recorded pass is never lowered or lost, and /progress and the gradebook say it was graded on an earlier
// version of the item, so the change is not silent.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('server-only', () => ({}))

const { openTempDb, testContext, apiRequest, cookieFrom } = await import('../progress/test-helpers')
const { GradingConfigSchema, toCatalog } = await import('../progress/grading')
const { loadItemTitles } = await import('../progress/catalog.server')
const { handleChallengeAttempt } = await import('../challenges/api.server')
const { handleGetProgress, handleExport } = await import('../progress/api.server')
const { getGradebook } = await import('../instructor/gradebook.server')
const { ProgressSchema } = await import('../schemas')

const ID = 'expose-nginx-8080'
const LESSON = { id: 'container-networking-intro', title: 'Intro', sidebar_position: 1 }
const grading = GradingConfigSchema.parse({ attemptPolicy: 'best', defaultLessonWeight: 1, lessons: { [LESSON.id]: { items: [{ kind: 'challenge', id: ID, weight: 1 }] } } })

let dir: string
let temp: Awaited<ReturnType<typeof openTempDb>>
beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'release-'))
  cpSync(path.join(process.cwd(), 'content', 'challenges', `${ID}.json`), path.join(dir, `${ID}.json`))
  vi.stubEnv('CHALLENGE_DIR', dir)
  temp = await openTempDb()
})
afterEach(async () => {
  vi.unstubAllEnvs()
  await temp.close()
  rmSync(dir, { recursive: true, force: true })
})

/** The server's catalog as it is built at start, from the challenge file as it is now. */
const catalogNow = () => toCatalog([LESSON], grading, loadItemTitles(grading.lessons[LESSON.id]!.items))

async function attempt(ctx: ReturnType<typeof testContext>, run: string, cookie?: string) {
  const req = new Request(`http://localhost/api/challenges/${ID}/attempts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ commands: [{ on: 'host1', run }] }),
  })
  const res = await handleChallengeAttempt(req, ctx, ID, dir)
  expect(res.status).toBe(200)
  return { cookie: cookie ?? cookieFrom(res)!, body: (await res.json()) as { passed: boolean } }
}

describe('a content release that changes a challenge', () => {
  it('keeps the recorded pass as graded, never lower, and says it was graded on an earlier version', async () => {
    const before = testContext(temp.db, { catalog: catalogNow() })
    const { cookie, body } = await attempt(before, 'docker run -d --name web -p 8080:80 nginx')
    expect(body.passed).toBe(true)
    const versionBefore = before.catalog.lessons[0]!.items[0]!.contentVersion

    // The release: the challenge now also requires the page on port 8443, which the learner's setup does not serve.
    const file = path.join(dir, `${ID}.json`)
    const data = JSON.parse(readFileSync(file, 'utf8')) as { checks: { id: string; run: string }[] }
    data.checks.push({ ...data.checks[0]!, id: 'also-8443', run: data.checks[0]!.run.replace('8080', '8443') })
    writeFileSync(file, JSON.stringify(data))
    const after = testContext(temp.db, { catalog: catalogNow() })
    expect(after.catalog.lessons[0]!.items[0]!.contentVersion).not.toBe(versionBefore)

    const read = async () => ProgressSchema.parse(await (await handleGetProgress(apiRequest('/api/progress', { cookie }), after)).json())
    expect((await read()).lessons[0]!.items[0]).toMatchObject({ bestScore: 1, done: true, earlierVersion: true, attempts: 1 })

    // The same commands fail the new checks; the earlier pass still counts, and is still marked.
    const again = await attempt(after, 'docker run -d --name web -p 8080:80 nginx', cookie)
    expect(again.body.passed).toBe(false)
    const progress = await read()
    expect(progress.lessons[0]!.items[0]).toMatchObject({ bestScore: 1, done: true, earlierVersion: true, attempts: 2 })
    expect(progress.course.grade).toBeGreaterThan(0)
    const book = await getGradebook(temp.db, after.catalog)
    expect(book.rows[0]!.notes[`challenge:${ID}`]).toEqual({ earlierVersion: true })

    // Both attempts stay in the learner's record with the version each was graded on.
    const record = (await (await handleExport(apiRequest('/api/progress/export', { cookie }), after)).json()) as { attempts: { passed: boolean; contentVersion: string }[] }
    expect(record.attempts.map((a) => [a.passed, a.contentVersion === versionBefore])).toEqual([
      [true, true],
      [false, false],
    ])
  })

  it('a pass on the current version is not marked', async () => {
    const ctx = testContext(temp.db, { catalog: catalogNow() })
    const { cookie } = await attempt(ctx, 'docker run -d --name web -p 8080:80 nginx')
    const progress = ProgressSchema.parse(await (await handleGetProgress(apiRequest('/api/progress', { cookie }), ctx)).json())
    expect(progress.lessons[0]!.items[0]).toMatchObject({ bestScore: 1, earlierVersion: false })
  })
})
