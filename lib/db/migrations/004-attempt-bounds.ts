// Bounded attempt history (issue 12, "bounded growth"): a row may stand for several attempts. Older attempts of one
// item are merged into one summary row (progress/attempt-bounds.server.ts) that keeps their best score, whether any passed,
// and how many there were, in `attempt_count`; every existing row is one attempt. Portable types only, like 001.
import type { Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('attempt')
    .addColumn('attempt_count', 'integer', (c) => c.notNull().defaultTo(1))
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('attempt').dropColumn('attempt_count').execute()
}
