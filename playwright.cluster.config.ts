import { defineConfig } from '@playwright/test'

// The two-instance deployment e2e (e2e/cluster/): PostgreSQL, two app instances and nginx, all started by the spec
// itself (e2e/cluster/cluster.ts) against the existing build. `npm test` runs it after the main Playwright run,
// which builds the course. Needs Debian's postgresql and nginx (.ci/run installs them).
const chromiumPathModule = './scripts/chromium-path.mjs'
const { e2eLaunchOptions } = (await import(chromiumPathModule)) as { e2eLaunchOptions: () => { executablePath: string | undefined; args: string[] } }

export default defineConfig({
  testDir: './e2e/cluster',
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: [['list']],
  timeout: 120_000,
  use: {
    trace: 'retain-on-failure',
    browserName: 'chromium',
    launchOptions: e2eLaunchOptions(),
  },
})
