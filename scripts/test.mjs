#!/usr/bin/env node
// `npm test`: unit tests (vitest: project "sqlite", and project "postgres" on a PostgreSQL 15 it starts), then
// end-to-end tests (Playwright in a real Chromium), then the two-instance deployment behind nginx on PostgreSQL.
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const bin = (name) => path.join(root, 'node_modules', '.bin', name)

function run(cmd, args, env = {}) {
  const res = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } })
  if (res.status !== 0) process.exit(res.status ?? 1)
}

// scripts/start.test.ts serves the built course, which exists only once Playwright has built it: it runs last.
run(bin('vitest'), ['run', '--exclude', 'scripts/start.test.ts'])
run(process.execPath, [path.join(root, 'scripts', 'ensure-browser.mjs')])
run(bin('playwright'), ['test'])
// Two app instances on one PostgreSQL behind nginx (e2e/cluster/), on the build the run above made.
run(bin('playwright'), ['test', '-c', 'playwright.cluster.config.ts'])
// The e2e run built the course: make sure no answer key or rubric text reached what the browser can download.
run(process.execPath, [path.join(root, 'scripts', 'check-no-keys.mjs')])
run(bin('vitest'), ['run', 'scripts/start.test.ts'], { REQUIRE_BUILD: '1' })
