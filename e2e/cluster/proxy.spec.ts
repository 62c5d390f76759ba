import http from 'node:http'
import { readFileSync } from 'node:fs'
import type { Locator, Page } from '@playwright/test'
import { expect, test } from '../test'
import { startCluster, type Cluster } from './cluster'

// Issue 13: two app instances on one PostgreSQL behind nginx (round robin). A learner works through the proxy and
// every instance tells the same story; nginx's X-Forwarded-For is believed because nginx is the configured proxy
// (and only then); an instance SIGKILLed under a write load loses no acknowledged write.

test.describe.configure({ mode: 'serial' })

let cluster: Cluster
test.beforeAll(async () => {
  test.setTimeout(240_000)
  cluster = await startCluster()
})
test.afterAll(async () => cluster?.stop())

/** The browser's address for the proxy: its host resolver maps every name but localhost away (e2e/test.ts). */
const browserUrl = () => cluster.proxyUrl.replace('127.0.0.1', 'localhost')

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string }

/** One HTTP request from a chosen local address (fetch cannot pick one). */
function send(url: string, opts: { method?: string; headers?: Record<string, string>; body?: string; from?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: opts.method ?? 'GET', headers: opts.headers, localAddress: opts.from ?? '127.0.0.1', agent: false }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end(opts.body)
  })
}

const json = (headers: Record<string, string> = {}) => ({ 'content-type': 'application/json', ...headers })

function titleOf(id: string): string {
  return (JSON.parse(readFileSync(new URL(`../../content/challenges/${id}.json`, import.meta.url), 'utf8')) as { title: string }).title
}

async function completeLesson(page: Page, lesson: string, title: RegExp) {
  await page.goto(`${browserUrl()}/lessons/${lesson}`)
  const badge = page.getByRole('navigation', { name: 'Lessons' }).getByRole('listitem').filter({ hasText: title })
  await expect(badge).toContainText('started', { timeout: 30_000 })
  await page.getByRole('button', { name: 'Mark complete' }).click()
  await expect(page.getByRole('button', { name: '✓ Completed' })).toBeDisabled()
  await expect(badge).toContainText('completed')
  // The button shows completion at once; the server has it when the status says so (leaving earlier aborts the write).
  await expect(page.getByRole('status').filter({ hasText: 'Lesson completed.' })).toBeVisible({ timeout: 30_000 })
}

async function solveExposeNginx(page: Page): Promise<Locator> {
  await page.goto(`${browserUrl()}/lessons/container-networking-intro`)
  const c = page.getByRole('region', { name: titleOf('expose-nginx-8080') })
  // The simulator loads when the challenge comes near the viewport (issue 14).
  await c.scrollIntoViewIfNeeded()
  const input = c.getByRole('textbox', { name: 'Docker command' })
  await expect(input).toBeVisible({ timeout: 30_000 })
  await input.fill('docker run -d --name web -p 8080:80 nginx')
  await input.press('Enter')
  await c.getByRole('button', { name: 'Check my setup' }).click()
  await expect(c.getByText('Challenge solved')).toBeVisible({ timeout: 20_000 })
  return c
}

test('a learner completes lessons and a challenge through the proxy; every instance reads the same record', async ({ page, context }) => {
  await completeLesson(page, 'container-networking-intro', /Introduction to Container Networking/)
  await completeLesson(page, 'publishing-ports', /Publishing/)
  await solveExposeNginx(page)

  const cookie = (await context.cookies(browserUrl())).map((c) => `${c.name}=${c.value}`).join('; ')
  expect(cookie).toMatch(/pp_learner=v1\./)
  const bodies = new Set<string>()
  const answeredBy = new Set<string>()
  for (let i = 0; i < 6; i++) {
    const res = await send(`${cluster.proxyUrl}/api/progress`, { headers: { cookie } })
    expect(res.status).toBe(200)
    bodies.add(res.body)
    answeredBy.add(String(res.headers['x-upstream']))
  }
  for (const instance of cluster.instances) {
    const res = await send(`${instance.url}/api/progress`, { headers: { cookie } })
    expect(res.status).toBe(200)
    bodies.add(res.body)
  }
  // Round robin reached both instances, and all eight reads are byte-identical.
  expect([...answeredBy].sort()).toEqual(cluster.instances.map((i) => `127.0.0.1:${i.port}`).sort())
  expect(bodies.size).toBe(1)
  const progress = JSON.parse([...bodies][0] ?? '{}') as { lessons: { lessonId: string; status: string; items: { id: string; passed?: boolean; bestScore: number | null }[] }[] }
  const byId = new Map(progress.lessons.map((l) => [l.lessonId, l]))
  expect(byId.get('publishing-ports')?.status).toBe('completed')
  expect(byId.get('container-networking-intro')?.items.find((it) => it.id === 'expose-nginx-8080')?.bestScore).toBe(1)

  // The progress page, rendered by whichever instance nginx picks, shows the same.
  await page.goto(`${browserUrl()}/progress`)
  const row = page.getByRole('region', { name: 'Lessons' }).getByRole('row', { name: /Introduction to Container Networking/ })
  await expect(row).toContainText('Completed')
})

