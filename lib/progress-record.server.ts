// Download and import of a learner's whole record. The record carries an HMAC by the server
// that graded it, so a learner cannot hand-edit "score": 1 into a file and import it: the
// server is the grader (issue 5). Any server sharing SESSION_SECRET (several instances of one
// deployment) accepts it. Import merges: visits add up only once per record, completions keep
// the earliest time, attempts are keyed by their ids, so importing the same file twice is a no-op.
import 'server-only'
import { createHmac, timingSafeEqual } from 'node:crypto'
import type { Db } from './db.server'
import { fail, ok, type Result } from './api-errors'
import { boundAttempts } from './attempt-bounds.server'
import { itemKey, type Catalog } from './progress-grading'
import type { ExportedRecord } from './schemas'

/** JSON with object keys sorted at every level, so the signature does not depend on key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

function signRecord(secret: string, unsigned: Omit<ExportedRecord, 'signature'>): string {
  return createHmac('sha256', secret).update(`record:${canonicalJson(unsigned)}`).digest('base64url')
}

/** `learnerId` undefined: a visitor with nothing stored yet gets an empty (signed) record. */
export async function exportRecord(db: Db, learnerId: string | undefined, secret: string): Promise<ExportedRecord> {
  const [lessons, attempts] = learnerId === undefined ? [[], []] : await Promise.all([
    db.selectFrom('lesson_progress').selectAll().where('learner_id', '=', learnerId).orderBy('lesson_id').execute(),
    db.selectFrom('attempt').selectAll().where('learner_id', '=', learnerId).orderBy('created_at').orderBy('id').execute(),
  ])
  const unsigned: Omit<ExportedRecord, 'signature'> = {
    format: 'packet-path-record',
    version: 1,
    exportedAt: new Date().toISOString(),
    lessons: lessons.map((l) => ({
      lessonId: l.lesson_id,
      visits: l.visits,
      firstVisitedAt: l.first_visited_at,
      lastVisitedAt: l.last_visited_at,
      completedAt: l.completed_at,
    })),
    attempts: attempts.map((a) => ({
      id: a.id,
      kind: a.kind,
      itemId: a.item_id,
      lessonId: a.lesson_id,
      submission: JSON.parse(a.submission) as unknown,
      score: a.score,
      passed: a.passed === 1,
      feedback: JSON.parse(a.feedback) as unknown,
      createdAt: a.created_at,
      ...(a.attempt_count > 1 ? { attemptCount: a.attempt_count } : {}),
    })),
  }
  return { ...unsigned, signature: signRecord(secret, unsigned) }
}

export type ImportSummary = { lessons: number; attemptsAdded: number; skipped: string[] }

/**
 * Merges a signed record into `learnerId`'s. Entries for lessons or items this course no longer
 * has are skipped and listed (not an error: an older release's record must still import).
 */
export async function importRecord(
  db: Db,
  catalog: Catalog,
  learnerId: string,
  record: ExportedRecord,
  secret: string,
): Promise<Result<ImportSummary>> {
  const { signature, ...unsigned } = record
  const expected = Buffer.from(signRecord(secret, unsigned))
  const given = Buffer.from(signature)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return fail({
      code: 'bad-signature',
      message:
        'This record was changed after it was downloaded, or it comes from a server with a different SESSION_SECRET; it cannot be imported.',
    })
  }
  const skipped: string[] = []
  const lessons = record.lessons.filter((l) => catalog.lessonIds.has(l.lessonId) || !skipped.push(`lesson ${l.lessonId}`))
  const attempts = record.attempts.filter(
    (a) => catalog.itemLessons.has(itemKey(a.kind, a.itemId)) || !skipped.push(`${a.kind} ${a.itemId} (attempt ${a.id})`),
  )
  let attemptsAdded = 0
  await db.transaction().execute(async (trx) => {
    for (const l of lessons) {
      await trx
        .insertInto('lesson_progress')
        .values({
          learner_id: learnerId,
          lesson_id: l.lessonId,
          visits: l.visits,
          first_visited_at: l.firstVisitedAt,
          last_visited_at: l.lastVisitedAt,
          completed_at: l.completedAt,
        })
        .onConflict((oc) =>
          // CASE rather than SQLite's two-argument min()/max(), which PostgreSQL spells LEAST/GREATEST.
          oc.columns(['learner_id', 'lesson_id']).doUpdateSet((eb) => ({
            visits: eb
              .case()
              .when('excluded.visits', '>', eb.ref('lesson_progress.visits'))
              .then(eb.ref('excluded.visits'))
              .else(eb.ref('lesson_progress.visits'))
              .end(),
            first_visited_at: eb
              .case()
              .when('excluded.first_visited_at', '<', eb.ref('lesson_progress.first_visited_at'))
              .then(eb.ref('excluded.first_visited_at'))
              .else(eb.ref('lesson_progress.first_visited_at'))
              .end(),
            last_visited_at: eb
              .case()
              .when('excluded.last_visited_at', '>', eb.ref('lesson_progress.last_visited_at'))
              .then(eb.ref('excluded.last_visited_at'))
              .else(eb.ref('lesson_progress.last_visited_at'))
              .end(),
            completed_at: eb
              .case()
              .when('lesson_progress.completed_at', 'is', null)
              .then(eb.ref('excluded.completed_at'))
              .when('excluded.completed_at', '<', eb.ref('lesson_progress.completed_at'))
              .then(eb.ref('excluded.completed_at'))
              .else(eb.ref('lesson_progress.completed_at'))
              .end(),
          })),
        )
        .execute()
    }
    for (const a of attempts) {
      const res = await trx
        .insertInto('attempt')
        .values({
          id: a.id,
          learner_id: learnerId,
          kind: a.kind,
          item_id: a.itemId,
          lesson_id: catalog.itemLessons.get(itemKey(a.kind, a.itemId)) ?? a.lessonId,
          submission: JSON.stringify(a.submission ?? null),
          score: a.score,
          passed: a.passed ? 1 : 0,
          feedback: JSON.stringify(a.feedback ?? null),
          created_at: a.createdAt,
          attempt_count: a.attemptCount ?? 1,
        })
        .onConflict((oc) => oc.columns(['learner_id', 'id']).doNothing())
        .executeTakeFirst()
      attemptsAdded += Number(res.numInsertedOrUpdatedRows ?? 0)
    }
  })
  // Merging into a learner who already has attempts can pass the bounds; apply them as after any attempt.
  if (attemptsAdded > 0) await boundAttempts(db, learnerId, attempts.map((a) => ({ kind: a.kind, itemId: a.itemId })))
  return ok({ lessons: lessons.length, attemptsAdded, skipped })
}
