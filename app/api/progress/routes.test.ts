// The route files wired to the real context: DATA_DIR, the session secret file and the catalog
// (content lessons mocked to a fixed list so the test does not compile MDX).
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'

vi.mock('server-only', () => ({}))
vi.mock('@/lib/content/load.server', () => ({
  getLessons: async () => [{ id: 'container-networking-intro', title: 'Intro', sidebar_position: 1 }],
}))

const dataDir = mkdtempSync(path.join(tmpdir(), 'pp-routes-'))
process.env.DATA_DIR = dataDir
delete process.env.SESSION_SECRET
process.env.ADMIN_TOKEN = 'route-test-token'

const progressRoute = await import('./route')
const completeRoute = await import('./complete/route')
const gradebookRoute = await import('../instructor/gradebook/route')
const { ProgressSchema, GradebookSchema } = await import('@/lib/schemas')

afterAll(async () => {
  const { getDb } = await import('@/lib/db/connection.server')
  await (await getDb()).destroy()
  rmSync(dataDir, { recursive: true, force: true })
})

const url = (p: string) => `http://localhost${p}`

describe('app/api routes', () => {
  it('create the database and secret in DATA_DIR and record a completion', async () => {
    const first = await progressRoute.GET(new Request(url('/api/progress')))
    // A read stores no learner (no cookie); the completion below is the first write and sets it.
    expect(first.headers.get('set-cookie')).toBeNull()
    expect(statSync(path.join(dataDir, 'packet-path.sqlite')).isFile()).toBe(true)
    expect(statSync(path.join(dataDir, 'session-secret')).mode & 0o777).toBe(0o600)

    const done = await completeRoute.POST(
      new Request(url('/api/progress/complete'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ lessonId: 'container-networking-intro' }),
      }),
    )
    expect(done.status).toBe(200)
    const cookie = done.headers.get('set-cookie')?.split(';')[0] ?? ''
    const after = ProgressSchema.parse(await (await progressRoute.GET(new Request(url('/api/progress'), { headers: { cookie } }))).json())
    expect(after.lessons[0]).toMatchObject({ lessonId: 'container-networking-intro', status: 'completed' })
    // The real content/grading.json also requires the lesson's quizzes, so the course is not complete yet.
    expect(after.course).toMatchObject({ requiredDone: 1, completed: false })
  })

  it('serve the gradebook only with ADMIN_TOKEN', async () => {
    expect((await gradebookRoute.GET(new Request(url('/api/instructor/gradebook')))).status).toBe(403)
    const res = await gradebookRoute.GET(new Request(url('/api/instructor/gradebook'), { headers: { authorization: 'Bearer route-test-token' } }))
    expect(GradebookSchema.parse(await res.json()).rows.length).toBeGreaterThanOrEqual(1)
  })
})
