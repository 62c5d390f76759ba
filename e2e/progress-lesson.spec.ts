import { expect, test } from './test'

const INTRO = '/lessons/container-networking-intro'

test.describe('progress on the lesson page', () => {
  test('mark complete shows at once, updates the sidebar and survives a reload', async ({ page }) => {
    await page.goto(INTRO)
    const sidebar = page.getByRole('navigation', { name: 'Lessons' })
    const badge = sidebar.getByRole('listitem').filter({ hasText: 'Introduction to Container Networking' })
    // The visit is counted on load, so the lesson reads as started.
    await expect(badge).toContainText('started', { timeout: 30_000 })
    await page.getByRole('button', { name: 'Mark complete' }).click()
    await expect(page.getByRole('button', { name: '✓ Completed' })).toBeDisabled()
    await expect(badge).toContainText('completed')
    await expect(page.getByRole('progressbar', { name: 'Course completed' })).toHaveAttribute('aria-valuenow', /^[1-9]/)
    await page.reload()
    await expect(page.getByRole('button', { name: '✓ Completed' })).toBeVisible()
    // Pages that are not lessons show the same progress in their sidebar, without the learner touching anything.
    for (const path of ['/', '/progress']) {
      await page.goto(path)
      await expect(page.getByRole('progressbar', { name: 'Course completed' }), path).toHaveAttribute('aria-valuenow', /^[1-9]/)
      await expect(page.getByRole('navigation', { name: 'Lessons' }).getByRole('listitem').filter({ hasText: 'Introduction to Container Networking' }), path).toContainText('completed')
    }
  })

  test('a click while offline is kept and saved when the connection returns', async ({ page, context }) => {
    await page.goto(INTRO)
    const button = page.getByRole('button', { name: 'Mark complete' })
    // Progress has loaded (and the visit is recorded) before the network goes away.
    const badge = page.getByRole('navigation', { name: 'Lessons' }).getByRole('listitem').filter({ hasText: 'Introduction to Container Networking' })
    await expect(badge).toContainText('started', { timeout: 30_000 })
    // The completion button is part of the page's first load (plain requests, no island, issue 14); wait for the
    // page to settle before the connection goes away.
    await page.waitForLoadState('networkidle')
    await context.setOffline(true)
    await button.click()
    await expect(page.getByRole('status').filter({ hasText: 'offline' })).toBeVisible()
    await expect(page.getByRole('button', { name: '✓ Completed' })).toBeVisible()
    await context.setOffline(false)
    await expect(page.getByRole('status').filter({ hasText: 'Lesson completed.' })).toBeVisible()
    await page.goto('/progress')
    const row = page.getByRole('region', { name: 'Lessons' }).getByRole('row', { name: /Introduction to Container Networking/ })
    await expect(row).toContainText('Completed')
  })
})
