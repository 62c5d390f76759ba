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