test("X-Forwarded-For is believed from nginx (the configured proxy) and from nobody else", async () => {
  const claim = (base: string, from: string, spoof?: string) =>
    send(`${base}/api/progress/claim`, {
      method: 'POST',
      from,
      headers: json(spoof ? { 'x-forwarded-for': spoof } : {}),
      body: JSON.stringify({ code: 'ZZZZ-ZZZZ-ZZZZ' }),
    })
  // 127.0.0.1 spends its five tries through the proxy, each time claiming to be someone else.
  for (let i = 0; i < 5; i++) expect((await claim(cluster.proxyUrl, '127.0.0.1', `198.51.100.${i}`)).status).toBe(404)
  expect((await claim(cluster.proxyUrl, '127.0.0.1', '198.51.100.77')).status).toBe(429)
  // Another client behind the same proxy has its own budget: the instances keyed on what nginx reported, not on nginx.
  const other = await claim(cluster.proxyUrl, '127.0.0.3')
  expect(other.status, `${other.body} (answered by ${String(other.headers['x-upstream'])})`).toBe(404)
  // Straight to an instance, the sender is not a trusted proxy: its X-Forwarded-For is ignored, and the budget
  // 127.0.0.1 spent through nginx on the other instance applies here too (it is in the shared database).
  for (const instance of cluster.instances) {
    const direct = await claim(instance.url, '127.0.0.1', '127.0.0.3')
    expect(direct.status).toBe(429)
    expect(direct.headers['retry-after']).toMatch(/^\d+$/)
  }
})

test('SIGKILL one instance under a write load through the proxy: every acknowledged write is on the other', async () => {
  // A read stores no learner; the first write (a lesson visit) makes one and sets its cookie.
  const first = await send(`${cluster.proxyUrl}/api/progress/visit`, { method: 'POST', headers: json(), body: JSON.stringify({ lessonId: 'container-networking-intro' }) })
  expect(first.status).toBe(200)
  const cookie = String(first.headers['set-cookie']?.[0]?.split(';')[0])
  expect(cookie).toMatch(/^pp_learner=/)
  const body = JSON.stringify({ commands: [{ on: 'host1', run: 'docker run -d --name web -p 8080:80 nginx' }] })
  const acknowledged: string[] = []
  let failed = 0
  let killedAt = -1
  const [victim, survivor] = cluster.instances
  const writer = async () => {
    while (acknowledged.length < 150 && failed < 200) {
      const res = await send(`${cluster.proxyUrl}/api/challenges/expose-nginx-8080/attempts`, { method: 'POST', headers: json({ cookie }), body }).catch(() => undefined)
      if (res?.status === 200) acknowledged.push((JSON.parse(res.body) as { attempt: { id: string } }).attempt.id)
      else failed++
      if (killedAt < 0 && acknowledged.length >= 40) {
        killedAt = acknowledged.length
        victim.child.kill('SIGKILL')
      }
    }
  }
  await Promise.all(Array.from({ length: 6 }, writer))
  expect(killedAt).toBeGreaterThan(0)
  expect(victim.child.signalCode ?? (await new Promise((r) => victim.child.once('exit', (_c, s) => r(s))))).toBe('SIGKILL')
  // The proxy kept accepting writes after the kill (on the survivor).
  expect(acknowledged.length).toBeGreaterThan(killedAt + 50)

  const exported = await send(`${survivor.url}/api/progress/export`, { headers: { cookie } })
  expect(exported.status).toBe(200)
  // The record keeps an item's newest attempts as rows and folds older ones into a summary row that counts them
  // (lib/progress/attempt-bounds.server.ts), so every acknowledged write is counted and the latest ones are there by id. Writes
  // that failed (in flight on the killed instance) may or may not have committed; nothing else may appear.
  const rows = (JSON.parse(exported.body) as { attempts: { id: string; itemId: string; attemptCount?: number }[] }).attempts.filter((a) => a.itemId === 'expose-nginx-8080')
  const counted = rows.reduce((n, a) => n + (a.attemptCount ?? 1), 0)
  expect(counted).toBeGreaterThanOrEqual(acknowledged.length)
  expect(counted).toBeLessThanOrEqual(acknowledged.length + failed)
  // At most 5 other writes were in flight beside each of the last 10 acknowledged, so those 10 are among the newest 20 rows.
  const stored = new Set(rows.map((a) => a.id))
  expect(acknowledged.slice(-10).filter((id) => !stored.has(id))).toEqual([])
})
