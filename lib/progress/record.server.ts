// Download and import of a learner's whole record. The record carries an HMAC by the server
// that graded it, so a learner cannot hand-edit "score": 1 into a file and import it: the
// server is the grader (issue 5). Any server sharing SESSION_SECRET (several instances of one
// deployment) accepts it. Import merges: visits add up only once per record, completions keep
// the earliest time, attempts are keyed by their ids, so importing the same file twice is a no-op.
//
// A record names the learner it was downloaded from, under the signature (issue 12, "Records"). It imports only
// into that learner, or into a fresh learner (no progress, name or class of its own), which then becomes that
// learner; it never adds one learner's attempts to another's record. Attempts that arrive by import are marked
// (imported_at), and the gradebook shows them as imported.
import 'server-only'
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto'
import type { Db } from '../db/connection.server'
import { fail, ok, type Result } from '../api/errors'
import { boundAttempts } from './attempt-bounds.server'
import { itemKey, type Catalog } from './grading'
import { generateProgressCode } from '../api/identity.server'
import type { ExportedRecord } from '../schemas'

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

/**
 * `storedId` undefined: a visitor with nothing stored yet gets an empty signed record under a new learner id (nothing
 * is stored now; importing it creates that learner, as any fresh browser may).
 */
export async function exportRecord(db: Db, storedId: string | undefined, secret: string): Promise<ExportedRecord> {
  const learnerId = storedId ?? randomUUID()
  const [lessons, attempts, help] = storedId === undefined ? [[], [], []] : await Promise.all([
    db.selectFrom('lesson_progress').selectAll().where('learner_id', '=', learnerId).orderBy('lesson_id').execute(),
    db.selectFrom('attempt').selectAll().where('learner_id', '=', learnerId).orderBy('created_at').orderBy('id').execute(),
    db.selectFrom('challenge_help').selectAll().where('learner_id', '=', learnerId).orderBy('item_id').orderBy('help').orderBy('rung').execute(),
  ])
  const unsigned: Omit<ExportedRecord, 'signature'> = {
    format: 'packet-path-record',
    version: 2,
    learnerId,
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
      rawScore: a.raw_score,
      hintsUsed: a.hints_used,
      referenceSeen: a.reference_seen === null ? null : Number(a.reference_seen) === 1,
      contentVersion: a.content_version,
      simVersion: a.sim_version,
      importedAt: a.imported_at,
    })),
    help: help.map((h) => ({ itemId: h.item_id, help: h.help, rung: Number(h.rung), level: h.level, createdAt: h.created_at })),
  }
  return { ...unsigned, signature: signRecord(secret, unsigned) }
}

export type ImportSummary = { lessons: number; attemptsAdded: number; skipped: string[]; switchedLearner: boolean }

/** A learner with nothing of its own yet: no lesson, attempt, help, name or class. */
export async function isFreshLearner(db: Db, learnerId: string): Promise<boolean> {
  const [learner, lesson, attempt, help, member] = await Promise.all([
    db.selectFrom('learner').select(['display_name', 'student_id']).where('id', '=', learnerId).executeTakeFirst(),
    db.selectFrom('lesson_progress').select('lesson_id').where('learner_id', '=', learnerId).limit(1).executeTakeFirst(),
    db.selectFrom('attempt').select('id').where('learner_id', '=', learnerId).limit(1).executeTakeFirst(),
    db.selectFrom('challenge_help').select('item_id').where('learner_id', '=', learnerId).limit(1).executeTakeFirst(),
    db.selectFrom('class_member').select('class_id').where('learner_id', '=', learnerId).limit(1).executeTakeFirst(),
  ])
  if (lesson || attempt || help || member) return false
  return !learner || (learner.display_name === null && learner.student_id === null)
}

/**
 * Which learner a signed record goes into, for a request from `currentId` (undefined: no valid cookie): the
 * record's own learner when that is the current one or the current one is fresh; otherwise a refusal.
 */
export async function importTarget(db: Db, currentId: string | undefined, record: ExportedRecord, secret: string): Promise<Result<{ learnerId: string; switched: boolean }>> {
  const checked = verifyRecord(record, secret)
  if (!checked.ok) return checked
  if (currentId === record.learnerId) return ok({ learnerId: record.learnerId, switched: false })
  if (currentId === undefined || (await isFreshLearner(db, currentId))) return ok({ learnerId: record.learnerId, switched: true })
  return fail({
    code: 'record-other-learner',
    message:
      'This record belongs to another learner, and this device already has progress of its own, so it was not imported. A record imports only into the learner who downloaded it, or in a browser with no progress yet (which then continues as that learner).',
  })
}

function verifyRecord(record: ExportedRecord, secret: string): Result<void> {
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
  return ok(undefined)
}

/**
 * Merges a signed record into its own learner's (created with a new progress code when this server does not have
 * it yet). Call importTarget first: it decides whether the requester may. Entries for lessons or items this
 * course no longer has are skipped and listed (not an error: an older release's record must still import).
 */
export async function importRecord(
  db: Db,
  catalog: Catalog,
  record: ExportedRecord,
  secret: string,
  now = new Date(),
): Promise<Result<Omit<ImportSummary, 'switchedLearner'>>> {
  const checked = verifyRecord(record, secret)
  if (!checked.ok) return checked
  const learnerId = record.learnerId
  const skipped: string[] = []
  const lessons = record.lessons.filter((l) => catalog.lessonIds.has(l.lessonId) || !skipped.push(`lesson ${l.lessonId}`))
  const attempts = record.attempts.filter(
    (a) => catalog.itemLessons.has(itemKey(a.kind, a.itemId)) || !skipped.push(`${a.kind} ${a.itemId} (attempt ${a.id})`),
  )
  let attemptsAdded = 0
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('learner')
      .values({ id: learnerId, progress_code: generateProgressCode(), created_at: now.toISOString() })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute()
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
          raw_score: a.rawScore,
          hints_used: a.hintsUsed,
          reference_seen: a.referenceSeen === null ? null : a.referenceSeen ? 1 : 0,
          content_version: a.contentVersion,
          sim_version: a.simVersion,
          imported_at: a.importedAt ?? now.toISOString(),
        })
        .onConflict((oc) => oc.columns(['learner_id', 'id']).doNothing())
        .executeTakeFirst()
      attemptsAdded += Number(res.numInsertedOrUpdatedRows ?? 0)
    }
    for (const h of record.help) {
      await trx
        .insertInto('challenge_help')
        .values({ learner_id: learnerId, item_id: h.itemId, help: h.help, rung: h.rung, level: h.level, created_at: h.createdAt })
        .onConflict((oc) => oc.columns(['learner_id', 'item_id', 'help', 'rung']).doNothing())
        .execute()
    }
  })
  // Merging into a learner who already has attempts can pass the bounds; apply them as after any attempt.
  if (attemptsAdded > 0) await boundAttempts(db, learnerId, attempts.map((a) => ({ kind: a.kind, itemId: a.itemId })))
  return ok({ lessons: lessons.length, attemptsAdded, skipped })
}
