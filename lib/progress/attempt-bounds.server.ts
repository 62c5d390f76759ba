// Bounded attempt history (issue 12, "bounded growth"): what one learner stores stays small enough that their own
// exported record always imports back (MAX_RECORD_BYTES, at most 5000 attempts), however many attempts a script posts.
//
// Two rules, applied after every stored attempt:
//  1. Rows: an item keeps its newest KEEP_ROWS_PER_ITEM attempts as rows of their own. Older ones are merged into one
//     summary row: the best-scoring of them (its id and time), with passed = any of them passed and attempt_count =
//     how many attempts it stands for. Best score and attempt count per item are unchanged, so grades are too.
//  2. Bytes: submissions and feedback are kept in full, newest first, until FULL_TEXT_BUDGET characters for the
//     learner; older attempts keep their score, passed flag and time but drop the commands/answers and feedback
//     (stored as JSON null). They are what takes room; grading never reads them.
// With ~40 graded items the bound is about 40 × 21 rows of ~250 bytes plus the budget (< 4 bytes a character).
import 'server-only'
import type { Transaction } from 'kysely'
import type { Db } from '../db/connection.server'
import type { Database } from '../db/types'
import type { AttemptKind } from '../schemas'

export const KEEP_ROWS_PER_ITEM = 20
/** Characters of submission + feedback JSON kept in full per learner (SQL length(): characters, not bytes). */
export const FULL_TEXT_BUDGET = 128_000

export type AttemptLimits = { keepRowsPerItem: number; fullTextBudget: number }
export const ATTEMPT_LIMITS: AttemptLimits = { keepRowsPerItem: KEEP_ROWS_PER_ITEM, fullTextBudget: FULL_TEXT_BUDGET }

type Trx = Transaction<Database>

/**
 * Takes the learner's write lock before reading anything: SQLite then queues this transaction behind another
 * process's write instead of failing with SQLITE_BUSY_SNAPSHOT, and two bounds of one learner never interleave
 * (api/rate-limit.ts explains the same order). On PostgreSQL the UPDATE locks the learner's row.
 */
async function lockLearner(trx: Trx, learnerId: string): Promise<void> {
  await trx
    .updateTable('learner')
    .set((eb) => ({ id: eb.ref('id') }))
    .where('id', '=', learnerId)
    .execute()
}

async function mergeOldRows(trx: Trx, learnerId: string, kind: AttemptKind, itemId: string, keepRows: number): Promise<void> {
  const rows = await trx
    .selectFrom('attempt')
    .select(['id', 'score', 'passed', 'created_at', 'attempt_count'])
    .where('learner_id', '=', learnerId)
    .where('kind', '=', kind)
    .where('item_id', '=', itemId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute()
  const old = rows.slice(keepRows)
  if (old.length < 2) return
  // The survivor is the best-scoring old row (the newest of equals), so the item's best score is still a real attempt's.
  const survivor = old.reduce((best, r) => (r.score > best.score ? r : best))
  const count = old.reduce((n, r) => n + Number(r.attempt_count), 0)
  const passed = old.some((r) => r.passed === 1) ? 1 : 0
  await trx
    .updateTable('attempt')
    .set({ attempt_count: count, passed, submission: 'null', feedback: 'null' })
    .where('learner_id', '=', learnerId)
    .where('id', '=', survivor.id)
    .execute()
  const others = old.filter((r) => r.id !== survivor.id).map((r) => r.id)
  for (let i = 0; i < others.length; i += 500) {
    await trx.deleteFrom('attempt').where('learner_id', '=', learnerId).where('id', 'in', others.slice(i, i + 500)).execute()
  }
}

async function dropOldTexts(trx: Trx, learnerId: string, budget: number): Promise<void> {
  const full = await trx
    .selectFrom('attempt')
    .select((eb) => ['id', eb(eb.fn('length', ['submission']), '+', eb.fn('length', ['feedback'])).as('size')])
    .where('learner_id', '=', learnerId)
    .where((eb) => eb.or([eb('submission', '!=', 'null'), eb('feedback', '!=', 'null')]))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute()
  let used = 0
  const over: string[] = []
  full.forEach((row, i) => {
    used += Number(row.size)
    // The newest attempt always stays whole: it is what the learner just sent.
    if (i > 0 && used > budget) over.push(row.id)
  })
  for (let i = 0; i < over.length; i += 500) {
    await trx
      .updateTable('attempt')
      .set({ submission: 'null', feedback: 'null' })
      .where('learner_id', '=', learnerId)
      .where('id', 'in', over.slice(i, i + 500))
      .execute()
  }
}

/** Applies both rules to one learner after attempts of `items` were stored. `limits` differ only in tests. */
export async function boundAttempts(
  db: Db,
  learnerId: string,
  items: ReadonlyArray<{ kind: AttemptKind; itemId: string }>,
  limits: AttemptLimits = ATTEMPT_LIMITS,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await lockLearner(trx, learnerId)
    const seen = new Set<string>()
    for (const { kind, itemId } of items) {
      if (seen.has(`${kind}:${itemId}`)) continue
      seen.add(`${kind}:${itemId}`)
      await mergeOldRows(trx, learnerId, kind, itemId, limits.keepRowsPerItem)
    }
    await dropOldTexts(trx, learnerId, limits.fullTextBudget)
  })
}
