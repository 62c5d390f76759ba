#!/usr/bin/env node
// `npm start`: build the site when the sources are newer than the last build, then serve it.
// One command on a fresh clone, with no other set-up step (README Quick start).
// Next's request handling is CPU-bound in one process (issue 5), so the site is served by WEB_CONCURRENCY
// server processes (scripts/serve.mjs: Next behind a small http wrapper) sharing the port through node:cluster
// (default: one per core, at most 2). SIGTERM drains requests in flight and closes the database pool.
import { spawnSync, spawn } from 'node:child_process'
import cluster from 'node:cluster'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { deferBuild } from './defer-scripts.mjs'

// The course talks to no other host, the framework's telemetry included.
process.env.NEXT_TELEMETRY_DISABLED = '1'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next')
const serveScript = path.join(root, 'scripts', 'serve.mjs')
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
// Built now or by an earlier `next build`: prerendered pages load the framework's scripts after their first paint
// (scripts/defer-scripts.mjs says why). A page already deferred by the current loader is left as it is.
deferBuild(path.resolve(root, process.env.NEXT_DIST_DIR || '.next'))

const port = process.env.PORT || '3000'
process.env.PORT = port
const workers = workerCount(process.env.WEB_CONCURRENCY)
if (workers === 1) serveInOneProcess()
else serveWithWorkers(workers)

function workerCount(raw) {
  if (raw === undefined || raw.trim() === '') return Math.min(2, availableParallelism())
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 1 || n > 64) {
    console.error(`Packet Path: WEB_CONCURRENCY must be a whole number from 1 to 64 (server processes), not "${raw}".`)
    process.exit(1)
  }
  return n
}

function serveInOneProcess() {
  const child = spawn(process.execPath, [serveScript], { cwd: root, stdio: 'inherit' })
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig))
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)))
}

/** A worker that keeps dying is a bug or a broken set-up, not bad luck: stop instead of restarting forever. */
const CRASH_WINDOW_MS = 60_000
const MAX_CRASHES = 3

function serveWithWorkers(count) {
  // Workers inherit the primary's directory and environment (PORT included).
  process.chdir(root)
  cluster.setupPrimary({ exec: serveScript, args: [] })
  const crashes = []
  // Tracked here: a dead worker stays in cluster.workers until its IPC channel has closed too.
  const alive = new Set()
  cluster.on('fork', (worker) => alive.add(worker.id))
  let stopping = false
  let exitCode = 0

  const stop = (signal, code) => {
    if (stopping) return
    stopping = true
    exitCode = code
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal)
    if (alive.size === 0) process.exit(exitCode)
    // serve.mjs finishes the requests in flight before it exits; one that hangs must not keep the port.
    setTimeout(() => {
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGKILL')
    }, 10_000).unref()
  }
  process.on('SIGINT', () => stop('SIGINT', 130))
  process.on('SIGTERM', () => stop('SIGTERM', 143))

  const listened = new Set()
  cluster.on('listening', (worker) => listened.add(worker.id))
  cluster.on('exit', (worker, code, signal) => {
    alive.delete(worker.id)
    if (stopping) {
      if (alive.size === 0) process.exit(exitCode)
      return
    }
    const how = signal ? `signal ${signal}` : `code ${code}`
    if (!listened.has(worker.id)) {
      console.error(`Packet Path: a server worker exited (${how}) before it was listening on port ${port}; see the messages above (is the port in use?). Stopping.`)
      return stop('SIGTERM', 1)
    }
    const now = Date.now()
    crashes.push(now)
    while (crashes.length > 0 && crashes[0] <= now - CRASH_WINDOW_MS) crashes.shift()
    if (crashes.length >= MAX_CRASHES) {
      console.error(`Packet Path: ${crashes.length} server workers died within ${CRASH_WINDOW_MS / 1000} s (last: worker ${worker.process.pid}, ${how}); giving up, see the messages above.`)
      return stop('SIGTERM', 1)
    }
    console.error(`Packet Path: server worker ${worker.process.pid} died (${how}); starting a replacement.`)
    cluster.fork()
  })

  // The first worker creates and migrates the database (lib/api/startup.server.ts, before it listens) before any
  // other opens it; its first answer says it is ready.
  const first = cluster.fork()
  first.once('listening', async () => {
    const ready = await firstAnswer(first)
    if (stopping || !first.isConnected()) return
    if (!ready) {
      console.error(`Packet Path: the first server worker did not answer on port ${port} within 2 minutes. Stopping.`)
      return stop('SIGTERM', 1)
    }
    for (let i = 1; i < count; i++) cluster.fork()
  })
}

async function firstAnswer(worker) {
  const deadline = Date.now() + 120_000
  while (Date.now() < deadline && worker.isConnected()) {
    try {
      await fetch(`http://127.0.0.1:${port}/robots.txt`, { method: 'HEAD', signal: AbortSignal.timeout(10_000) })
      return true
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
  }
  return false
}
