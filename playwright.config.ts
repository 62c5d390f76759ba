import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { defineConfig } from '@playwright/test'
import { COURSE_PORT, COURSE_URL, FIXTURE_PORT, FIXTURE_URL } from './e2e/urls'

// The same rule as `npm test`'s ensure-browser step: CHROMIUM_PATH, else /usr/bin/chromium, else Playwright's own.
// Imported through a variable because the .mjs helper has no type declarations.
const chromiumPathModule = './scripts/chromium-path.mjs'
const { e2eLaunchOptions } = (await import(chromiumPathModule)) as { e2eLaunchOptions: () => { executablePath: string | undefined; args: string[] } }

// Each run gets an empty data folder, so progress stored by one run never leaks into the next.
const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(path.join(tmpdir(), 'packet-path-e2e-'))

// The course server runs with an instructor token (the fixture server without one); workers inherit it from here.
const adminToken = (process.env.E2E_ADMIN_TOKEN ??= randomBytes(18).toString('base64url'))

// A build on this 2-core machine can take a few minutes when other work is running.
const SERVER_TIMEOUT_MS = 6 * 60_000

export default defineConfig({
  testDir: './e2e',
  // The two-instance proxy e2e has its own config (playwright.cluster.config.ts).
  testIgnore: ['cluster/**'],
  fullyParallel: false,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: COURSE_URL,
    trace: 'retain-on-failure',
    browserName: 'chromium',
    launchOptions: e2eLaunchOptions(),
  },
  webServer: [
    {
      // The real course, exactly as `npm start` serves it (builds first when the sources changed).
      command: 'node scripts/start.mjs',
      url: COURSE_URL,
      env: { PORT: String(COURSE_PORT), DATA_DIR: dataDir, ADMIN_TOKEN: adminToken, NEXT_TELEMETRY_DISABLED: '1' },
      reuseExistingServer: false,
      timeout: SERVER_TIMEOUT_MS,
      stdout: 'pipe',
    },
    {
      // A course with three fixture lessons, for previous/next navigation.
      command: 'node e2e/serve-fixture.mjs',
      url: FIXTURE_URL,
      env: { PORT: String(FIXTURE_PORT), DATA_DIR: path.join(dataDir, 'fixture'), NEXT_TELEMETRY_DISABLED: '1' },
      reuseExistingServer: false,
      timeout: SERVER_TIMEOUT_MS,
    },
  ],
})
