import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { z } from 'zod'

vi.mock('server-only', () => ({}))
const { DbRateLimiter } = await import('./rate-limit.server')
const { openDatabase } = await import('../db/connection.server')
const { openTempDb } = await import('../progress/test-helpers')

let cleanup: (() => Promise<void>) | undefined
afterEach(async () => {
  await cleanup?.()
  cleanup = undefined
})

async function tempDb() {
  const t = await openTempDb()
  cleanup = t.close
  return t
}

describe('DbRateLimiter', () => {
  it('allows `limit` hits per window, then says how long to wait', async () => {
    const rl = new DbRateLimiter((await tempDb()).db, 5, 60_000)
    for (let i = 0; i < 5; i++) expect(await rl.hit(['ip:1'], 1_000 + i)).toEqual({ allowed: true })
    expect(await rl.hit(['ip:1'], 10_000)).toEqual({ allowed: false, retryAfterSeconds: 51 })
    expect(await rl.hit(['ip:2'], 10_000)).toEqual({ allowed: true })
    expect(await rl.hit(['ip:1'], 61_001)).toEqual({ allowed: true })
  })

  it('check() answers as hit() would, without recording a try', async () => {
    const rl = new DbRateLimiter((await tempDb()).db, 2, 1_000)
    for (let i = 0; i < 5; i++) expect(await rl.check(['ip:1'], i)).toEqual({ allowed: true })
    await rl.hit(['ip:1'], 10)
    await rl.hit(['ip:1'], 20)
    expect(await rl.check(['ip:1', 'ip:2'], 30)).toEqual({ allowed: false, retryAfterSeconds: 1 })
    expect(await rl.check(['ip:2'], 30)).toEqual({ allowed: true })
    expect(await rl.check(['ip:1'], 1_010)).toEqual({ allowed: true })
  })

  it('refuses when any of the keys is exhausted and does not count the refused try', async () => {
    const rl = new DbRateLimiter((await tempDb()).db, 2, 1_000)
    await rl.hit(['ip:1', 'learner:a'], 0)
    await rl.hit(['ip:1', 'learner:a'], 1)
    expect((await rl.hit(['ip:9', 'learner:a'], 2)).allowed).toBe(false)
    expect(await rl.hit(['ip:9'], 3)).toEqual({ allowed: true })
  })

  it('waits for the slowest exhausted key, at least 1 second, and a hit leaves the window exactly `window` ms later', async () => {
    const rl = new DbRateLimiter((await tempDb()).db, 1, 10_000)
    await rl.hit(['ip:1'], 0)
    await rl.hit(['learner:a'], 5_000)
    expect(await rl.hit(['ip:1', 'learner:a'], 6_000)).toEqual({ allowed: false, retryAfterSeconds: 9 })
    expect(await rl.hit(['ip:1'], 9_999)).toEqual({ allowed: false, retryAfterSeconds: 1 })
    expect(await rl.hit(['ip:1'], 10_000)).toEqual({ allowed: true })
  })

  it('deletes every key’s expired hits, so the table holds one window of traffic', async () => {
    const { db } = await tempDb()
    const rl = new DbRateLimiter(db, 5, 60_000)
    for (let i = 0; i < 20; i++) await rl.hit([`ip:${i}`], i)
    expect(await db.selectFrom('rate_limit_hit').select('key').execute()).toHaveLength(20)
    await rl.hit(['ip:other'], 60_010)
    const left = await db.selectFrom('rate_limit_hit').select(['key', 'at']).orderBy('key').orderBy('at').execute()
    expect(left).toEqual([
      { key: 'ip:11', at: 11 },
      { key: 'ip:12', at: 12 },
      { key: 'ip:13', at: 13 },
      { key: 'ip:14', at: 14 },
      { key: 'ip:15', at: 15 },
      { key: 'ip:16', at: 16 },
      { key: 'ip:17', at: 17 },
      { key: 'ip:18', at: 18 },
      { key: 'ip:19', at: 19 },
      { key: 'ip:other', at: 60_010 },
    ])
  })

  it('rejects a limit or window that could never allow a try', async () => {
    const { db } = await tempDb()
    expect(() => new DbRateLimiter(db, 0, 60_000)).toThrow('rate limit must be a positive integer, got 0')
    expect(() => new DbRateLimiter(db, 2.5, 60_000)).toThrow('rate limit must be a positive integer, got 2.5')
    expect(() => new DbRateLimiter(db, 5, 0)).toThrow('rate-limit window must be a positive number of ms, got 0')
  })

  it('two connections on one database file spend one budget', async () => {
    const t = await tempDb()
    const other = await openDatabase(t.config)
    try {
      const a = new DbRateLimiter(t.db, 5, 60_000)
      const b = new DbRateLimiter(other, 5, 60_000)
      const decisions = []
      // One at a time: both connections live on this thread, and better-sqlite3 waits for a lock
      // synchronously, so overlapping transactions here would block the holder (processes are below).
      for (let i = 0; i < 8; i++) decisions.push(await (i % 2 === 0 ? a : b).hit(['ip:1'], 1_000 + i))
      expect(decisions.filter((d) => d.allowed)).toHaveLength(5)
      expect(decisions.slice(5)).toEqual(Array(3).fill({ allowed: false, retryAfterSeconds: 60 }))
    } finally {
      await other.destroy()
    }
  })
})

