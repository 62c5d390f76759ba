import { readdirSync, readFileSync } from 'node:fs'
import AxeBuilder from '@axe-core/playwright'
import { scrollThrough } from './scroll'
import { expect, test } from './test'

// Every lesson of the course, as a learner opens it: reachable in order from the sidebar, readable (no mangled
// characters), accessible (axe), and its challenges and quizzes present.
const dir = new URL('../content/lessons/', import.meta.url)
const lessons = readdirSync(dir)
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => {
    const source = readFileSync(new URL(f, dir), 'utf8')
    const position = Number(/^sidebar_position:\s*(\d+)/m.exec(source)?.[1])
    const title = /^title:\s*"?(.+?)"?\s*$/m.exec(source)?.[1] ?? ''
    return { id: f.replace(/\.mdx$/, ''), position, title, challenges: source.match(/<Challenge id=/g)?.length ?? 0, quizzes: source.match(/<Quiz id=/g)?.length ?? 0 }
  })
  .sort((a, b) => a.position - b.position)

// Each lesson test scrolls the whole page to load every island (issue 14) before axe runs, on a shared 2-core machine.
test.describe.configure({ timeout: 180_000 })

test('the sidebar lists the eight lessons in course order', async ({ page }) => {
  await page.goto('/')
  const links = page.getByRole('navigation', { name: 'Lessons' }).getByRole('link')
  // Each link is numbered ("1."), then the lesson's title.
  await expect(links).toContainText(lessons.map((l) => l.title))
  expect(lessons.length).toBeGreaterThanOrEqual(8)
})

for (const lesson of lessons) {
  test(`lesson ${lesson.id}: renders its widgets, no mangled characters, no axe violations, no errors`, async ({ page }) => {
    // React reports a hydration mismatch (e.g. an island rendering data the static HTML did not have) as an error.
    const errors: string[] = []
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text())
    })
    page.on('pageerror', (e) => errors.push(String(e)))
    await page.goto(`/lessons/${lesson.id}`)
    await expect(page.getByRole('heading', { level: 1, name: lesson.title })).toBeVisible()
    // Each challenge arrives as a server-rendered preview with a Start button; its simulator loads when the reader
    // comes near it after starting to use the page (issue 14). A reader who stops at each challenge loads each one;
    // a flick past it (scrollThrough's 100 ms a screen, on a loaded machine) may not, so each is visited in turn.
    const challenges = page.getByRole('region', { name: /^Challenge: / })
    await expect(challenges).toHaveCount(lesson.challenges)
    await scrollThrough(page)
    for (const challenge of await challenges.all()) {
      await challenge.scrollIntoViewIfNeeded()
      await expect(challenge.getByRole('button', { name: 'Check my setup' })).toBeVisible({ timeout: 30_000 })
    }
    await expect(page.getByRole('button', { name: 'Check my setup' })).toHaveCount(lesson.challenges)
    await expect(page.getByRole('button', { name: 'Check answers' })).toHaveCount(lesson.quizzes)
    expect(await page.locator('main').innerText()).not.toMatch(/ð|â€|Ã|\uFFFD/)
    const results = await new AxeBuilder({ page }).analyze()
    expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([])
    // The sidebar's progress has arrived, so every deferred island has hydrated by now.
    await expect(page.getByRole('progressbar', { name: 'Course completed' })).toHaveAttribute('aria-valuenow', /\d/)
    expect(errors).toEqual([])
  })
}
