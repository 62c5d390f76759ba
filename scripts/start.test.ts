// scripts/start.mjs with WEB_CONCURRENCY=2 against the existing build: two `next start` workers share the port
// and both answer, a killed worker is replaced, and neither SIGTERM nor a SIGKILLed primary leaves a worker behind.
// Linux only (it reads /proc to find the workers and which one holds a connection); skipped without a build, except
// under `npm test` (REQUIRE_BUILD=1, run after Playwright has built the course), where a missing build fails.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync } from 'node:fs'
import { connect, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { freePort } from './server-helpers.mjs'

const root = path.resolve(__dirname, '..')
const built = existsSync(path.join(root, '.next', 'BUILD_ID'))
const canRun = built && process.platform === 'linux'

if (process.env.REQUIRE_BUILD === '1' && !canRun) {
  throw new Error(`scripts/start.test.ts needs a build in .next on Linux (built: ${built}, platform: ${process.platform})`)
}

const started: { primary: ChildProcess; dataDir: string; workers: Set<number> }[] = []

afterEach(() => {
  for (const s of started.splice(0)) {
    for (const pid of [s.primary.pid, ...s.workers]) if (pid !== undefined && isAlive(pid)) process.kill(pid, 'SIGKILL')
    rmSync(s.dataDir, { recursive: true, force: true })
  }
})

/** Running, not a zombie: an orphan is reparented to PID 1, which need not reap it. */
function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z'
  } catch {
    return false
  }
}

function childPids(pid: number): number[] {
  try {
    const text = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim()
    return text ? text.split(' ').map(Number) : []
  } catch {
    return []
  }
}

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 40_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 200))
  }
}

async function startCluster() {
  const port = await freePort()
  const dataDir = mkdtempSync(path.join(tmpdir(), 'packet-path-start-'))
  const env = { ...process.env, PORT: String(port), DATA_DIR: dataDir, WEB_CONCURRENCY: '2', SKIP_BUILD: '1', NEXT_TELEMETRY_DISABLED: '1' }
  const primary = spawn(process.execPath, [path.join(root, 'scripts', 'start.mjs')], { cwd: root, env, stdio: 'ignore' })
  const entry = { primary, dataDir, workers: new Set<number>() }
  started.push(entry)
  const pid = primary.pid as number
  const workers = await until('two workers', () => {
    const pids = childPids(pid)
    pids.forEach((p) => entry.workers.add(p))
    return pids.length === 2 ? pids : undefined
  })
  return { port, primary, pid, workers, entry }
}

/** Opens a connection, reads one answer to GET /api/progress and keeps the connection open. */
function progressOnNewConnection(port: number): Promise<{ socket: Socket; status: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(`GET /api/progress HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`))
    socket.once('error', reject)
    socket.once('data', (chunk) => resolve({ socket, status: chunk.toString('latin1').split('\r\n')[0] ?? '' }))
  })
}

/** The worker holding the server end of a connection: /proc/net/tcp* names its socket inode, /proc/PID/fd its owner. */
function workerServing(socket: Socket, port: number, workers: readonly number[]): number | undefined {
  const hex = (n: number) => n.toString(16).toUpperCase().padStart(4, '0')
  const inodes = new Set<string>()
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const f = line.trim().split(/\s+/)
      if (f[1]?.endsWith(`:${hex(port)}`) && f[2]?.endsWith(`:${hex(socket.localPort ?? 0)}`) && f[9]) inodes.add(f[9])
    }
  }
  return workers.find((pid) =>
    readdirSync(`/proc/${pid}/fd`).some((fd) => {
      try {
        return inodes.has(/^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1] ?? '')
      } catch {
        return false
      }
    }),
  )
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', () => r()))
}

describe.skipIf(!canRun)('npm start with WEB_CONCURRENCY=2', () => {
  it('serves from both workers, replaces a killed one and leaves none behind after SIGTERM', async () => {
    const { port, primary, pid, workers, entry } = await startCluster()
    await until('an answer', async () => ((await fetch(`http://127.0.0.1:${port}/api/progress`).catch(() => undefined))?.ok ? true : undefined))

    // A worker listens once its database and catalog are ready (scripts/serve.mjs), so the second may join a moment
    // after the first answers: new connections are spread over the workers listening, until both serve.
    const servers = new Set<number | undefined>()
    await until('both workers serving', async () => {
      const answers = []
      for (let i = 0; i < 4; i++) answers.push(await progressOnNewConnection(port))
      expect(answers.map((a) => a.status)).toEqual(Array(4).fill('HTTP/1.1 200 OK'))
      answers.forEach((a) => servers.add(workerServing(a.socket, port, workers)))
      answers.forEach((a) => a.socket.destroy())
      return servers.size === workers.length ? true : undefined
    })
    expect([...servers].sort()).toEqual([...workers].sort())

    const [victim] = workers
    process.kill(victim as number, 'SIGKILL')
    const replaced = await until('a replacement worker', () => {
      const pids = childPids(pid)
      pids.forEach((p) => entry.workers.add(p))
      return pids.length === 2 && !pids.includes(victim as number) ? pids : undefined
    })
    expect(replaced).toContain(workers[1])
    expect((await fetch(`http://127.0.0.1:${port}/api/progress`)).status).toBe(200)

    process.kill(pid, 'SIGTERM')
    await exited(primary)
    expect([...entry.workers].filter(isAlive)).toEqual([])
  }, 60_000)

  it('workers exit when the primary is SIGKILLed', async () => {
    const { primary, pid, entry } = await startCluster()
    process.kill(pid, 'SIGKILL')
    await exited(primary)
    expect(entry.workers.size).toBe(2)
    await until('the workers to exit', () => ([...entry.workers].some(isAlive) ? undefined : true))
    expect([...entry.workers].filter(isAlive)).toEqual([])
  }, 60_000)
})
