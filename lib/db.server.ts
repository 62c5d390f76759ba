// The one owner of the progress database: opens SQLite (better-sqlite3) under DATA_DIR,
// sets the pragmas that make acknowledged writes durable, runs the versioned migrations,
// and hands out a Kysely instance. Everything else calls the named functions in
// progress.server.ts / gradebook.server.ts and never sees a driver or SQL.
//
// Only this file knows it is SQLite. Query code uses Kysely's builder, so swapping
// SqliteDialect for PostgresDialect (several app instances on one Postgres) touches
// openDatabase() alone.
import 'server-only'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import { Kysely, Migrator, SqliteDialect, type MigrationProvider, type SqliteDatabase } from 'kysely'
import type { Database } from './db-types'
import { migrations } from './migrations'

export type Db = Kysely<Database>

/** Where the database and the generated session secret live. */
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

/**
 * Opens (creating if needed) `<dir>/packet-path.sqlite` and migrates it to the latest version.
 * Throws with the failing migration's name when a migration fails: the app must not serve on a
 * half-migrated schema.
 */
export async function openDatabase(dir: string): Promise<Db> {
  mkdirSync(dir, { recursive: true })
  const sqlite = new SQLite(path.join(dir, 'packet-path.sqlite'))
  // WAL lets readers run while one writer commits. synchronous=FULL fsyncs the WAL on every
  // commit, so a write we have answered 2xx for survives SIGKILL *and* power loss
  // (NORMAL+WAL would survive a process kill but may drop the last commits on power loss;
  // https://www.sqlite.org/pragma.html#pragma_synchronous).
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = FULL')
  // Other processes (a second `next start`, the tests' workers) may hold the write lock
  // briefly; wait for it instead of failing with SQLITE_BUSY.
  sqlite.pragma('busy_timeout = 5000')
  sqlite.pragma('foreign_keys = ON')
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) })
  const migrator = new Migrator({ db, provider })
  const { error, results } = await migrator.migrateToLatest()
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown'
    await db.destroy()
    throw new Error(`Database migration "${failed}" failed in ${dir}`, { cause: error })
  }
  return db
}

// One connection per process and directory, kept on globalThis so Next's dev reloads and
// the several route bundles of a production server share it.
const cache = globalThis as typeof globalThis & { __packetPathDb?: Map<string, Promise<Db>> }

/** The process-wide database for DATA_DIR, migrated on first use. */
export function getDb(): Promise<Db> {
  cache.__packetPathDb ??= new Map()
  const dir = dataDir()
  let db = cache.__packetPathDb.get(dir)
  if (!db) {
    db = openDatabase(dir)
    cache.__packetPathDb.set(dir, db)
    // A failed open must not be cached forever: the next request retries.
    db.catch(() => cache.__packetPathDb?.delete(dir))
  }
  return db
}
