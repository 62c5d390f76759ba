// The one owner of the progress database connection: SQLite (better-sqlite3) under DATA_DIR by default, or
// PostgreSQL (node-postgres pool) when DATABASE_URL is set (lib/db/config.ts decides which). It sets what makes
// acknowledged writes durable, runs the versioned migrations (the same ones on both), and hands out a Kysely
// instance. Everything else calls the named functions in progress/store.server.ts / instructor/gradebook.server.ts and never sees a
// driver. SQL that differs between the dialects lives in lib/db/dialect.ts.
import 'server-only'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type LogEvent, type MigrationProvider, type SqliteDatabase } from 'kysely'
import pg from 'pg'
import { isRequestAborted } from '../api/errors'
import { dbConfigFromEnv, describeDb, type DbConfig } from './config'
import { tagPostgres } from './dialect.server'
import { WaitingSqliteDialect } from './sqlite-busy.server'
import type { Database } from './types'
import { migrations } from './migrations'

export type Db = Kysely<Database>
export type { DbConfig }

/** Where the generated session secret (and, without DATABASE_URL, the database) live. */
export function dataDir(): string {
  // Resolved at run time from the environment; turbopackIgnore keeps Next from tracing the whole project for it.
  return path.resolve(/*turbopackIgnore: true*/ process.env.DATA_DIR || './data')
}

const provider: MigrationProvider = { getMigrations: async () => migrations }

const STATEMENT_CACHE_SIZE = 200

/**
 * Kysely's SQLite driver prepares every query anew; preparing was the largest single cost of a
 * progress read in a profile. Kysely emits the same SQL text for the same query shape, so
 * prepared statements are reused by text. Safe because better-sqlite3 runs each statement to
 * completion synchronously (we never stream), so a cached statement is never busy.
 */
function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>()
  return {
    close: () => sqlite.close(),
    prepare: (sql: string) => {
      let statement = cache.get(sql)
      if (!statement) {
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.clear()
        statement = sqlite.prepare(sql)
        cache.set(sql, statement)
      }
      return statement
    },
  }
}

/** Options for tests: `log` sees every statement sent, BEGIN and COMMIT included (lib/api/queries-per-request.test.ts counts them). */
export type OpenOptions = { log?: (event: LogEvent) => void }

function openSqlite(dir: string, log: OpenOptions['log']): Db {
  mkdirSync(dir, { recursive: true })
  const sqlite = new SQLite(path.join(dir, 'packet-path.sqlite'))
  // WAL lets readers run while one writer commits. synchronous=FULL fsyncs the WAL on every
  // commit, so a write we have answered 2xx for survives SIGKILL *and* power loss
  // (NORMAL+WAL would survive a process kill but may drop the last commits on power loss;
  // https://www.sqlite.org/pragma.html#pragma_synchronous).
  // Other processes (a second `next start`, the tests' workers) may hold the write lock
  // briefly; the opening pragmas wait for it instead of failing with SQLITE_BUSY.
  sqlite.pragma('busy_timeout = 5000')
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = FULL')
  sqlite.pragma('foreign_keys = ON')
  // From here on statements do not sleep inside SQLite for the lock: they wait on timers (sqlite-busy.server.ts).
  sqlite.pragma('busy_timeout = 0')
  return new Kysely<Database>({ dialect: new WaitingSqliteDialect({ database: withStatementCache(sqlite) }), ...(log ? { log } : {}) })
}

/** How long a request waits for a pooled connection (or a new one) before it fails with 503. */
const CONNECT_TIMEOUT_MS = 5_000

const INT8_OID = 20

function openPostgres(url: string, poolSize: number, log: OpenOptions['log']): Db {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    idleTimeoutMillis: 30_000,
    application_name: 'packet-path',
    // bigint (int8: epoch-ms columns, count(*)) as a JS number, as SQLite hands it back; node-postgres's default
    // is a string, because int8 can exceed 2^53. Ours stay far below (epoch ms ~1.8e12, row counts).
    types: { getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === INT8_OID ? Number : pg.types.getTypeParser(oid, format))) as typeof pg.types.getTypeParser },
  })
  // An idle connection the server drops (restart, failover) emits 'error' on the pool; unhandled, that would
  // kill the process. The pool discards the client and the next query opens a new one.
  const warn = (error: Error) => console.warn(`Packet Path: a pooled PostgreSQL connection failed (${error.message}); it will be replaced.`)
  pool.on('error', warn)
  // A connection the server ends while it is checked out between two statements emits 'error' on the client
  // itself; the statement in flight (if any) rejects on its own, so here it is only logged.
  pool.on('connect', (client) => client.on('error', warn))
  // PostgreSQL commits are durable once acknowledged with its default synchronous_commit=on (fsync of the WAL).
  return new Kysely<Database>({ dialect: tagPostgres(new PostgresDialect({ pool })), ...(log ? { log } : {}) })
}

