#!/usr/bin/env node
// `npm run bench:api`: load-test the progress API of a running `next start` with autocannon and print
// req/s and p99 latency per endpoint (issue 5 target: ≥ 1,000 req/s with p99 < 50 ms for progress
// reads and lesson completions on a 2-core machine).
//
//   BENCH_URL=http://localhost:3000 npm run bench:api   # an already running server
//   npm run bench:api                                  # builds if needed (scripts/start.mjs), starts on a free
//                                                      # port with a temp DATA_DIR, stops it afterwards
// BENCH_DURATION (seconds, default 10) and BENCH_CONNECTIONS (default 10) tune each run.
import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const duration = Number(process.env.BENCH_DURATION ?? 10)
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10)
const TARGET_RPS = 1000
const TARGET_P99_MS = 50

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.unref()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address()
      srv.close(() => resolve(port))
    })
  })
}

async function waitFor(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode} before answering`)
    try {
      const res = await fetch(url)
      if (res.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`)
}

/** CPU seconds used so far by a process and all its descendants (Linux /proc), or undefined elsewhere. */
function cpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    // utime and stime are fields 14 and 15 of stat(5), in clock ticks (USER_HZ, 100 on Linux).
    let total = (Number(fields[11]) + Number(fields[12])) / 100
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim()
    for (const child of children ? children.split(' ') : []) total += cpuSeconds(Number(child)) ?? 0
    return total
  } catch {
    return undefined
  }
}

async function startServer() {
  const port = await freePort()
  const dataDir = mkdtempSync(path.join(tmpdir(), 'packet-path-bench-'))
  console.log(`bench: starting the course on port ${port} (DATA_DIR ${dataDir}); builds first if the sources changed`)
  const child = spawn(process.execPath, [path.join(root, 'scripts', 'start.mjs')], {
    cwd: root,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
  })
  const url = `http://127.0.0.1:${port}`
  const stop = () => {
    // start.mjs forwards SIGTERM to `next start`; the group kill covers a build still running.
    try {
      process.kill(-child.pid, 'SIGTERM')
    } catch {
      // already gone
    }
    rmSync(dataDir, { recursive: true, force: true })
  }
  try {
    await waitFor(`${url}/api/progress`, child, 10 * 60_000)
  } catch (error) {
    stop()
    throw error
  }
  return { url, stop, cpu: () => cpuSeconds(child.pid) }
}

/** A learner cookie and the first lesson id, from one progress read. */
async function newLearner(url) {
  const res = await fetch(`${url}/api/progress`)
  const cookie = res.headers.get('set-cookie')?.split(';')[0]
  const body = await res.json()
  if (!res.ok || !cookie) throw new Error(`GET /api/progress answered ${res.status} without a learner cookie`)
  const lessonId = body.lessons?.[0]?.lessonId
  if (!lessonId) throw new Error('the course has no lessons to complete')
  return { cookie, lessonId }
}

/** A learner-like attempt at the first challenge, if challenges exist: start its container on the first Docker host. */
function challengeRun() {
  const dir = path.join(root, 'content', 'challenges')
  let files = []
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort()
  } catch {
    return undefined
  }
  const file = process.env.BENCH_CHALLENGE ? `${process.env.BENCH_CHALLENGE}.json` : files[0]
  if (!file) return undefined
  const challenge = JSON.parse(readFileSync(path.join(dir, file), 'utf8'))
  const host = challenge.world?.hosts?.find((h) => h.docker)?.name
  if (!host) return undefined
  const commands = [{ on: host, run: 'docker run -d --name web -p 8080:80 nginx' }]
  return { id: challenge.id, body: JSON.stringify({ commands }) }
}

function readLoadAverage() {
  const [one] = loadavg()
  return one === undefined ? undefined : one.toFixed(1)
}

async function run(title, opts, cpu) {
  const before = cpu?.()
  const result = await autocannon({ connections, duration, ...opts })
  const after = cpu?.()
  const ok = result.non2xx === 0 && result.errors === 0 && result.timeouts === 0
  return {
    title,
    rps: Math.round(result.requests.average),
    p99: result.latency.p99,
    requests: result.requests.total,
    failures: result.non2xx + result.errors + result.timeouts,
    // Server CPU per request does not depend on what else the machine is doing, unlike req/s and p99.
    cpuMs: before !== undefined && after !== undefined && result.requests.total > 0 ? ((after - before) * 1000) / result.requests.total : undefined,
    ok,
  }
}

async function main() {
  const server = process.env.BENCH_URL
    ? { url: process.env.BENCH_URL.replace(/\/$/, ''), stop: () => {}, cpu: undefined }
    : await startServer()
  try {
    const { cookie, lessonId } = await newLearner(server.url)
    const headers = { cookie, 'content-type': 'application/json' }
    // Warm-up: first requests load the lessons and compile route bundles.
    await autocannon({ url: `${server.url}/api/progress`, headers, connections: 2, amount: 200 })

    const results = []
    results.push(await run('progress read      GET  /api/progress', { url: `${server.url}/api/progress`, headers }, server.cpu))
    results.push(
      await run('lesson completion  POST /api/progress/complete', {
        url: `${server.url}/api/progress/complete`,
        method: 'POST',
        headers,
        body: JSON.stringify({ lessonId }),
      }, server.cpu),
    )
    const challenge = challengeRun()
    if (challenge) {
      results.push(
        await run(`challenge attempt  POST /api/challenges/${challenge.id}/attempts`, {
          url: `${server.url}/api/challenges/${challenge.id}/attempts`,
          method: 'POST',
          headers,
          body: challenge.body,
        }, server.cpu),
      )
    }

    console.log(`\nPacket Path API bench: ${connections} connections, ${duration} s each, ${server.url}`)
    console.log('endpoint                                                      req/s   p99 ms   requests  failures  cpu ms/req  target')
    for (const r of results) {
      const target = r.title.startsWith('challenge') ? 'n/a' : r.rps >= TARGET_RPS && r.p99 < TARGET_P99_MS ? 'met' : 'MISSED'
      console.log(
        `${r.title.padEnd(60)}${String(r.rps).padStart(7)}${String(r.p99).padStart(9)}${String(r.requests).padStart(11)}${String(r.failures).padStart(10)}${(r.cpuMs === undefined ? 'n/a' : r.cpuMs.toFixed(2)).padStart(12)}  ${target}`,
      )
    }
    const load = readLoadAverage()
    if (load !== undefined) console.log(`load average during the run: ${load} on ${availableParallelism()} cores (other work on the machine lowers req/s and raises p99 and cpu ms/req)`)
    if (results.some((r) => !r.ok)) {
      console.error('bench: some requests failed (non-2xx, errors or timeouts); the figures above are not trustworthy')
      process.exitCode = 1
    }
  } finally {
    server.stop()
  }
}

main().catch((error) => {
  console.error(`bench: ${error.message}`)
  process.exit(1)
})
