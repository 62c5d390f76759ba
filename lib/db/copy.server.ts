// `npm run db:copy`: moves a SQLite record set into PostgreSQL when a course outgrows one machine (issue 13).
// Both databases are first migrated to this build's schema, then every table of the record set is copied row by
// row with INSERT … ON CONFLICT DO NOTHING, so a second run adds nothing and a run after an interruption adds only
// what is missing. Tables are found by introspection, not listed here, so tables later migrations add are copied
// too; a table whose rows reference one not yet copied is retried after the others (foreign keys stay on).
// Not copied: Kysely's migration bookkeeping and rate-limit hits (a minute of traffic, meaningless elsewhere).
import 'server-only'
import { sql } from 'kysely'
import type { Db } from './connection.server'

const SKIP = new Set(['kysely_migration', 'kysely_migration_lock', 'rate_limit_hit'])
const BATCH = 500

export type CopySummary = { tables: { table: string; read: number; added: number }[] }

type AnyDb = Db & { selectFrom(table: string): any; insertInto(table: string): any }

function isForeignKeyViolation(error: unknown): boolean {
  return (error as { code?: unknown })?.code === '23503'
}

/** Copies every row of `from` that `to` lacks; both must be migrated to the same version first. */
export async function copyDatabase(from: Db, to: Db): Promise<CopySummary> {
  const source = (await from.introspection.getTables()).filter((t) => !SKIP.has(t.name))
  const target = new Map((await to.introspection.getTables()).map((t) => [t.name, t]))
  const missing = source.filter((t) => !target.has(t.name)).map((t) => t.name)
  if (missing.length > 0) throw new Error(`the target database has no table ${missing.join(', ')}: migrate it to this version first`)
  const summary: CopySummary = { tables: [] }
  await to.transaction().execute(async (trx) => {
    let pending = source
    while (pending.length > 0) {
      const retry: typeof pending = []
      for (const table of pending) {
        await sql`savepoint copy_table`.execute(trx)
        try {
          summary.tables.push(await copyTable(from as AnyDb, trx as unknown as AnyDb, table.name, table.columns.map((c) => c.name)))
          await sql`release savepoint copy_table`.execute(trx)
        } catch (error) {
          await sql`rollback to savepoint copy_table`.execute(trx)
          if (!isForeignKeyViolation(error)) throw new Error(`copying table ${table.name} failed: ${(error as Error).message}`, { cause: error })
          retry.push(table)
        }
      }
      if (retry.length === pending.length) throw new Error(`tables ${retry.map((t) => t.name).join(', ')} reference rows that exist in neither database`)
      pending = retry
    }
  })
  return summary
}

async function copyTable(from: AnyDb, to: AnyDb, table: string, columns: string[]) {
  let read = 0
  let added = 0
  // rowid order is stable across batches on SQLite; every table here is a rowid table.
  for (let offset = 0; ; offset += BATCH) {
    const rows = (await from.selectFrom(table).select(columns).orderBy(sql`rowid`).limit(BATCH).offset(offset).execute()) as Record<string, unknown>[]
    if (rows.length === 0) break
    read += rows.length
    const result = await to.insertInto(table).values(rows).onConflict((oc: any) => oc.doNothing()).executeTakeFirst()
    added += Number(result.numInsertedOrUpdatedRows ?? 0)
  }
  return { table, read, added }
}
