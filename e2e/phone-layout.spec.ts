import { readdirSync } from 'node:fs'
import { expect, test } from './test'

// At 360 px (a small phone) nothing widens the page: long inline code in a quiz wraps, diagrams scale to the column
// with a link to the full-size file, the progress table stacks, and option words in the sidebar stay whole.
test.use({ viewport: { width: 360, height: 740 } })

const pageWidth = (page: import('@playwright/test').Page) => page.evaluate(() => document.documentElement.scrollWidth)

const lessons = readdirSync(new URL('../content/lessons/', import.meta.url))
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => f.replace(/\.mdx$/, ''))

/** Issue 14: the smallest label of a lesson diagram, as rendered, is at least this many CSS pixels at 360 px. */
const SMALLEST_LABEL_PX = 11

/** Each figure's picture as shown now: the file the browser chose, its drawing's width and smallest label, its width on screen. */
async function shownDiagrams(page: import('@playwright/test').Page) {
  const shown: { src: string; file: string; smallest: number; rendered: number }[] = []
  for (const figure of await page.getByRole('figure').filter({ has: page.locator('img[src^="/diagrams/"]') }).all()) {
    const img = figure.getByRole('img')
    await img.scrollIntoViewIfNeeded()
    const { src, file, width } = await img.evaluate(async (el: HTMLImageElement) => {
      await el.decode()
      return { src: el.getAttribute('src') ?? '', file: new URL(el.currentSrc).pathname, width: el.getBoundingClientRect().width }
    })
    const svg = await (await page.request.get(file)).text()
    const viewBoxWidth = Number(/<svg[^>]*\bviewBox="0 0 ([\d.]+) /.exec(svg)?.[1])
    const smallest = Math.min(...[...svg.matchAll(/font-size="([\d.]+)"/g)].map((m) => Number(m[1])))
    shown.push({ src, file, smallest, rendered: (smallest * width) / viewBoxWidth })
  }
  return shown
}

for (const id of lessons) {
  test(`${id}: every diagram shows its narrow drawing, labels at least ${SMALLEST_LABEL_PX} px, and opens the wide one at full size`, async ({ page }) => {
    await page.goto(`/lessons/${id}`)
    const shown = await shownDiagrams(page)
    for (const d of shown) {
      expect(d.file, `${id}: ${d.src}`).toBe(d.src.replace(/\.svg$/, '-narrow.svg'))
      expect(d.rendered, `${id}: ${d.file}'s smallest label (${d.smallest} units) on screen`).toBeGreaterThanOrEqual(SMALLEST_LABEL_PX)
    }
    for (const figure of await page.getByRole('figure').filter({ has: page.locator('img[src^="/diagrams/"]') }).all()) {
      const src = await figure.getByRole('img').getAttribute('src')
      await expect(figure.getByRole('link', { name: 'Open full size' })).toHaveAttribute('href', src ?? '')
    }
    expect(await pageWidth(page)).toBeLessThanOrEqual(360)
  })
}

test('lesson 6: the quiz question with a long --publish option wraps instead of widening the page', async ({ page }) => {
  await page.goto('/lessons/overlay-and-orchestrators')
  const code = page.locator('code', { hasText: '--publish published=8081,target=80,mode=host' }).first()
  await code.scrollIntoViewIfNeeded()
  await expect(code).toBeVisible()
  const box = await code.boundingBox()
  expect(box && box.x + box.width).toBeLessThanOrEqual(360)
  expect(await pageWidth(page)).toBeLessThanOrEqual(360)
  // Code blocks still scroll sideways inside their own box rather than wrapping.
  const pre = page.locator('main pre').first()
  expect(await pre.evaluate((el) => getComputedStyle(el).overflowX)).toBe('auto')
  expect(await pre.evaluate((el) => getComputedStyle(el.querySelector('code') ?? el).overflowWrap)).not.toBe('anywhere')
})

test('lesson 5: the diagram fits the column and opens at full size in the same tab', async ({ page }) => {
  await page.goto('/lessons/macvlan-and-ipvlan')
  const figure = page.getByRole('figure').first()
  const img = figure.getByRole('img')
  await img.scrollIntoViewIfNeeded()
  expect(await img.evaluate(async (el: HTMLImageElement) => (await el.decode(), el.naturalWidth > 0))).toBe(true)
  const box = await img.boundingBox()
  expect(box && box.x >= 0 && box.x + box.width <= 360).toBe(true)
  expect(await pageWidth(page)).toBeLessThanOrEqual(360)
  const full = figure.getByRole('link', { name: 'Open full size' })
  await expect(full).toHaveAttribute('href', '/diagrams/macvlan-and-ipvlan-lan.svg')
  await expect(full).not.toHaveAttribute('target', /.*/)
  await full.click()
  await expect(page).toHaveURL(/\/diagrams\/macvlan-and-ipvlan-lan\.svg$/)
})

test('/progress: each lesson reads as a card with its challenges and quizzes in view', async ({ page }) => {
  await page.goto('/progress')
  const row = page.getByRole('region', { name: 'Lessons' }).getByRole('row', { name: /Introduction to Container Networking/ })
  await expect(row).toContainText('Not started', { timeout: 30_000 })
  await expect(row).toContainText('Challenges and quizzes:')
  const item = row.getByRole('link', { name: 'Expose nginx on port 8080 to the LAN' })
  const box = await item.boundingBox()
  expect(box && box.x >= 0 && box.x + box.width <= 360).toBe(true)
  expect(await pageWidth(page)).toBeLessThanOrEqual(360)
  await expect(page.getByText(/^Course grade \d+%: your best score/)).toBeVisible()
})

test.describe('at desktop width, where the QA walk saw it', () => {
  test.use({ viewport: { width: 1280, height: 800 } })
  test('the lessons show the wide diagrams', async ({ page }) => {
    await page.goto('/lessons/container-networking-intro')
    const shown = await shownDiagrams(page)
    expect(shown.map((d) => d.file)).toEqual(['/diagrams/traditional-host-path.svg', '/diagrams/container-packet-path.svg'])
  })

  test('the sidebar keeps "-p" on one line with the rest of its word', async ({ page }) => {
    await page.goto('/lessons/publishing-ports')
    const current = page.getByRole('navigation', { name: 'Lessons' }).locator('[aria-current="page"]')
    await expect(current).toContainText('Publishing ports with -p')
    const option = current.locator('span.whitespace-nowrap', { hasText: '-p' })
    await expect(option).toHaveCount(1)
    expect(await option.evaluate((el) => el.getClientRects().length)).toBe(1)
  })
})
