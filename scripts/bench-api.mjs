#!/usr/bin/env node
// `npm run bench:api`: load-test the progress API of a running `next start` with autocannon and print
// req/s and p99 latency per endpoint (issue 5 target: ≥ 1,000 req/s with p99 < 50 ms for progress
// reads and lesson completions on a 2-core machine).
//
//   BENCH_URL=http://localhost:3000 npm run bench:api   # an already running server
//   npm run bench:api                                  # builds if needed (scripts/start.mjs), starts on a free
//                                                      # port with a temp DATA_DIR, stops it afterwards
// BENCH_DURATION (seconds, default 10) and BENCH_CONNECTIONS (default 10) tune each run.
// BENCH_BACKEND: sqlite (one `npm start`, WEB_CONCURRENCY workers on SQLite), postgres (two `npm start` instances
// of one worker each on one PostgreSQL 15 started here, the load split between them), or both (default; printed
// one after the other).
// Each table also has two references measured in the same run: the API with no database work (a progress read
// without a cookie) and a bare node:http answer (the ceiling of this machine and autocannon), and the load average
// before and after, since other work on the machine moves every figure.
import { randomBytes } from 'node:crypto'
import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'
import { databaseUrl, startPostgres } from './pg-server.mjs'
import { freePort, waitFor } from './server-helpers.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const duration = Number(process.env.BENCH_DURATION ?? 10)
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10)
const TARGET_RPS = 1000
const TARGET_P99_MS = 50

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

async function startServer(extraEnv = {}, label = 'the course') {
  const port = await freePort()
  const dataDir = mkdtempSync(path.join(tmpdir(), 'packet-path-bench-'))
  console.log(`bench: starting ${label} on port ${port} (DATA_DIR ${dataDir}); builds first if the sources changed`)
  const child = spawn(process.execPath, [path.join(root, 'scripts', 'start.mjs')], {
    cwd: root,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, NEXT_TELEMETRY_DISABLED: '1', ...extraEnv },
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
  })
  const url = `http://127.0.0.1:${port}`
  const stop = () => {
    // start.mjs forwards SIGTERM to its server processes; the group kill covers a build still running.
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
  return { url, urls: [url], stop, cpu: () => cpuSeconds(child.pid) }
}

/** Two instances (one server process each) on one PostgreSQL, as README "Running for a class" runs them. */
async function startPostgresPair() {
  const pg = await startPostgres()
  const { default: pgDriver } = await import('pg')
  const admin = new pgDriver.Client({ connectionString: pg.url })
  await admin.connect()
  await admin.query('create database bench')
  await admin.end()
  const env = { DATABASE_URL: databaseUrl(pg.url, 'bench'), SESSION_SECRET: randomBytes(32).toString('hex'), WEB_CONCURRENCY: '1', SKIP_BUILD: '1' }
  const servers = []
  try {
    servers.push(await startServer(env, 'instance 1 on PostgreSQL'))
    servers.push(await startServer(env, 'instance 2 on PostgreSQL'))
  } catch (error) {
    servers.forEach((s) => s.stop())
    pg.stop()
    throw error
  }
  return {
    url: servers[0].url,
    urls: servers.map((s) => s.url),
    stop: () => {
      servers.forEach((s) => s.stop())
      // Let the instances close their pools before the server goes.
      return new Promise((r) => setTimeout(r, 1500)).then(() => pg.stop())
    },
    cpu: () => servers.reduce((sum, s) => sum + (s.cpu() ?? 0), 0) + (cpuSeconds(pgPostmasterPid(pg.dir)) ?? 0),
  }
}

