import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, test } from './test'
import { FIXTURE_URL } from './urls'

const INTRO = '/lessons/container-networking-intro'
const DRIVERS = ['bridge', 'host', 'none', 'macvlan', 'overlay']

test.describe('the course', () => {
  test('home presents the course and reaches the intro lesson through the sidebar', async ({ page }) => {
    await page.goto('/')
    await expect(page.getByRole('heading', { level: 1, name: 'Packet Path' })).toBeVisible()
    await expect(page.getByRole('heading', { name: 'Lessons' })).toBeVisible()
    const sidebar = page.getByRole('navigation', { name: 'Lessons' })
    await sidebar.getByRole('link', { name: /Introduction to Container Networking/ }).click()
    await expect(page).toHaveURL(INTRO)
    await expect(page.getByRole('heading', { level: 1, name: 'Introduction to Container Networking' })).toBeVisible()
    await expect(sidebar.getByRole('link', { name: /Introduction to Container Networking/ })).toHaveAttribute(
      'aria-current',
      'page',
    )
  })

  test('the lesson shows the five-driver table, both diagrams and the four review questions', async ({ page }) => {
    await page.goto(INTRO)
    const table = page.getByRole('table', { name: "Docker's built-in network drivers" })
    await expect(table).toBeVisible()
    await expect(table.getByRole('row')).toHaveCount(DRIVERS.length + 1)
    for (const driver of DRIVERS) {
      await expect(table.getByRole('cell', { name: driver, exact: true })).toBeVisible()
    }
    for (const name of [/Traditional host networking/, /Container networking: Internet, router/]) {
      const img = page.getByRole('img', { name })
      await img.scrollIntoViewIfNeeded()
      await expect(img).toBeVisible()
      // Loaded, not a broken-image box. decode() waits for an image still loading (a lazy image starts when
      // scrolled into view) and rejects for a broken one.
      expect(await img.evaluate(async (el: HTMLImageElement) => (await el.decode(), el.complete && el.naturalWidth > 0))).toBe(true)
    }
    for (const n of [1, 2, 3, 4]) await expect(page.locator(`li#review-q${n}`)).toBeVisible()
    // The original lesson's mangled bytes ("ðŸ§ ", "â€™") must not come back.
    expect(await page.locator('body').innerText()).not.toMatch(/ðŸ|â€|Ã[\u0080-\u00bf]/)
  })

  test('a code block copies its text with the keyboard', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'])
    await page.goto(INTRO)
    const copy = page.getByRole('button', { name: 'Copy code' }).first()
    await copy.focus()
    await page.keyboard.press('Enter')
    await expect(page.getByRole('status').filter({ hasText: 'Code copied to clipboard' })).toHaveCount(1)
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('docker network ls')
  })

  test('dark mode follows the system until toggled, and the choice survives a reload', async ({ browser }) => {
    const context = await browser.newContext({ colorScheme: 'dark' })
    const page = await context.newPage()
    await page.goto(INTRO)
    const html = page.locator('html')
    const toggle = page.getByRole('button', { name: 'Dark mode' })
    await expect(html).toHaveClass(/\bdark\b/)
    await expect(toggle).toHaveAttribute('aria-pressed', 'true')
    await toggle.click()
    await expect(html).not.toHaveClass(/\bdark\b/)
    await expect(toggle).toHaveAttribute('aria-pressed', 'false')
    await page.reload()
    await expect(html).not.toHaveClass(/\bdark\b/)
    await expect(toggle).toHaveAttribute('aria-pressed', 'false')
    await context.close()
  })

  test('dark mode toggled on a light system survives a reload', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' })
    await page.goto('/')
    const toggle = page.getByRole('button', { name: 'Dark mode' })
    await expect(toggle).toHaveAttribute('aria-pressed', 'false')
    await toggle.click()
    await expect(page.locator('html')).toHaveClass(/\bdark\b/)
    await page.reload()
    // The head script applies the stored theme before the first paint, then the toggle agrees with it.
    await expect(page.locator('html')).toHaveClass(/\bdark\b/)
    await expect(toggle).toHaveAttribute('aria-pressed', 'true')
  })

  test('the keyboard reaches the skip link first, and every stop shows a focus ring', async ({ page }) => {
    await page.goto(INTRO)
    await page.keyboard.press('Tab')
    const skip = page.getByRole('link', { name: 'Skip to content' })
    await expect(skip).toBeFocused()
    expect((await skip.boundingBox())?.width ?? 0).toBeGreaterThan(20)
    await page.keyboard.press('Enter')
    await expect(page.getByRole('main')).toBeFocused()

    // Tab through the rest of the page until focus leaves it or wraps to the skip link.
    const stops: string[] = []
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab')
      const stop = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null
        if (!el || el === document.body) return null
        return { name: el.getAttribute('aria-label') ?? el.textContent?.trim() ?? el.tagName, outline: getComputedStyle(el).outlineStyle }
      })
      if (stop === null || stop.name === 'Skip to content') break
      expect(stop.outline, `focus ring on "${stop.name}"`).not.toBe('none')
      stops.push(stop.name)
    }
    expect(stops).toContain("Docker's built-in network drivers")
    expect(stops).toContain('Copy code')
  })

  // The guard is the test suite's own net under the site's Content-Security-Policy, which already refuses such a
  // request inside the page (e2e/security.spec.ts); with the policy bypassed here, the guard must catch it alone.
  test.describe('with the page\'s CSP bypassed', () => {
    test.use({ bypassCSP: true })
    test('the offsite-request guard notices a request to another host (and blocks it)', async ({ page, offsiteRequests }) => {
      await page.goto('/')
      const outcome = await page.evaluate(() =>
        fetch('http://example.com/packet-path-probe').then(
          () => 'answered',
          () => 'blocked',
        ),
      )
      expect(outcome).toBe('blocked')
      expect(offsiteRequests).toEqual(['http://example.com/packet-path-probe'])
      // This test made the request on purpose; every other test ends with the list empty.
      offsiteRequests.length = 0
    })
  })

  test('on a phone the lesson list folds behind a button', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 })
    await page.goto('/')
    const sidebar = page.getByRole('navigation', { name: 'Lessons' })
    const button = page.getByRole('button', { name: 'Lessons' })
    await expect(sidebar).toBeHidden()
    await button.click()
    await expect(button).toHaveAttribute('aria-expanded', 'true')
    await sidebar.getByRole('link', { name: /Introduction to Container Networking/ }).click()
    await expect(page).toHaveURL(INTRO)
  })

  for (const [name, url] of [
    ['home', '/'],
    ['intro lesson', INTRO],
  ] as const) {
    for (const colorScheme of ['light', 'dark'] as const) {
      test(`axe finds no violations on the ${name} page (${colorScheme})`, async ({ page }) => {
        await page.emulateMedia({ colorScheme })
        await page.goto(url)
        await expectNoAxeViolations(page)
      })
    }
  }
})

