// Killing the server with SIGKILL in the middle of a write load loses no acknowledged write
// (issue 5, Reliability). A real child process writes through the data layer; we kill it while
// requests are in flight, reopen the database and look for every write it answered 200 for.
import { spawn } from 'node:child_process'
import { request } from 'node:http'
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'

vi.mock('server-only', () => ({}))
const { openDatabase } = await import('../db/connection.server')
const { openTempDb } = await import('./test-helpers')

function post(port: number, n: number): Promise<number> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: `/attempt/${n}`, method: 'POST' }, (res) => {
      res.resume()
      res.on('end', () => resolve(res.statusCode ?? 0))
      res.on('error', () => resolve(0))
    })
    req.on('error', () => resolve(0))
    req.end()
  })
}

let cleanup: (() => Promise<void>) | undefined
afterEach(async () => {
  await cleanup?.()
})

describe('durability', () => {
  it('keeps every acknowledged write after SIGKILL mid-load', async () => {
    const t = await openTempDb()
    await t.db.destroy()
    cleanup = t.close
    const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', path.resolve('lib/progress/crash-child.ts')], {
      env: { ...process.env, ...t.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)))
    const ready = await new Promise<{ port: number; learnerId: string }>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        const m = /ready (\d+) (\S+)/.exec(d.toString())
        if (m?.[1] && m[2]) resolve({ port: Number(m[1]), learnerId: m[2] })
      })
      child.on('exit', () => reject(new Error(`child exited before it was ready: ${stderr}`)))
    })

    const acked: number[] = []
    const KILL_AFTER = 300
    let next = 0
    let killed = false
    // 16 writers keep requests in flight, so the kill lands between a commit and its answer too.
    const writer = async () => {
      while (!killed) {
        const n = next++
        const status = await post(ready.port, n)
        if (status === 200) acked.push(n)
        if (!killed && acked.length >= KILL_AFTER) {
          killed = true
          child.kill('SIGKILL')
        }
      }
    }
    await Promise.all(Array.from({ length: 16 }, writer))
    expect(await exited).toBe('SIGKILL')
    expect(acked.length).toBeGreaterThanOrEqual(KILL_AFTER)

    const db = await openDatabase(t.config)
    const rows = await db.selectFrom('attempt').select('submission').where('learner_id', '=', ready.learnerId).execute()
    const stored = new Set(rows.map((r) => (JSON.parse(r.submission) as string[])[0]))
    const missing = acked.filter((n) => !stored.has(`write-${n}`))
    expect(missing).toEqual([])
    // Every write that was sent at all is either stored or was never acknowledged; nothing else appears.
    expect(rows.length).toBeGreaterThanOrEqual(acked.length)
    expect(rows.length).toBeLessThanOrEqual(next)
    const visits = await db.selectFrom('lesson_progress').select('visits').where('learner_id', '=', ready.learnerId).executeTakeFirst()
    expect(visits?.visits).toBeGreaterThanOrEqual(acked.length)
    await db.destroy()
  }, 60_000)
})