function pgPostmasterPid(dir) {
  try {
    return Number(readFileSync(path.join(dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0])
  } catch {
    return -1
  }
}

/** A learner cookie and the first lesson id: a read lists the lessons, a first visit stores the learner (a read stores none). */
async function newLearner(url) {
  const body = await (await fetch(`${url}/api/progress`)).json()
  const lessonId = body.lessons?.[0]?.lessonId
  if (!lessonId) throw new Error('the course has no lessons to complete')
  const res = await fetch(`${url}/api/progress/visit`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ lessonId }) })
  const cookie = res.headers.get('set-cookie')?.split(';')[0]
  if (!res.ok || !cookie) throw new Error(`POST /api/progress/visit answered ${res.status} without a learner cookie`)
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

/**
 * The reference: `count` plain node:http processes answering a small JSON body, measured like the API (same
 * connections, same duration). Its req/s is about the ceiling this machine and autocannon allow; cpu is not counted.
 */
async function bareServer(count) {
  const code = `const s = require('node:http').createServer((_, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}')); s.listen(0, '127.0.0.1', () => console.log(s.address().port))`
  const children = []
  const urls = []
  for (let i = 0; i < count; i++) {
    const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] })
    children.push(child)
    const port = await new Promise((resolve, reject) => {
      child.stdout.once('data', (d) => resolve(Number(String(d).trim())))
      child.once('exit', (c) => reject(new Error(`the reference server exited with code ${c}`)))
    })
    urls.push(`http://127.0.0.1:${port}`)
  }
  return { urls, cpu: undefined, stopAfter: children }
}

function readLoadAverage() {
  const [one] = loadavg()
  return one === undefined ? undefined : one.toFixed(1)
}

/** One autocannon run per server URL at once (the connections split between them), combined. */
async function run(title, opts, server) {
  const before = server.cpu?.()
  const per = Math.max(1, Math.floor(connections / server.urls.length))
  const results = await Promise.all(
    server.urls.map((base) => autocannon({ connections: per, duration, ...opts, url: `${base}${opts.path}` })),
  )
  const after = server.cpu?.()
  for (const child of server.stopAfter ?? []) child.kill()
  const sum = (f) => results.reduce((t, r) => t + f(r), 0)
  const total = sum((r) => r.requests.total)
  const failures = sum((r) => r.non2xx + r.errors + r.timeouts)
  const failureKinds = [['non-2xx', sum((r) => r.non2xx)], ['errors', sum((r) => r.errors)], ['timeouts', sum((r) => r.timeouts)]].filter(([, n]) => n > 0)
  return {
    title,
    rps: Math.round(sum((r) => r.requests.average)),
    // The worse instance's p99 (a conservative combination).
    p99: Math.max(...results.map((r) => r.latency.p99)),
    requests: total,
    failures,
    failureKinds: failureKinds.map(([k, n]) => `${n} ${k}`).join(', '),
    // Server CPU per request (PostgreSQL's included in its mode) does not depend on other work on the machine.
    cpuMs: before !== undefined && after !== undefined && total > 0 ? ((after - before) * 1000) / total : undefined,
    ok: failures === 0,
  }
}

