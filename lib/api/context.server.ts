// What every progress route handler needs, built once per process from the environment:
// the database under DATA_DIR, the gradable catalog, the signing secret, ADMIN_TOKEN and the
// claim limiter (its hits are in that database, so all worker processes share one budget).
// Tests build their own ApiContext against a temp database instead.
import 'server-only'
import { REQUEST_ABORTED, isRequestAborted } from './errors'
import { errorResponse } from './http.server'
import { DbRateLimiter } from './rate-limit.server'
import { dataDir, getDb, isDatabaseUnavailable, type Db } from '../db/connection.server'
import { loadSessionSecret } from './identity.server'
import { getCatalog } from '../progress/catalog.server'
import type { Catalog } from '../progress/grading'

export type ApiContext = {
  db: Db
  catalog: Catalog
  secret: string
  /** undefined or empty: the instructor gradebook is switched off. */
  adminToken: string | undefined
  claimLimiter: DbRateLimiter
  now: () => number
}

/**
 * Five progress-code tries per minute per address and per learner (issue 5: claims rate-limited);
 * the instructor sign-in shares it under `admin-ip:` keys.
 */
export function newClaimLimiter(db: Db): DbRateLimiter {
  return new DbRateLimiter(db, 5, 60_000)
}

const state = globalThis as typeof globalThis & { __packetPathSecret?: string }

/** The cookie-signing secret for this process (SESSION_SECRET or the generated file). */
export function sessionSecret(): string {
  state.__packetPathSecret ??= loadSessionSecret(dataDir())
  return state.__packetPathSecret
}

export async function apiContext(): Promise<ApiContext> {
  const [db, catalog] = await Promise.all([getDb(), getCatalog()])
  return {
    db,
    catalog,
    secret: sessionSecret(),
    adminToken: process.env.ADMIN_TOKEN || undefined,
    claimLimiter: newClaimLimiter(db),
    now: Date.now,
  }
}

/** Seconds a client is asked to wait when the database cannot be reached. */
export const DATABASE_RETRY_SECONDS = 5
let lastWarned = 0

/**
 * Runs one route handler with the process's context. A database that cannot be reached (PostgreSQL restarting,
 * a connection refused or timed out) answers 503 with Retry-After and a JSON error instead of a bare 500; the pool
 * reconnects on its own, so the next request after the database is back succeeds. Other errors are bugs and rethrown.
 */
export async function withApiContext(
  run: (ctx: ApiContext) => Promise<Response>,
  load: () => Promise<ApiContext> = apiContext,
): Promise<Response> {
  try {
    return await run(await load())
  } catch (error) {
    // The client hung up (mid-body): not an outage, nothing to log; the answer goes nowhere.
    if (isRequestAborted(error)) return errorResponse(REQUEST_ABORTED)
    if (!isDatabaseUnavailable(error)) throw error
    if (Date.now() - lastWarned > 10_000) {
      lastWarned = Date.now()
      console.warn(`Packet Path: the database cannot be reached; answering 503 (${error instanceof Error ? error.message : String(error)})`)
    }
    return errorResponse({
      code: 'database-unavailable',
      message: 'The course database cannot be reached right now; nothing was saved. Try again in a few seconds.',
      retryAfterSeconds: DATABASE_RETRY_SECONDS,
    })
  }
}
