#!/usr/bin/env node
// Use a system Chromium when there is one (CHROMIUM_PATH, else /usr/bin/chromium); otherwise make sure
// Playwright's own browser is installed. playwright.config.ts reads the same rule from scripts/chromium-path.mjs.
import { spawnSync } from 'node:child_process'
import { chromiumPath } from './chromium-path.mjs'

const system = chromiumPath()
if (system) {
  console.log(`e2e: using system Chromium at ${system}`)
} else {
  console.log('e2e: no system Chromium found; installing Playwright\'s chromium')
  const res = spawnSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' })
  if (res.status !== 0) process.exit(res.status ?? 1)
}
