import type { Page } from '@playwright/test'
import { FIXTURE_URL } from './urls'
import { expect, startSandbox, test } from './test'

// Issue 12, "a hardened server": every page runs under a Content-Security-Policy that allows only this origin (inline
// scripts by hash on prerendered pages, by nonce on pages rendered on request), and none of them trips it, including
// the simulator's lazy chunks, the quiz and review widgets, the progress and instructor views. Bad percent-encoding
// in a path is a 400, never a 500.

const adminToken = process.env.E2E_ADMIN_TOKEN

/** Collects every CSP violation the page reports (the DOM event) and every console message about one. */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  const messages: string[] = []
  page.on('console', (msg) => {
    if (/Content Security Policy|Refused to (execute|evaluate|load|apply|connect|frame)/i.test(msg.text())) messages.push(msg.text())
  })
  page.on('pageerror', (error) => messages.push(`page error: ${error.message}`))
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] }
    w.__csp = []
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber}) ${e.sample}`)
    })
  })
  // Each call returns what was reported since the last one (the page's own list starts empty on every navigation).
  return async () => [...messages.splice(0), ...(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []))]
}

test('no page logs a CSP violation, static or rendered on request, while its widgets run', async ({ page }) => {
  test.setTimeout(120_000)
  const violations = await watchCsp(page)
  const seen: Record<string, string[]> = {}
  const visit = async (path: string, use: () => Promise<void>) => {
    const response = await page.goto(path)
    expect(response?.headers()['content-security-policy'], path).toMatch(/script-src 'self'/)
    await use()
    seen[path] = await violations()
  }

  await visit('/', async () => {
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    await page.getByRole('button', { name: 'Dark mode' }).click()
  })
  // A lesson with challenges: the simulator's chunks load, a command runs, and the server grades an attempt.
  await visit('/lessons/container-networking-intro', async () => {
    // The simulator loads when the challenge comes near the viewport (issue 14).
    await page.getByRole('region', { name: /^Challenge:/ }).first().scrollIntoViewIfNeeded()
    const input = page.getByRole('textbox', { name: 'Docker command' }).first()
    await expect(input).toBeVisible({ timeout: 20_000 })
    await input.fill('docker run -d --name web nginx')
    await input.press('Enter')
    await page.getByRole('button', { name: 'Check my setup' }).first().click()
    await expect(page.getByRole('list', { name: 'Checks' }).first().getByRole('listitem').first()).toBeVisible({ timeout: 20_000 })
  })
  await visit('/sandbox', async () => {
    await startSandbox(page)
    await page.getByRole('button', { name: 'Export as bash' }).click()
  })
  await visit('/review', async () => {
    await expect(page.getByRole('textbox', { name: 'Your answer to question 1' })).toBeVisible()
  })
  await visit('/progress', async () => {
    await expect(page.getByTestId('progress-code')).toBeVisible({ timeout: 15_000 })
  })
  await visit('/instructor', async () => {
    await page.getByLabel('Instructor token').fill(adminToken ?? '')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect(page.getByRole('table').getByRole('columnheader', { name: 'Course grade' })).toBeVisible({ timeout: 15_000 })
  })
  await visit('/lessons/no-such-lesson', async () => {
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  })
  // Client-side navigation between lessons keeps working under the policy.
  await visit('/lessons/publishing-ports', async () => {
    await page.getByRole('navigation', { name: 'Previous and next lesson' }).getByRole('link', { name: /^Next/ }).click()
    await page.waitForURL(/\/lessons\/(?!publishing-ports)/)
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  })

  expect(seen).toEqual(Object.fromEntries(Object.keys(seen).map((path) => [path, []])))
})

test('pages, API answers and static files carry the security headers', async ({ request }) => {
  for (const path of ['/', '/lessons/container-networking-intro', '/sandbox', '/api/progress', '/api/instructor/gradebook', '/icon.svg']) {
    const res = await request.get(path)
    const headers = res.headers()
    expect(headers['x-content-type-options'], path).toBe('nosniff')
    expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin')
    expect(headers['x-frame-options'], path).toBe('DENY')
    expect(headers['content-security-policy'], path).toContain("frame-ancestors 'none'")
    expect(headers['content-security-policy'], path).not.toMatch(/https?:|\*|'unsafe-eval'/)
  }
  const api = (await request.get('/api/progress')).headers()['content-security-policy']
  expect(api).toContain("default-src 'none'")
})

test('a path with malformed percent-encoding is a 400 naming the problem, never a 500', async ({ request }) => {
  for (const base of ['', FIXTURE_URL]) {
    const page = await request.get(`${base}/lessons/%FF`)
    expect(page.status()).toBe(400)
    expect(await page.text()).toContain('malformed percent-encoding')
  }
  for (const path of ['/api/challenges/%FF/attempts', '/api/quizzes/%E0%A4%A/attempts']) {
    const res = await request.post(path, { data: { commands: [] } })
    expect(res.status(), path).toBe(400)
    expect((await res.json()) as unknown).toMatchObject({ error: { code: 'bad-path', message: expect.stringMatching(/malformed percent-encoding/) } })
  }
})
