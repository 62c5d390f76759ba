// First schema. Uses only Kysely's schema builder with portable types (text, integer,
// real) so the same migration runs on PostgreSQL. Records are keyed by the stable
// lesson/challenge/question ids from the content, never by titles or positions, so a
// content release that rewords or reorders lessons loses nothing (issue 5, "Durable").
import type { Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('learner')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('progress_code', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('lesson_progress')
    .addColumn('learner_id', 'text', (c) => c.notNull().references('learner.id').onDelete('cascade'))
    .addColumn('lesson_id', 'text', (c) => c.notNull())
    .addColumn('visits', 'integer', (c) => c.notNull())
    .addColumn('first_visited_at', 'text', (c) => c.notNull())
    .addColumn('last_visited_at', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text')
    .addPrimaryKeyConstraint('lesson_progress_pk', ['learner_id', 'lesson_id'])
    .execute()

  await db.schema
    .createTable('attempt')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('learner_id', 'text', (c) => c.notNull().references('learner.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('lesson_id', 'text', (c) => c.notNull())
    .addColumn('submission', 'text', (c) => c.notNull())
    // double precision, not real: PostgreSQL's real is 4-byte (1/3 would read back as 0.33333334). SQLite gives
    // both the same 8-byte REAL affinity, so databases created with the old spelling are unchanged.
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('passed', 'integer', (c) => c.notNull())
    .addColumn('feedback', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    // Keyed per learner so importing a record (which keeps the attempt ids) is idempotent for
    // that learner and never collides with another learner's copy of the same record.
    .addPrimaryKeyConstraint('attempt_pk', ['learner_id', 'id'])
    .execute()

  await db.schema
    .createIndex('attempt_learner_item')
    .on('attempt')
    .columns(['learner_id', 'kind', 'item_id'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('attempt').execute()
  await db.schema.dropTable('lesson_progress').execute()
  await db.schema.dropTable('learner').execute()
}
