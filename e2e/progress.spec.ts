import { expect, test } from './test'
import { FIXTURE_URL } from './urls'

const LESSON = 'container-networking-intro'

test.describe('progress', () => {
  test('a completed lesson survives reloads, and the progress code resumes it in a fresh browser', async ({ page, browser }) => {
    await page.goto('/progress')
    await expect(page.getByRole('heading', { level: 1, name: 'Your progress' })).toBeVisible()
    const lessons = page.getByRole('region', { name: 'Lessons' })
    const row = lessons.getByRole('row', { name: /Introduction to Container Networking/ })
    // The server's first progress read loads (compiles) the lessons once; allow for that on a busy machine.
    await expect(row).toContainText('Not started', { timeout: 30_000 })

    // The page's own cookie identifies the learner; completing through the API is what the lesson button does.
    const done = await page.request.post('/api/progress/complete', { data: { lessonId: LESSON } })
    expect(done.status()).toBe(200)
    await page.reload()
    await expect(row).toContainText('Completed')
    await page.reload()
    await expect(row).toContainText('Completed')
    const code = (await page.getByTestId('progress-code').textContent())?.trim() ?? ''
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/)

    const fresh = await browser.newContext()
    try {
      const other = await fresh.newPage()
      await other.goto('/progress')
      const otherRow = other.getByRole('region', { name: 'Lessons' }).getByRole('row', { name: /Introduction to Container Networking/ })
      await expect(otherRow).toContainText('Not started')
      await other.getByRole('textbox', { name: 'Continue with a code from another device' }).fill(code.toLowerCase())
      await other.getByRole('button', { name: 'Continue' }).click()
      await expect(other.getByRole('status').filter({ hasText: 'this device now continues' })).toBeVisible()
      await expect(otherRow).toContainText('Completed')
      await expect(other.getByTestId('progress-code')).toHaveText(code)
    } finally {
      await fresh.close()
    }
  })

  test('a wrong progress code is refused with a sentence', async ({ page }) => {
    await page.goto('/progress')
    await page.getByRole('textbox', { name: 'Continue with a code from another device' }).fill('ZZZZ-ZZZZ-ZZZZ')
    await page.getByRole('button', { name: 'Continue' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'No progress matches that code' })).toBeVisible()
  })
})

// playwright.config.ts starts the course server with ADMIN_TOKEN (shared as E2E_ADMIN_TOKEN) and the fixture server
// without one, so both sides of the instructor switch are exercised.
const adminToken = process.env.E2E_ADMIN_TOKEN

test.describe('instructor', () => {
  test('without ADMIN_TOKEN the gradebook refuses plainly', async ({ page, request }) => {
    await page.goto(`${FIXTURE_URL}/instructor`)
    await expect(page.getByText('The instructor gradebook is switched off on this server.')).toBeVisible()
    const api = await request.get(`${FIXTURE_URL}/api/instructor/gradebook`)
    expect(api.status()).toBe(404)
  })

  test('with the token an instructor signs in and sees the gradebook and its CSV', async ({ page }) => {
    if (!adminToken) throw new Error('E2E_ADMIN_TOKEN is not set: playwright.config.ts should set it')
    await page.request.post('/api/progress/complete', { data: { lessonId: 'container-networking-intro' } })
    await page.goto('/instructor')
    await page.getByLabel('Instructor token').fill('wrong-token')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect(page.getByRole('status')).toHaveText('That is not the instructor token.')
    await page.getByLabel('Instructor token').fill(adminToken ?? '')
    await page.getByRole('button', { name: 'Sign in' }).click()
    const table = page.getByRole('table')
    await expect(table.getByRole('columnheader', { name: 'Course grade' })).toBeVisible({ timeout: 15_000 })
    await expect(table.getByRole('row')).not.toHaveCount(1)
    const csv = await page.request.get('/api/instructor/gradebook?format=csv')
    expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8')
    expect((await csv.text()).split('\r\n')[0]).toContain('course_grade')
  })
})
