import { readdirSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { scrollThrough } from './scroll'
import { expect, test } from './test'

// Issue 14, at 360 × 740 on every lesson page, the sandbox and a solved challenge, with every island loaded: the page
// never scrolls sideways; anything wider than the box it scrolls in shows a scroll cue; and no line break falls inside
// a command-line flag, or between a flag and its value inside code (checked on the rendered text, token by token,
// with the Range's line boxes).
test.use({ viewport: { width: 360, height: 740 } })
// Each test scrolls a whole lesson and loads every island, on a shared 2-core machine.
test.describe.configure({ timeout: 120_000 })

const lessons = readdirSync(new URL('../content/lessons/', import.meta.url))
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => f.replace(/\.mdx$/, ''))

type Defects = { pageWidth: number; uncued: string[]; brokenFlags: string[] }

/** Measures the three rules in the page as it is now. */
function defects(page: Page): Promise<Defects> {
  return page.evaluate(() => {
    const describe = (el: Element) => {
      const label = el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 60) ?? ''
      return `<${el.tagName.toLowerCase()} class="${el.getAttribute('class') ?? ''}"> ${label}`
    }
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect()
      return r.width > 0 && r.height > 0 && !el.closest('.sr-only, [hidden], [aria-hidden="true"]')
    }
    // 1. Boxes whose content is wider than they are: each must scroll (not clip) and show the cue.
    const uncued: string[] = []
    for (const el of document.querySelectorAll('body *')) {
      if (!visible(el) || el.scrollWidth <= el.clientWidth + 1) continue
      const style = getComputedStyle(el)
      if (style.overflowX === 'visible') continue // its overflow shows in the page width check below
      const cued = el.matches('.scroll-cue, .lesson-prose pre') && /gradient/.test(style.backgroundImage)
      if (!cued || (style.overflowX !== 'auto' && style.overflowX !== 'scroll')) uncued.push(describe(el))
    }
    // 2. Flags (and, in code, a flag with its short value) whose characters sit on more than one line.
    const brokenFlags: string[] = []
    const walker = document.createTreeWalker(document.querySelector('main') ?? document.body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const text = node.textContent ?? ''
      const parent = node.parentElement
      if (parent === null || !visible(parent) || !/(^|\s)-{1,2}[A-Za-z]/.test(text)) continue
      const inCode = parent.closest('code, pre, [role="log"]') !== null
      // In code a flag keeps a value when the pair is at most 24 characters (KeepCommand's KEPT_PAIR).
      for (const m of text.matchAll(/(?<=^|\s)(-{1,2}[A-Za-z][\w-]*)(?: (?!-)\S+)?/g)) {
        const token = inCode && m[0].length <= 24 ? m[0] : (m[1] ?? '')
        const range = document.createRange()
        range.setStart(node, m.index)
        range.setEnd(node, m.index + token.length)
        const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)))
        if (tops.size > 1) brokenFlags.push(`"${token}" in ${describe(parent)}`)
      }
    }
    return { pageWidth: document.documentElement.scrollWidth, uncued, brokenFlags }
  })
}

async function expectNoDefects(page: Page) {
  const found = await defects(page)
  expect(found.pageWidth, 'the page scrolls sideways').toBeLessThanOrEqual(360)
  expect(found.uncued, 'wider than their box with no scroll cue').toEqual([])
  expect(found.brokenFlags, 'line breaks inside a flag').toEqual([])
}

for (const id of lessons) {
  test(`lesson ${id} at 360 px: no sideways page scroll, cued scroll boxes, whole flags`, async ({ page }) => {
    await page.goto(`/lessons/${id}`)
    await scrollThrough(page)
    const challenges = page.getByRole('region', { name: /^Challenge: / })
    await expect(page.getByRole('button', { name: 'Check my setup' })).toHaveCount(await challenges.count())
    await expectNoDefects(page)
  })
}

test('/sandbox at 360 px, with a long docker ps line in the terminal', async ({ page }) => {
  await page.goto('/sandbox')
  const input = page.getByRole('textbox', { name: 'Docker command' })
  for (const line of ['docker run -d --name web -p 8080:80 nginx', 'docker ps', 'iptables -I DOCKER-USER -p tcp --dport 8080 -j DROP']) {
    await input.fill(line)
    await input.press('Enter')
  }
  const log = page.getByRole('log', { name: 'Terminal output' })
  await expect(log).toContainText('--dport 8080')
  // The 64-character container ID docker run prints makes the log wider than its box: it scrolls, with the cue.
  expect(await log.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true)
  // Nothing in the topology needs a sideways scroll: the hosts stack.
  const diagram = page.getByRole('group', { name: /Topology diagram/ })
  expect(await diagram.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true)
  await expectNoDefects(page)
})

test('a solved challenge at 360 px', async ({ page }) => {
  await page.goto('/lessons/container-networking-intro')
  const c = page.getByRole('region', { name: 'Challenge: Expose nginx on port 8080 to the LAN' })
  await c.scrollIntoViewIfNeeded()
  const input = c.getByRole('textbox', { name: 'Docker command' })
  await input.fill('docker run -d --name web -p 8080:80 nginx')
  await input.press('Enter')
  await c.getByRole('button', { name: 'Check my setup' }).click()
  await expect(c.getByText('Challenge solved')).toBeVisible({ timeout: 20_000 })
  // Solved: the reference solution is no longer offered.
  await expect(c.getByRole('button', { name: 'Show the reference solution' })).toHaveCount(0)
  const diagram = c.getByRole('group', { name: /Topology diagram/ })
  expect(await diagram.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true)
  await expectNoDefects(page)
})
