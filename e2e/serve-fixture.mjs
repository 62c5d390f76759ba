#!/usr/bin/env node
// The second e2e server: the course built from e2e/fixtures/content (three lessons, for prev/next) into its own
// dist folder and tsconfig (next.config.mjs reads NEXT_DIST_DIR / NEXT_TSCONFIG_PATH), then `next start`.
import { spawn, spawnSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { deferBuild } from '../scripts/defer-scripts.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next')
const port = process.env.PORT
if (!port) {
  console.error('serve-fixture: set PORT (playwright.config.ts does)')
  process.exit(2)
}
const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: '1',
  NEXT_DIST_DIR: '.next/e2e-fixture',
  NEXT_TSCONFIG_PATH: 'e2e/tsconfig.fixture.json',
  CONTENT_DIR: path.join(root, 'e2e', 'fixtures', 'content'),
}

const build = spawnSync(process.execPath, [nextBin, 'build'], { cwd: root, env, stdio: 'inherit' })
if (build.status !== 0) {
  console.error('serve-fixture: building the fixture course failed; see above')
  process.exit(build.status ?? 1)
}
deferBuild(path.join(root, env.NEXT_DIST_DIR))
const child = spawn(process.execPath, [nextBin, 'start', '-p', port], { cwd: root, env, stdio: 'inherit' })
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig))
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)))