test.describe('previous and next (fixture course with three lessons)', () => {
  test.use({ baseURL: FIXTURE_URL })

  test('walks forward with Next and back with Previous, marking the current lesson', async ({ page }) => {
    await page.goto('/lessons/networks-and-namespaces')
    const pager = page.getByRole('navigation', { name: 'Previous and next lesson' })
    const sidebar = page.getByRole('navigation', { name: 'Lessons' })
    await expect(pager.getByRole('link', { name: /Previous/ })).toHaveCount(0)

    await pager.getByRole('link', { name: /Next.*Bridges and veth pairs/ }).click()
    await expect(page).toHaveURL('/lessons/bridges-and-veth')
    await expect(page.getByRole('heading', { level: 1, name: 'Bridges and veth pairs' })).toBeVisible()
    await expect(sidebar.getByRole('link', { name: /Bridges and veth pairs/ })).toHaveAttribute('aria-current', 'page')

    await pager.getByRole('link', { name: /Next.*Published ports/ }).click()
    await expect(page).toHaveURL('/lessons/published-ports')
    await expect(pager.getByRole('link', { name: /Next/ })).toHaveCount(0)

    await pager.getByRole('link', { name: /Previous.*Bridges and veth pairs/ }).click()
    await expect(page).toHaveURL('/lessons/bridges-and-veth')
    await expect(sidebar.getByRole('link', { name: /Networks and namespaces/ })).not.toHaveAttribute('aria-current')
  })

  test('the sidebar lists the fixture lessons in sidebar_position order', async ({ page }) => {
    await page.goto('/')
    const links = page.getByRole('navigation', { name: 'Lessons' }).getByRole('link')
    await expect(links).toHaveText([/Networks and namespaces/, /Bridges and veth pairs/, /Published ports/])
  })
})

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze()
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)
  expect(summary).toEqual([])
}
