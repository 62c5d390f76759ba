import { test as base, expect } from '@playwright/test'

/** True for addresses on this machine, and for URLs that never touch the network (data:, blob:, about:). */
export function isLocal(url: string): boolean {
  const { protocol, hostname } = new URL(url)
  if (protocol === 'data:' || protocol === 'blob:' || protocol === 'about:') return true
  return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]' || hostname === '::1'
}

/**
 * Every test runs with a guard on its browser context: a request to any other host is aborted and recorded, and
 * the test fails if there was one. The course must work offline and request nothing from other sites.
 */
export const test = base.extend<{ offsiteRequests: string[] }>({
  offsiteRequests: [
    async ({ context }, use) => {
      const offsite: string[] = []
      context.on('request', (request) => {
        if (!isLocal(request.url())) offsite.push(request.url())
      })
      await context.route(
        (url) => !isLocal(url.href),
        (route) => route.abort('blockedbyclient'),
      )
      await use(offsite)
      expect(offsite, 'requests that left localhost').toEqual([])
    },
    { auto: true },
  ],
})

export { expect }

/**
 * Opens the sandbox's simulator as a learner does: /sandbox is a server-rendered preview until the prompt is touched
 * (issue 14), then the live terminal takes its place with the Host selection and the workbench's buttons.
 */
export async function startSandbox(page: import('@playwright/test').Page) {
  await page.getByRole('textbox', { name: 'Docker command' }).click()
  await expect(page.getByRole('button', { name: 'Share as URL' })).toBeVisible({ timeout: 20_000 })
}
