// SQLite lets one process write at a time. Its own busy handler waits for the lock by sleeping inside the call, and
// better-sqlite3 calls are synchronous, so a server worker waiting for another worker's write stopped answering
// everything else (reads, simulations) for those milliseconds: with two workers a challenge attempt's p99 was twice
// one worker's. Here SQLite is told not to wait (busy_timeout 0 after opening) and a statement refused with
// SQLITE_BUSY is tried again after a short timer, so the event loop runs meanwhile. Only plain SQLITE_BUSY is retried:
// the transactions take the write lock with their first statement (progress/attempt-bounds.server.ts lockLearner),
// so the statement that waits has read nothing yet and trying it again is what SQLite's handler would do. A
// transaction whose snapshot went stale (SQLITE_BUSY_SNAPSHOT) or a wait past the deadline fails as before.
import 'server-only'
import { SqliteDialect, type DatabaseConnection, type Driver, type SqliteDialectConfig, type TransactionSettings, type CompiledQuery, type QueryResult } from 'kysely'

/** As long as the busy_timeout it replaces: a longer wait answers 503 (connection.server.ts isDatabaseUnavailable). */
export const BUSY_DEADLINE_MS = 5_000
const FIRST_WAIT_MS = 1
// SQLite's lock is not fair: a worker that looks again only every 20 ms loses it, again and again, to a busy worker
// that takes it back at once (challenge attempts' p99 stayed at 120 ms with 20, 51 ms with 4, 40 ms with 2).
// A refused try costs microseconds, so look often.
const LONGEST_WAIT_MS = 2

function isPlainBusy(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'SQLITE_BUSY'
}

/** Runs `attempt` until it is not refused with SQLITE_BUSY, waiting on timers (1 then 2 ms, with jitter). */
export async function retryWhileBusy<T>(attempt: () => Promise<T>, deadlineMs = BUSY_DEADLINE_MS, now = Date.now): Promise<T> {
  const deadline = now() + deadlineMs
  let wait = FIRST_WAIT_MS
  for (;;) {
    try {
      return await attempt()
    } catch (error) {
      if (!isPlainBusy(error) || now() >= deadline) throw error
    }
    await new Promise((resolve) => setTimeout(resolve, wait * (0.5 + Math.random())))
    wait = Math.min(wait * 2, LONGEST_WAIT_MS)
  }
}

function waitingConnection(connection: DatabaseConnection): DatabaseConnection {
  return {
    executeQuery: <R>(query: CompiledQuery): Promise<QueryResult<R>> => retryWhileBusy(() => connection.executeQuery<R>(query)),
    streamQuery: (query, chunkSize) => connection.streamQuery(query, chunkSize),
  }
}

/** Kysely's SQLite driver, with every statement (BEGIN and COMMIT included) retried on a timer while busy. */
class WaitingDriver implements Driver {
  readonly #inner: Driver
  readonly #wrapped = new WeakMap<DatabaseConnection, DatabaseConnection>()
  constructor(inner: Driver) {
    this.#inner = inner
  }
  init(): Promise<void> {
    return this.#inner.init()
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    const connection = await this.#inner.acquireConnection()
    let wrapped = this.#wrapped.get(connection)
    if (!wrapped) {
      wrapped = waitingConnection(connection)
      this.#wrapped.set(connection, wrapped)
    }
    return wrapped
  }
  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return this.#inner.beginTransaction(connection, settings)
  }
  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.#inner.commitTransaction(connection)
  }
  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.#inner.rollbackTransaction(connection)
  }
  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.#inner.releaseConnection(connection)
  }
  destroy(): Promise<void> {
    return this.#inner.destroy()
  }
}

export class WaitingSqliteDialect extends SqliteDialect {
  constructor(config: SqliteDialectConfig) {
    super(config)
  }
  override createDriver(): Driver {
    return new WaitingDriver(super.createDriver())
  }
}
