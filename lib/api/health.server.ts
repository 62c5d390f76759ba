// GET /api/health for load balancers and orchestrators: 200 when the database answers and every migration this
// build knows has been applied, 503 otherwise (a half-migrated or unreachable database must take the instance out
// of rotation). One query: the applied names from Kysely's migration table, which also proves the database answers.
import 'server-only'
import { getDb, isDatabaseUnavailable, type Db } from '../db/connection.server'
import { isPostgres } from '../db/dialect.server'
import { migrations } from '../db/migrations'
import { jsonResponse } from './http.server'

export type Health =
  | { status: 'ok'; database: 'sqlite' | 'postgresql'; migrations: 'current' }
  | { status: 'unavailable'; database?: 'sqlite' | 'postgresql'; problem: string; pendingMigrations?: string[] }

export async function checkHealth(db: Db): Promise<Health> {
  const database = isPostgres(db) ? 'postgresql' : 'sqlite'
  let applied: Set<string>
  try {
    // kysely_migration is not in the Database interface (Kysely owns it), hence the untyped handle.
    const rows = await (db as unknown as Db & { selectFrom(t: 'kysely_migration'): any }).selectFrom('kysely_migration').select('name').execute()
    applied = new Set((rows as { name: string }[]).map((r) => r.name))
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error
    return { status: 'unavailable', database, problem: 'the database cannot be reached' }
  }
  const pending = Object.keys(migrations).filter((name) => !applied.has(name))
  if (pending.length > 0) return { status: 'unavailable', database, problem: 'the database is not migrated to this version', pendingMigrations: pending }
  return { status: 'ok', database, migrations: 'current' }
}

/** The route's whole answer, including a database that could not even be opened at start. */
export async function healthResponse(open: () => Promise<Db> = getDb): Promise<Response> {
  let health: Health
  try {
    health = await checkHealth(await open())
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error
    health = { status: 'unavailable', problem: 'the database cannot be reached' }
  }
  return jsonResponse(health, health.status === 'ok' ? 200 : 503, health.status === 'ok' ? {} : { 'retry-after': '5' })
}
