// One of several processes spending one rate-limit budget at once, for api/rate-limit.test.ts.
// Opens the database DATA_DIR or DATABASE_URL names, prints "ready", waits for a line on stdin (so every process's tries
// overlap, not just their start-up), fires HITS tries at KEY all in flight together at time NOW,
// then prints the decisions as JSON and exits.
// Run: node --conditions=react-server --import tsx lib/api/rate-limit-child.server.ts
import { once } from 'node:events'
import { DbRateLimiter } from './rate-limit.server'
import { dbConfigFromEnv } from '../db/config'
import { openDatabase } from '../db/connection.server'

const { DATA_DIR: dir, KEY: key, HITS: hits, NOW: now, LIMIT: limit } = process.env
if (!dir || !key || !hits || !now || !limit) throw new Error('set DATA_DIR, KEY, HITS, NOW and LIMIT')

const db = await openDatabase(dbConfigFromEnv())
const limiter = new DbRateLimiter(db, Number(limit), 60_000)
process.stdout.write('ready\n')
await once(process.stdin, 'data')
const decisions = await Promise.all(Array.from({ length: Number(hits) }, () => limiter.hit([key], Number(now))))
await db.destroy()
process.stdout.write(`${JSON.stringify(decisions)}\n`)
process.stdin.destroy()
