#!/usr/bin/env node
// `npm start`: build the site when the sources are newer than the last build, then serve it.
// One command on a fresh clone, with no other set-up step (README Quick start).
import { spawnSync, spawn } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

// The course talks to no other host, the framework's telemetry included.
process.env.NEXT_TELEMETRY_DISABLED = '1'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next')
const buildId = path.join(root, '.next', 'BUILD_ID')
const SOURCES = ['app', 'lib', 'content', 'simulator', 'public', 'next.config.mjs', 'package.json', 'postcss.config.mjs', 'tsconfig.json']
const SKIP = new Set(['node_modules', '.next', 'data'])

function newestMtime(p) {
  if (!existsSync(p)) return 0
  const st = statSync(p)
  if (!st.isDirectory()) return st.mtimeMs
  let newest = st.mtimeMs
  for (const entry of readdirSync(p)) {
    if (SKIP.has(entry)) continue
    newest = Math.max(newest, newestMtime(path.join(p, entry)))
  }
  return newest
}

function needsBuild() {
  if (process.env.SKIP_BUILD === '1') return false
  if (!existsSync(buildId)) return true
  const built = statSync(buildId).mtimeMs
  return SOURCES.some((s) => newestMtime(path.join(root, s)) > built)
}

if (needsBuild()) {
  console.log('Packet Path: building the course (first start or sources changed)…')
  const res = spawnSync(process.execPath, [nextBin, 'build'], { cwd: root, stdio: 'inherit' })
  if (res.status !== 0) {
    console.error('Packet Path: the build failed; see the messages above (they name the file and field).')
    process.exit(res.status ?? 1)
  }
}

const port = process.env.PORT || '3000'
const child = spawn(process.execPath, [nextBin, 'start', '-p', port], { cwd: root, stdio: 'inherit' })
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig))
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)))
