// A sliding-window limiter for progress-code claims and instructor sign-ins: at most `limit`
// tries per key per window. The hits live in the database (table rate_limit_hit), so every
// process sharing the file spends one budget: `npm start` runs WEB_CONCURRENCY workers on one
// port, and a guesser whose connections land on every worker still gets `limit` tries, not
// N × limit (it used to be an in-memory Map per process).
import type { Kysely } from 'kysely'
import { lockTableForWrite } from '../db/dialect.server'
import type { Database } from '../db/types'

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number }

export class DbRateLimiter {
  /**
   * Every limiter on one database must use the same window: each hit prunes rows older than
   * its own window for all keys, which would cut a longer-windowed limiter's history short.
   */
  constructor(
    private readonly db: Kysely<Database>,
    private readonly limit: number,
    private readonly windowMs: number,
  ) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`rate limit must be a positive integer, got ${limit}`)
    if (!Number.isFinite(windowMs) || windowMs <= 0) throw new RangeError(`rate-limit window must be a positive number of ms, got ${windowMs}`)
  }

  /**
   * Whether a try now would be refused, without recording one: for a request that turned out to be
   * legitimate (a valid instructor token), which must not spend the budget its guessers share, but
   * must still be refused while that budget is exhausted (else a guesser over the limit would learn
   * from a 200 that the last guess was right).
   */
  async check(keys: readonly string[], now: number): Promise<RateDecision> {
    if (keys.length === 0) return { allowed: true }
    return this.decide(this.db, keys, now)
  }

  /** Counts each key's tries in the window (one statement, on the database or inside hit()'s transaction) and decides. */
  private async decide(db: Kysely<Database>, keys: readonly string[], now: number): Promise<RateDecision> {
    const counts = await db
      .selectFrom('rate_limit_hit')
      .select((eb) => ['key', eb.fn.countAll().as('hits'), eb.fn.min('at').as('oldest')])
      .where('key', 'in', [...new Set(keys)])
      .where('at', '>', now - this.windowMs)
      .groupBy('key')
      .execute()
    let waitMs = 0
    for (const { hits, oldest } of counts) {
      // Number(): drivers may hand back count(*) and bigint columns as bigint or string.
      if (Number(hits) >= this.limit) waitMs = Math.max(waitMs, Number(oldest) + this.windowMs - now)
    }
    return waitMs > 0 ? { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) } : { allowed: true }
  }

  /**
   * Records a try for every key; refused if any key already has `limit` tries in the window
   * (a refused try is not recorded). `now` is epoch ms, passed in so tests control the clock.
   */
  async hit(keys: readonly string[], now: number): Promise<RateDecision> {
    if (keys.length === 0) return { allowed: true }
    const since = now - this.windowMs
    return this.db.transaction().execute(async (trx) => {
      // The DELETE runs first on purpose: a write statement takes SQLite's write lock (even when it
      // deletes nothing) before this transaction has read anything, so busy_timeout simply waits
      // for another process's hit to commit. Reading first would open a snapshot that a concurrent
      // writer can make stale, and the later write would fail with SQLITE_BUSY_SNAPSHOT instead of
      // waiting; two processes could otherwise also both count limit − 1 hits and both insert.
      // It also prunes every key's expired rows, so the table holds one window of traffic.
      // On PostgreSQL the DELETE does not serialise the count, so the table is locked first (db/dialect.ts).
      await lockTableForWrite(trx, 'rate_limit_hit')
      await trx.deleteFrom('rate_limit_hit').where('at', '<=', since).execute()
      const decision = await this.decide(trx, keys, now)
      if (!decision.allowed) return decision
      await trx
        .insertInto('rate_limit_hit')
        .values(keys.map((key) => ({ key, at: now })))
        .execute()
      return { allowed: true }
    })
  }
}