async function benchOne(label, server) {
  const loadBefore = readLoadAverage()
  const { cookie, lessonId } = await newLearner(server.url)
  const headers = { cookie, 'content-type': 'application/json' }
  const challenge = challengeRun()
  // Warm-up: first requests load the lessons and compile each route's bundle, on every instance and worker.
  for (const base of server.urls) {
    await autocannon({ url: `${base}/api/progress`, headers, connections: 4, amount: 200 })
    await autocannon({ url: `${base}/api/progress/complete`, method: 'POST', headers, body: JSON.stringify({ lessonId }), connections: 4, amount: 100 })
    if (challenge) await autocannon({ url: `${base}/api/challenges/${challenge.id}/attempts`, method: 'POST', headers, body: challenge.body, connections: 4, amount: 40 })
  }

  const results = []
  // References measured in the same run, under the same load: what an API answer costs with no database work (a read
  // without a cookie stores and reads nothing), and what the machine and the load generator do with no app at all.
  results.push(await run('reference: API, no database (GET /api/progress, no cookie)', { path: '/api/progress' }, server))
  results.push(await run('reference: bare node:http JSON answer (no app)', { path: '/' }, await bareServer(server.urls.length)))
  results.push(await run('progress read      GET  /api/progress', { path: '/api/progress', headers }, server))
  results.push(
    await run('lesson completion  POST /api/progress/complete', { path: '/api/progress/complete', method: 'POST', headers, body: JSON.stringify({ lessonId }) }, server),
  )
  if (challenge) {
    const path = `/api/challenges/${challenge.id}/attempts`
    // One learner's attempts are graded one after another (they share the learner's write lock), so all connections
    // on one cookie measure a queue; a class is many learners, one attempt each at a time.
    results.push(await run(`challenge attempt  POST ${path} (one learner)`, { path, method: 'POST', headers, body: challenge.body }, server))
    const cookies = []
    for (let i = 0; i < connections; i++) cookies.push((await newLearner(server.urls[i % server.urls.length])).cookie)
    let next = 0
    const rotate = (request) => ({ ...request, headers: { ...request.headers, cookie: cookies[next++ % cookies.length] } })
    results.push(
      await run(`challenge attempt  POST ${path} (${connections} learners)`, {
        path,
        requests: [{ method: 'POST', headers: { 'content-type': 'application/json' }, body: challenge.body, setupRequest: rotate }],
      }, server),
    )
  }

  console.log(`\nPacket Path API bench, ${label}: ${connections} connections, ${duration} s each, ${server.urls.join(' + ')}`)
  console.log('endpoint                                                                    req/s   p99 ms   requests  failures  cpu ms/req  target')
  for (const r of results) {
    const target = r.title.startsWith('reference') ? '' : r.title.startsWith('challenge') ? (r.p99 <= TARGET_P99_MS ? 'p99 met' : 'p99 MISSED') : r.rps >= TARGET_RPS && r.p99 < TARGET_P99_MS ? 'met' : 'MISSED'
    console.log(
      `${r.title.padEnd(74)}${String(r.rps).padStart(7)}${String(r.p99).padStart(9)}${String(r.requests).padStart(11)}${String(r.failures).padStart(10)}${(r.cpuMs === undefined ? 'n/a' : r.cpuMs.toFixed(2)).padStart(12)}  ${target}${r.failureKinds ? ` (${r.failureKinds})` : ''}`,
    )
  }
  const load = readLoadAverage()
  if (load !== undefined) console.log(`load average (1 min) before: ${loadBefore}, after: ${load} on ${availableParallelism()} cores (other work on the machine lowers req/s and raises p99 and cpu ms/req)`)
  if (results.some((r) => !r.ok)) {
    console.error('bench: some requests failed (non-2xx, errors or timeouts); the figures above are not trustworthy')
    process.exitCode = 1
  }
}

async function main() {
  if (process.env.BENCH_URL) {
    const url = process.env.BENCH_URL.replace(/\/$/, '')
    return benchOne('a running server', { url, urls: [url], stop: () => {}, cpu: undefined })
  }
  const backend = process.env.BENCH_BACKEND ?? 'both'
  if (!['sqlite', 'postgres', 'both'].includes(backend)) throw new Error(`BENCH_BACKEND must be sqlite, postgres or both, not "${backend}"`)
  if (backend !== 'postgres') {
    const server = await startServer({}, 'the course on SQLite')
    try {
      await benchOne(`SQLite, one npm start (WEB_CONCURRENCY workers, default ${Math.min(2, availableParallelism())})`, server)
    } finally {
      server.stop()
    }
  }
  if (backend !== 'sqlite') {
    const server = await startPostgresPair()
    try {
      await benchOne('PostgreSQL 15, two instances of one server process each (cpu includes PostgreSQL)', server)
    } finally {
      await server.stop()
    }
  }
}

main().catch((error) => {
  console.error(`bench: ${error.message}`)
  process.exit(1)
})
