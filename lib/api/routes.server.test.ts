// The API's one route table wired to the real context (DATA_DIR, the session secret file and the catalog; content
// lessons mocked to a fixed list so the test does not compile MDX), through both doors: dispatchApi as the Next
// catch-all route calls it, and the node:http adapter that scripts/serve.mjs uses, on a real listening server.
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

vi.mock('server-only', () => ({}))
vi.mock('@/lib/content/load.server', () => ({
  getLessons: async () => [{ id: 'container-networking-intro', title: 'Intro', sidebar_position: 1 }],
}))

const dataDir = mkdtempSync(path.join(tmpdir(), 'pp-routes-'))
process.env.DATA_DIR = dataDir
delete process.env.SESSION_SECRET
process.env.ADMIN_TOKEN = 'route-test-token'

const { API_ROUTES, dispatchApi, findApiRoute } = await import('./routes.server')
const { answerApi, isApiPath } = await import('./node-adapter.server')
const nextRoute = await import('@/app/api/[[...path]]/route')
const { ProgressSchema, GradebookSchema } = await import('@/lib/schemas')
const { API_POLICY } = await import('@/lib/security')

let server: Server
let base = ''

beforeAll(async () => {
  server = createServer((req, res) => void answerApi(req, res))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
  const { getDb } = await import('@/lib/db/connection.server')
  await (await getDb()).destroy()
  rmSync(dataDir, { recursive: true, force: true })
})

const url = (p: string) => `http://localhost${p}`
const json = { 'content-type': 'application/json' }
const lesson = JSON.stringify({ lessonId: 'container-networking-intro' })

describe('the API route table', () => {
  it('names each method and path once, and every :param route resolves with its decoded param', () => {
    const keys = API_ROUTES.map((r) => `${r.method} ${r.path}`)
    expect(new Set(keys).size).toBe(keys.length)
    const found = findApiRoute('POST', '/api/challenges/expose%2Dnginx/attempts')
    expect('route' in found && found.params).toEqual({ id: 'expose-nginx' })
    expect('route' in findApiRoute('GET', '/api/progress/')).toBe(true)
    expect(findApiRoute('PUT', '/api/progress')).toEqual({ allowed: ['GET'] })
    expect(findApiRoute('GET', '/api/nothing')).toEqual({ allowed: [] })
  })

  it('is what the Next catch-all route answers for every method it exports', () => {
    for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const) expect(nextRoute[method]).toBe(dispatchApi)
  })

  it('tells apart the API paths from pages', () => {
    expect(['/api', '/api/', '/api/progress', '/api/progress?x=1', '/api?x'].map(isApiPath)).toEqual([true, true, true, true, true])
    expect(['/', '/apiary', '/lessons/api', undefined].map(isApiPath)).toEqual([false, false, false, false])
  })
})

