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
 * (api/rate-limit.server.ts explains the same order). On PostgreSQL the UPDATE locks the learner's row. Returns whether
 * the learner exists, so a write can take the lock and look the learner up in one statement.
 */
export async function lockLearner(trx: Trx, learnerId: string): Promise<boolean> {
  const rows = await trx
    .updateTable('learner')
    .set((eb) => ({ id: eb.ref('id') }))
    .where('id', '=', learnerId)
    .returning('id')
    .execute()
  return rows.length > 0
}

/** What the bounds (and the grade summary of an item) need of each stored attempt. */
export type BoundedRow = {
  id: string
  kind: AttemptKind
  item_id: string
  score: number
  passed: number
  created_at: string
  attempt_count: number
  hints_used: number | null
  reference_seen: number | null
  imported_at: string | null
  content_version: string | null
  /** Characters of submission + feedback JSON; 0 once both were dropped ('null'). */
  size: number
}

/** The learner's attempts, newest first (ties by id), with what the bounds need: one statement. */
export async function selectBoundedRows(trx: Trx | Db, learnerId: string): Promise<BoundedRow[]> {
  const rows = await trx
    .selectFrom('attempt')
    .select((eb) => [
      'id', 'kind', 'item_id', 'score', 'passed', 'created_at', 'attempt_count', 'hints_used', 'reference_seen', 'imported_at', 'content_version',
      eb
        .case()
        .when(eb.or([eb('submission', '!=', 'null'), eb('feedback', '!=', 'null')]))
        .then(eb(eb.fn('length', ['submission']), '+', eb.fn('length', ['feedback'])))
        .else(0)
        .end()
        .as('size'),
    ])
    .where('learner_id', '=', learnerId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute()
  return rows.map((r) => ({ ...r, passed: Number(r.passed), attempt_count: Number(r.attempt_count), size: Number(r.size) }))
}

/** Rule 1 for one item, on `rows` (newest first): writes the merge and returns the rows as they are now stored. */
async function mergeOldRows(trx: Trx, learnerId: string, rows: BoundedRow[], kind: AttemptKind, itemId: string, keepRows: number): Promise<BoundedRow[]> {
  const old = rows.filter((r) => r.kind === kind && r.item_id === itemId).slice(keepRows)
  if (old.length < 2) return rows
  // The survivor is the best-scoring old row (the newest of equals), so the item's best score is still a real attempt's.
  const survivor = old.reduce((best, r) => (r.score > best.score ? r : best))
  const count = old.reduce((n, r) => n + r.attempt_count, 0)
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
  const gone = new Set(others)
  return rows.filter((r) => !gone.has(r.id)).map((r) => (r.id === survivor.id ? { ...r, attempt_count: count, passed, size: 0 } : r))
}

/** Rule 2 on `rows` (newest first): writes the drops and returns the rows as they are now stored. */
async function dropOldTexts(trx: Trx, learnerId: string, rows: BoundedRow[], budget: number): Promise<BoundedRow[]> {
  let used = 0
  let first = true
  const over = new Set<string>()
  for (const row of rows) {
    if (row.size === 0) continue
    used += row.size
    // The newest attempt always stays whole: it is what the learner just sent.
    if (!first && used > budget) over.add(row.id)
    first = false
  }
  const ids = [...over]
  for (let i = 0; i < ids.length; i += 500) {
    await trx
      .updateTable('attempt')
      .set({ submission: 'null', feedback: 'null' })
      .where('learner_id', '=', learnerId)
      .where('id', 'in', ids.slice(i, i + 500))
      .execute()
  }
  return ids.length === 0 ? rows : rows.map((r) => (over.has(r.id) ? { ...r, size: 0 } : r))
}

/**
 * Applies both rules inside the caller's transaction, which holds the learner's lock (lockLearner) and passes the
 * learner's rows as stored now, newest first (selectBoundedRows plus what it just inserted). Writes only what goes
 * over a bound; returns the rows as they are stored afterwards.
 */
export async function applyBounds(
  trx: Trx,
  learnerId: string,
  rows: BoundedRow[],
  items: ReadonlyArray<{ kind: AttemptKind; itemId: string }>,
  limits: AttemptLimits = ATTEMPT_LIMITS,
): Promise<BoundedRow[]> {
  const seen = new Set<string>()
  let now = rows
  for (const { kind, itemId } of items) {
    if (seen.has(`${kind}:${itemId}`)) continue
    seen.add(`${kind}:${itemId}`)
    now = await mergeOldRows(trx, learnerId, now, kind, itemId, limits.keepRowsPerItem)
  }
  return dropOldTexts(trx, learnerId, now, limits.fullTextBudget)
}

/** Applies both rules to one learner after attempts of `items` were stored (a record import). `limits` differ only in tests. */
export async function boundAttempts(
  db: Db,
  learnerId: string,
  items: ReadonlyArray<{ kind: AttemptKind; itemId: string }>,
  limits: AttemptLimits = ATTEMPT_LIMITS,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await lockLearner(trx, learnerId)
    await applyBounds(trx, learnerId, await selectBoundedRows(trx, learnerId), items, limits)
  })
}