const DecisionsSchema = z.array(
  z.union([z.object({ allowed: z.literal(true) }), z.object({ allowed: z.literal(false), retryAfterSeconds: z.number() })]),
)

function startChild(env: Record<string, string>): { child: ChildProcessWithoutNullStreams; ready: Promise<void>; done: Promise<string> } {
  const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', path.resolve('lib/api/rate-limit-child.server.ts')], {
    env: { ...process.env, ...env },
  })
  let out = ''
  let err = ''
  let markReady: () => void = () => undefined
  const ready = new Promise<void>((resolve) => (markReady = resolve))
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString()
    if (out.startsWith('ready\n')) markReady()
  })
  child.stderr.on('data', (d: Buffer) => (err += d.toString()))
  const done = new Promise<string>((resolve, reject) =>
    child.on('exit', (code) => (code === 0 ? resolve(out.slice('ready\n'.length).trim()) : reject(new Error(`child exited ${code}: ${err}`)))),
  )
  // A child that dies before "ready" must fail the test, not leave it waiting for ever.
  return { child, ready: Promise.race([ready, done.then(() => Promise.reject(new Error(`child ended before ready: ${err}`)))]), done }
}

describe('DbRateLimiter across processes', () => {
  it('4 processes × 25 simultaneous tries at one key: exactly `limit` are allowed in total', async () => {
    const t = await tempDb()
    const env = { ...t.env, KEY: 'ip:203.0.113.9', HITS: '25', NOW: '1000000', LIMIT: '5' }
    const children = [0, 1, 2, 3].map(() => startChild(env))
    await Promise.all(children.map((c) => c.ready))
    for (const c of children) c.child.stdin.write('go\n')
    const decisions = (await Promise.all(children.map((c) => c.done))).flatMap((out) => DecisionsSchema.parse(JSON.parse(out)))
    expect(decisions).toHaveLength(100)
    expect(decisions.filter((d) => d.allowed)).toHaveLength(5)
    expect(decisions.filter((d) => !d.allowed)).toEqual(Array(95).fill({ allowed: false, retryAfterSeconds: 60 }))
    expect(await t.db.selectFrom('rate_limit_hit').select('key').execute()).toHaveLength(5)
    // Four tsx child processes start and compile first; `npm test` runs this file on both backends at once, and on a
    // loaded 2-core machine that start-up alone passed 60 s. The budget bounds a hang, it measures nothing.
  }, 180_000)
})