/**
 * Opens the database (creating a SQLite file if needed) and migrates it to the latest version. A string is a
 * SQLite directory, as before. Throws naming the database (never its password) when it cannot be reached or a
 * migration fails: the app must not serve on a half-migrated schema or silently on another database.
 */
export async function openDatabase(target: string | DbConfig, options: OpenOptions = {}): Promise<Db> {
  const config: DbConfig = typeof target === 'string' ? { kind: 'sqlite', dir: target } : target
  const db = config.kind === 'sqlite' ? openSqlite(config.dir, options.log) : openPostgres(config.url, config.poolSize, options.log)
  try {
    await migrateDatabase(db, describeDb(config))
  } catch (error) {
    await db.destroy().catch(() => undefined)
    throw error
  }
  return db
}

/**
 * Applies every pending migration. Kysely's Migrator takes a lock first (PostgreSQL: an advisory lock in a
 * transaction), so several instances starting at once apply each migration exactly once.
 */
export async function migrateDatabase(db: Db, where: string): Promise<string[]> {
  const migrator = new Migrator({ db, provider })
  const { error, results } = await migrator.migrateToLatest()
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName
    const reason = error instanceof Error ? error.message : String(error)
    throw new Error(
      failed ? `Database migration "${failed}" failed on ${where}: ${reason}` : `Cannot open the database (${where}): ${reason}`,
      { cause: error },
    )
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}

/** Names of the migrations this build knows that the database has not applied (empty: up to date). */
export async function pendingMigrations(db: Db): Promise<string[]> {
  const applied = await new Migrator({ db, provider }).getMigrations()
  return applied.filter((m) => m.executedAt === undefined).map((m) => m.name)
}

// PostgreSQL error classes 08 (connection exception), 53 (insufficient resources) and 57P (operator
// intervention: shutdown, cannot connect now); https://www.postgresql.org/docs/15/errcodes-appendix.html
const UNAVAILABLE_SQLSTATE = /^(08|53|57P)/
const UNAVAILABLE_ERRNO = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'EPIPE', 'SQLITE_BUSY'])
const UNAVAILABLE_MESSAGE = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|connection is closed/i

/** True when an error means "the database cannot be reached right now" (answer 503), not a bug (500). */
export function isDatabaseUnavailable(error: unknown): boolean {
  // A client that hung up also surfaces as ECONNRESET; it says nothing about the database.
  if (isRequestAborted(error)) return false
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code
    if (typeof code === 'string' && (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_ERRNO.has(code))) return true
    if (UNAVAILABLE_MESSAGE.test(e.message)) return true
    if (e instanceof AggregateError && e.errors.some(isDatabaseUnavailable)) return true
  }
  return false
}

// One connection (pool) per process and configuration, kept on globalThis so Next's dev reloads and
// the several route bundles of a production server share it.
const cache = globalThis as typeof globalThis & {
  __packetPathDb?: Map<string, Promise<Db>>
  /** One learner's attempts waiting their turn in this process (progress/store.server.ts oneAtATime). */
  __packetPathLearnerQueues?: Map<string, Promise<unknown>>
  /** Called by scripts/serve.mjs on SIGTERM after the last request finished. */
  __packetPathCloseDb?: () => Promise<void>
}

/** The process-wide database the environment names, migrated on first use. */
export function getDb(): Promise<Db> {
  cache.__packetPathDb ??= new Map()
  const config = dbConfigFromEnv()
  const key = config.kind === 'sqlite' ? config.dir : config.url
  let db = cache.__packetPathDb.get(key)
  if (!db) {
    db = openDatabase(config)
    cache.__packetPathDb.set(key, db)
    // A failed open must not be cached forever: the next request retries.
    db.catch(() => cache.__packetPathDb?.delete(key))
  }
  cache.__packetPathCloseDb ??= closeAll
  return db
}

async function closeAll(): Promise<void> {
  // Attempts still queued for their learner (progress/store.server.ts) run first; the queue tails never reject.
  await Promise.all([...(cache.__packetPathLearnerQueues?.values() ?? [])])
  const open = [...(cache.__packetPathDb?.values() ?? [])]
  cache.__packetPathDb?.clear()
  await Promise.all(open.map((p) => p.then((db) => db.destroy(), () => undefined)))
}
