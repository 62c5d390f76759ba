import { randomBytes } from 'node:crypto'
import AxeBuilder from '@axe-core/playwright'
import { parseCsv } from './csv'
import { expect, test } from './test'

// Issue 12, "who earned it": an instructor opens a class, two learners (two browsers) join it by its link and code,
// give their names, and appear by name in that class's gradebook and CSV.

// Two browsers, a sign-in and axe on three pages: minutes on a busy 2-core machine.
test.setTimeout(300_000)

test('two learners join a class by its code, give their names and appear by name in that class\'s gradebook', async ({ page, browser }) => {
  const token = process.env.E2E_ADMIN_TOKEN
  if (!token) throw new Error('E2E_ADMIN_TOKEN is not set: playwright.config.ts should set it')
  const tag = randomBytes(3).toString('hex')
  const className = `Class ${tag}`

  await page.goto('/instructor')
  await page.getByLabel('Instructor token').fill(token)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByLabel('Class name').fill(className, { timeout: 30_000 })
  await page.getByRole('button', { name: 'Open a class' }).click()
  await expect(page.getByRole('status').filter({ hasText: `Opened "${className}"` })).toBeVisible({ timeout: 30_000 })
  const entry = page.getByRole('list', { name: 'Your classes' }).getByRole('listitem').filter({ hasText: className })
  const code = ((await entry.getByTestId('join-code').textContent()) ?? '').trim()
  expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/)

  const learners = [
    { name: `Ada ${tag}`, studentId: `s-${tag}-1`, how: 'link' as const },
    { name: `Alan ${tag}`, studentId: '', how: 'code' as const },
  ]
  for (const learner of learners) {
    const context = await browser.newContext()
    try {
      const p = await context.newPage()
      // One joins with the link (the code is filled in), the other types the code in lower case.
      await p.goto(learner.how === 'link' ? `/progress?join=${code}` : '/progress')
      const codeBox = p.getByLabel('Class code')
      if (learner.how === 'link') await expect(codeBox).toHaveValue(code, { timeout: 30_000 })
      else await codeBox.fill(code.toLowerCase())
      await p.getByLabel('Display name').fill(learner.name)
      await p.getByLabel('Student id (optional)').fill(learner.studentId)
      await p.getByRole('button', { name: 'Save name' }).click()
      await expect(p.getByRole('status').filter({ hasText: `your instructor sees "${learner.name}"` })).toBeVisible({ timeout: 15_000 })
      await p.getByRole('button', { name: 'Join class' }).click()
      await expect(p.getByRole('status').filter({ hasText: `You joined ${className}.` })).toBeVisible({ timeout: 15_000 })
      await expect(p.getByText(`Your classes: ${className}.`)).toBeVisible()
      expect((await new AxeBuilder({ page: p }).analyze()).violations).toEqual([])
    } finally {
      await context.close()
    }
  }

  await page.reload()
  const reloaded = page.getByRole('list', { name: 'Your classes' }).getByRole('listitem').filter({ hasText: className })
  await expect(reloaded).toContainText('(2 learners)', { timeout: 30_000 })
  await reloaded.getByRole('button', { name: `Show ${className}'s gradebook` }).click()
  await expect(page.getByRole('heading', { name: 'Class gradebook' })).toBeVisible()
  const rows = page.getByRole('table').getByRole('row')
  await expect(rows).toHaveCount(3, { timeout: 15_000 })
  await expect(rows.filter({ hasText: `Ada ${tag}` })).toContainText(`s-${tag}-1`)
  await expect(rows.filter({ hasText: `Alan ${tag}` })).toHaveCount(1)
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([])

  const href = await reloaded.getByRole('link', { name: `Download ${className}'s CSV` }).getAttribute('href')
  const csv = parseCsv(await (await page.request.get(href ?? '')).text())
  const header = csv[0]!
  expect(csv.slice(1).map((r) => [r[header.indexOf('display_name')], r[header.indexOf('student_id')], r[header.indexOf('classes')]])).toEqual([
    [`Ada ${tag}`, `s-${tag}-1`, className],
    [`Alan ${tag}`, '', className],
  ])
})
