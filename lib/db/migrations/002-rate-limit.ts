// Rate-limit hits in the database, so every server process sharing the file (WEB_CONCURRENCY
// workers under `npm start`, or several instances on one volume) spends one budget per key
// instead of one each. One row per allowed try; rows older than the window are deleted on
// every hit (api/rate-limit.server.ts), so the table holds about one window of traffic.
// Portable types only, like 001, so it runs on PostgreSQL too.
import type { Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('rate_limit_hit')
    .addColumn('key', 'text', (c) => c.notNull())
    // Epoch milliseconds. bigint, not integer: PostgreSQL's integer is 32-bit and today's epoch ms
    // (~1.8e12) overflows it; SQLite stores both as the same 64-bit INTEGER.
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute()

  // Serves the per-key count and oldest hit (key = ? and at > ?); the prune of expired rows
  // (at <= ?) can scan this narrow index instead of the table.
  await db.schema.createIndex('rate_limit_hit_key_at').on('rate_limit_hit').columns(['key', 'at']).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('rate_limit_hit').execute()
}
