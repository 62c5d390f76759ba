// Which database this process uses, decided from the environment in one place. DATABASE_URL set (postgres://…
// or postgresql://…) selects PostgreSQL with a pool of DATABASE_POOL_SIZE connections; unset, SQLite under
// DATA_DIR exactly as before. A DATABASE_URL that is not a PostgreSQL URL is an error, never a quiet fallback to
// SQLite (issue 13): an operator who set it meant it. No driver is imported here, so scripts and tests can call it.
import path from 'node:path'

export type DbConfig =
  | { kind: 'sqlite'; dir: string }
  | { kind: 'postgres'; url: string; poolSize: number }

type Env = Readonly<Record<string, string | undefined>>

export const DEFAULT_POOL_SIZE = 10

/** The configuration the environment names; throws with the variable's name when it is malformed. */
export function dbConfigFromEnv(env: Env = process.env): DbConfig {
  const url = env.DATABASE_URL?.trim()
  if (!url) {
    // turbopackIgnore: resolved at run time; keeps Next from tracing the whole project for it.
    return { kind: 'sqlite', dir: path.resolve(/*turbopackIgnore: true*/ env.DATA_DIR || './data') }
  }
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new Error('DATABASE_URL is not a URL; expected postgres://USER:PASSWORD@HOST:PORT/DATABASE (unset it to use SQLite under DATA_DIR)')
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new Error(`DATABASE_URL must start with postgres:// or postgresql://, not "${parsed.protocol}//" (unset it to use SQLite under DATA_DIR)`)
  }
  if (parsed.pathname.length <= 1) throw new Error('DATABASE_URL names no database; add /DATABASE after the host, e.g. postgres://app@db:5432/packetpath')
  const rawPool = env.DATABASE_POOL_SIZE?.trim()
  const poolSize = rawPool ? Number(rawPool) : DEFAULT_POOL_SIZE
  if (!Number.isInteger(poolSize) || poolSize < 1 || poolSize > 1000) {
    throw new Error(`DATABASE_POOL_SIZE must be a whole number from 1 to 1000 (connections per server process), not "${rawPool}"`)
  }
  return { kind: 'postgres', url, poolSize }
}

/** Where the database is, for messages: never prints a password. */
export function describeDb(config: DbConfig): string {
  if (config.kind === 'sqlite') return `SQLite in ${config.dir}`
  const u = new URL(config.url)
  return `PostgreSQL ${u.username ? `${decodeURIComponent(u.username)}@` : ''}${u.host}${u.pathname}`
}
