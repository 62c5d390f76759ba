import { readdirSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import type { Page } from '@playwright/test'
import { expect, test } from './test'

// Issue 14: a lesson page that loads and sits, never scrolled or touched, fetches at most 150 kB of script (gzipped,
// as bench:bundle and e2e/quiz-review.spec.ts count it), on a phone and on a desktop. This is what Lighthouse's
// mobile run sees: it waits for the network to go quiet, then a few seconds more, so an island that opens on an idle
// timer or because it sits "near" the first screen counts against the page. The failure message lists each chunk.
test.describe.configure({ timeout: 120_000 })

const BUDGET_KB = 150
/** Lighthouse waits for network quiet, then a few seconds; idle-time islands opened 4 s after load before issue 14. */
const SETTLE_MS = 6000

const lessons = readdirSync(new URL('../content/lessons/', import.meta.url))
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => f.replace(/\.mdx$/, ''))

/** Every script the page fetched so far, each with its gzipped size in bytes. */
async function scriptSizes(page: Page): Promise<{ url: string; bytes: number }[]> {
  const urls = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      .filter((n) => /\.js(\?|$)/.test(n)),
  )
  const sizes = []
  for (const url of urls) sizes.push({ url, bytes: gzipSync(await (await page.request.get(url)).body(), { level: 9 }).length })
  return sizes
}

for (const viewport of [
  { width: 360, height: 740 },
  { width: 1280, height: 800 },
]) {
  test.describe(`at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport })
    for (const id of lessons) {
      test(`/lessons/${id} loads at most ${BUDGET_KB} kB of script before any interaction`, async ({ page }) => {
        await page.goto(`/lessons/${id}`, { waitUntil: 'load' })
        await page.waitForLoadState('networkidle')
        await page.waitForTimeout(SETTLE_MS)
        await page.waitForLoadState('networkidle')
        const sizes = await scriptSizes(page)
        const total = sizes.reduce((sum, s) => sum + s.bytes, 0) / 1024
        const list = sizes
          .sort((a, b) => b.bytes - a.bytes)
          .map((s) => `${(s.bytes / 1024).toFixed(1).padStart(6)} kB  ${new URL(s.url).pathname}`)
          .join('\n')
        console.log(`${id} @${viewport.width}: ${total.toFixed(1)} kB in ${sizes.length} scripts`)
        expect(total, `${total.toFixed(1)} kB of script before interaction:\n${list}`).toBeLessThanOrEqual(BUDGET_KB)
      })
    }
  })
}

// Issue 14: a prerendered page shows its text before the framework's ~140 kB of script start downloading
// (scripts/defer-scripts.mjs), so on a phone's network the stylesheet and the HTML do not share the connection with
// them. Next's own tags in the head had the browser request them while it was still reading the HTML; now they are
// requested only once the whole document has been parsed (domInteractive; the loader then waits for a frame). The
// paint timing entry is not compared: it records when the compositor presented that frame, which may come after the
// main thread's next task, where the loader runs. The page still hydrates: the theme button works.
for (const route of ['/lessons/publishing-ports', '/', '/review']) {
  test(`${route} requests the framework's scripts only after its document is parsed, and still hydrates`, async ({ page }) => {
    await page.goto(route, { waitUntil: 'load' })
    await page.waitForLoadState('networkidle')
    const { parsed, scripts } = await page.evaluate(() => ({
      parsed: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domInteractive,
      scripts: performance
        .getEntriesByType('resource')
        .filter((e) => new URL(e.name).pathname.startsWith('/_next/static/') && /\.js$/.test(new URL(e.name).pathname))
        .map((e) => ({ path: new URL(e.name).pathname, start: e.startTime })),
    }))
    expect(scripts.length).toBeGreaterThan(0)
    for (const s of scripts) {
      expect(s.start, `${s.path} requested at ${s.start.toFixed(1)} ms, the document parsed at ${parsed.toFixed(1)} ms`).toBeGreaterThanOrEqual(parsed)
    }
    const html = await (await page.request.get(route)).text()
    expect(html).not.toMatch(/<script src="\/_next\/static\/[^"]+" async=""><\/script>/)
    const toggle = page.getByRole('button', { name: /dark mode/i })
    const before = await page.evaluate(() => document.documentElement.classList.contains('dark'))
    await toggle.click()
    await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(!before)
  })
}
