// The SQL that differs between SQLite and PostgreSQL, in one place (issue 13). Migrations and queries use Kysely's
// portable builder; only what cannot be written portably asks here which dialect it runs on.
import { PostgresAdapter, sql, type Dialect, type Kysely, type RawBuilder, type Transaction } from 'kysely'

/**
 * Marks the adapter of a PostgreSQL connection. `instanceof PostgresAdapter` alone is not enough: Next bundles
 * Kysely into more than one server chunk, and an adapter made by one copy is not an instance of another copy's
 * class. Symbol.for() is one symbol for the whole process.
 */
const DIALECT_TAG = Symbol.for('packet-path.dialect')

/** The dialect with its adapter tagged as PostgreSQL (db/connection.server.ts opens every PostgreSQL connection with this). */
export function tagPostgres(dialect: Dialect): Dialect {
  return {
    createAdapter: () => Object.assign(dialect.createAdapter(), { [DIALECT_TAG]: 'postgres' }),
    createDriver: () => dialect.createDriver(),
    createIntrospector: (db) => dialect.createIntrospector(db),
    createQueryCompiler: () => dialect.createQueryCompiler(),
  }
}

export function isPostgres(db: Kysely<any> | Transaction<any>): boolean {
  const adapter = db.getExecutor().adapter as { [DIALECT_TAG]?: string }
  return adapter[DIALECT_TAG] === 'postgres' || adapter instanceof PostgresAdapter
}

/**
 * Serialises read-then-write transactions on one table across every process and instance. SQLite needs nothing:
 * its first write statement takes the one database-wide write lock (busy_timeout waits for it). PostgreSQL's
 * MVCC lets two transactions both read a count and both insert, so there the table is locked in SHARE ROW
 * EXCLUSIVE mode, which conflicts with itself but not with plain reads
 * (https://www.postgresql.org/docs/15/explicit-locking.html#LOCKING-TABLES).
 */
export async function lockTableForWrite(trx: Transaction<any>, table: string): Promise<void> {
  if (!isPostgres(trx)) return
  await sql`lock table ${sql.table(table)} in share row exclusive mode`.execute(trx)
}

/**
 * True for an insert that names a row another table does not have (a learner id that is not stored): SQLite's
 * SQLITE_CONSTRAINT_FOREIGNKEY, PostgreSQL's 23503 foreign_key_violation. Writes try the cookie's learner first and
 * create one only on this error, so the usual write is one statement.
 */
export function isForeignKeyViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || code === '23503'
}

/** One row's values as a JSON array: json_build_array on PostgreSQL, json_array on SQLite. */
export function jsonRow(db: Kysely<any> | Transaction<any>, columns: readonly string[]): RawBuilder<unknown> {
  const values = sql.join(columns.map((c) => sql.ref(c)))
  return isPostgres(db) ? sql`json_build_array(${values})` : sql`json_array(${values})`
}

/**
 * The JSON array of `row` over the rows a subquery selects, in `orderBy` order, '[]' when there are none
 * (PostgreSQL's json_agg gives NULL then). Lets a read fetch several lists in one statement (one round trip).
 */
export function jsonAgg(db: Kysely<any> | Transaction<any>, row: RawBuilder<unknown>, orderBy?: RawBuilder<unknown>): RawBuilder<unknown> {
  const order = orderBy ? sql` order by ${orderBy}` : sql``
  return isPostgres(db) ? sql`coalesce(json_agg(${row}${order}), '[]'::json)` : sql`json_group_array(${row}${order})`
}

/** A JSON column as the driver hands it back: parsed by node-postgres, text from SQLite. */
export function parseJsonColumn<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T
}
