import type { Page } from '@playwright/test'

/**
 * Scrolls the page from top to bottom one screen at a time, as a reader does, so every island that waits for the
 * viewport (challenges, quizzes, the completion button; issue 14) loads, then back to the top.
 */
export async function scrollThrough(page: Page): Promise<void> {
  for (let i = 0; i < 60; i++) {
    const atEnd = await page.evaluate(() => {
      window.scrollBy(0, window.innerHeight)
      return window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2
    })
    await page.waitForTimeout(100)
    if (atEnd) break
  }
  await page.evaluate(() => window.scrollTo(0, 0))
}
