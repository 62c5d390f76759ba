// Issue 12, "grades that mean something": what was earned, with what help, by whom.
//   - attempt: the score before help and penalties (`raw_score`), the help seen before it (`hints_used`,
//     `reference_seen`), the content version of the item and the simulator version that graded it, and
//     `imported_at` for attempts that came in through a record import. Earlier rows keep NULL there: they
//     were graded before any of this was recorded (the gradebook shows no marker for them).
//   - challenge_help: every hint rung and reference solution a learner was shown, counted on the server.
//   - learner: an optional display name and student id, set on /progress.
//   - course_class / class_member: classes an instructor opens, and the learners who joined with the code.
// Portable types only (text, integer, double precision) and Kysely's schema builder, like 001 and 002, so it runs on PostgreSQL.
import type { Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  // double precision, as 001's score: PostgreSQL's real is 4-byte and would read 1/3 back as 0.33333334.
  await db.schema.alterTable('attempt').addColumn('raw_score', 'double precision').execute()
  await db.schema.alterTable('attempt').addColumn('hints_used', 'integer').execute()
  await db.schema.alterTable('attempt').addColumn('reference_seen', 'integer').execute()
  await db.schema.alterTable('attempt').addColumn('content_version', 'text').execute()
  await db.schema.alterTable('attempt').addColumn('sim_version', 'text').execute()
  await db.schema.alterTable('attempt').addColumn('imported_at', 'text').execute()

  await db.schema.alterTable('learner').addColumn('display_name', 'text').execute()
  await db.schema.alterTable('learner').addColumn('student_id', 'text').execute()

  await db.schema
    .createTable('challenge_help')
    .addColumn('learner_id', 'text', (c) => c.notNull().references('learner.id').onDelete('cascade'))
    .addColumn('item_id', 'text', (c) => c.notNull())
    // 'hint' (rung = its index in the ladder) or 'reference' (rung 0).
    .addColumn('help', 'text', (c) => c.notNull())
    .addColumn('rung', 'integer', (c) => c.notNull())
    // The hint's level ('nudge' | 'concept' | 'command') or 'reference': the command rung counts as the reference.
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('challenge_help_pk', ['learner_id', 'item_id', 'help', 'rung'])
    .execute()

  await db.schema
    .createTable('course_class')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('join_code', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('class_member')
    .addColumn('class_id', 'text', (c) => c.notNull().references('course_class.id').onDelete('cascade'))
    .addColumn('learner_id', 'text', (c) => c.notNull().references('learner.id').onDelete('cascade'))
    .addColumn('joined_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('class_member_pk', ['class_id', 'learner_id'])
    .execute()
  await db.schema.createIndex('class_member_learner').on('class_member').column('learner_id').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('class_member').execute()
  await db.schema.dropTable('course_class').execute()
  await db.schema.dropTable('challenge_help').execute()
  for (const column of ['student_id', 'display_name']) await db.schema.alterTable('learner').dropColumn(column).execute()
  for (const column of ['imported_at', 'sim_version', 'content_version', 'reference_seen', 'hints_used', 'raw_score']) {
    await db.schema.alterTable('attempt').dropColumn(column).execute()
  }
}