describe('dispatchApi (the Next door)', () => {
  it('creates the database and secret in DATA_DIR and records a completion', async () => {
    const first = await dispatchApi(new Request(url('/api/progress')))
    // A read stores no learner (no cookie); the completion below is the first write and sets it.
    expect(first.headers.get('set-cookie')).toBeNull()
    expect(first.headers.get('content-security-policy')).toBe(API_POLICY)
    expect(statSync(path.join(dataDir, 'packet-path.sqlite')).isFile()).toBe(true)
    expect(statSync(path.join(dataDir, 'session-secret')).mode & 0o777).toBe(0o600)

    const done = await dispatchApi(new Request(url('/api/progress/complete'), { method: 'POST', headers: json, body: lesson }))
    expect(done.status).toBe(200)
    const cookie = done.headers.get('set-cookie')?.split(';')[0] ?? ''
    const after = ProgressSchema.parse(await (await dispatchApi(new Request(url('/api/progress'), { headers: { cookie } }))).json())
    expect(after.lessons[0]).toMatchObject({ lessonId: 'container-networking-intro', status: 'completed' })
    // The real content/grading.json also requires the lesson's quizzes, so the course is not complete yet.
    expect(after.course).toMatchObject({ requiredDone: 1, completed: false })
  })

  it('serves the gradebook only with ADMIN_TOKEN', async () => {
    expect((await dispatchApi(new Request(url('/api/instructor/gradebook')))).status).toBe(403)
    const res = await dispatchApi(new Request(url('/api/instructor/gradebook'), { headers: { authorization: 'Bearer route-test-token' } }))
    expect(GradebookSchema.parse(await res.json()).rows.length).toBeGreaterThanOrEqual(1)
  })

  it('answers an unknown path 404, a wrong method 405 with Allow, and a malformed escape 400, each saying why', async () => {
    const unknown = await dispatchApi(new Request(url('/api/progres')))
    expect(unknown.status).toBe(404)
    expect(await unknown.json()).toEqual({ error: { code: 'unknown-route', message: 'There is no API at /api/progres.' } })
    expect(unknown.headers.get('content-security-policy')).toBe(API_POLICY)

    const wrong = await dispatchApi(new Request(url('/api/progress/complete')))
    expect(wrong.status).toBe(405)
    expect(wrong.headers.get('allow')).toBe('POST')
    expect(((await wrong.json()) as { error: { message: string } }).error.message).toBe('/api/progress/complete answers POST, not GET.')
    expect((await dispatchApi(new Request(url('/api/challenges/x/hints'), { method: 'DELETE' }))).headers.get('allow')).toBe('GET, HEAD, POST')

    const bad = await dispatchApi(new Request(url('/api/challenges/%E0%A4%A/attempts'), { method: 'POST', headers: json, body: '{}' }))
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('bad-path')
  })
})

describe('answerApi (the production door, on node:http)', () => {
  it('passes the body in and the status, headers and learner cookie out', async () => {
    const done = await fetch(`${base}/api/progress/visit`, { method: 'POST', headers: json, body: lesson })
    expect(done.status).toBe(200)
    expect(await done.json()).toEqual({ lessonId: 'container-networking-intro' })
    expect(done.headers.getSetCookie()).toHaveLength(1)
    expect(done.headers.get('content-security-policy')).toBe(API_POLICY)
    expect(done.headers.get('x-content-type-options')).toBe('nosniff')
    expect(done.headers.get('cache-control')).toBe('no-store')
    const cookie = done.headers.getSetCookie()[0]!.split(';')[0]!
    const read = ProgressSchema.parse(await (await fetch(`${base}/api/progress`, { headers: { cookie } })).json())
    expect(read.lessons[0]).toMatchObject({ lessonId: 'container-networking-intro', visits: 1 })
  })

  it('gzips a large answer only for a client that accepts gzip', async () => {
    const raw = await new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
      // node:http, not fetch: fetch would decode the body and hide the encoding.
      import('node:http').then(({ get }) =>
        get(`${base}/api/progress`, { headers: { 'accept-encoding': 'gzip, deflate' } }, (res) => {
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }))
        }).on('error', reject),
      )
    })
    expect(raw.headers['content-encoding']).toBe('gzip')
    expect(raw.headers.vary).toContain('Accept-Encoding')
    expect(ProgressSchema.parse(JSON.parse(gunzipSync(raw.body).toString('utf8'))).lessons).toHaveLength(1)
    const plain = await fetch(`${base}/api/progress`, { headers: { 'accept-encoding': 'identity' } })
    expect(plain.headers.get('content-encoding')).toBeNull()
    expect(Number(plain.headers.get('content-length'))).toBe((await plain.arrayBuffer()).byteLength)
  })

  it('answers HEAD like GET without a body, and refuses a body over the limit with the API error', async () => {
    const head = await fetch(`${base}/api/health`, { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
    const big = await fetch(`${base}/api/progress/complete`, { method: 'POST', headers: json, body: JSON.stringify({ lessonId: 'x'.repeat(70_000) }) })
    expect(big.status).toBe(400)
    expect(((await big.json()) as { error: { code: string } }).error.code).toBe('body-too-large')
  })

  it('answers an unknown API path as JSON, not as a page', async () => {
    const res = await fetch(`${base}/api`)
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toContain('application/json')
  })
})
