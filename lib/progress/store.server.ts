// The learner's record: named operations over the progress database. No write reads a value into
// JavaScript to write it back, so parallel requests for one learner cannot overwrite each other: a
// lesson visit is one upsert whose count adds up in SQL, and an attempt is inserted and bounded in one
// transaction under the learner's lock (attempt-bounds.server.ts folds older rows into a counted summary).
// Grades are derived on read (progress/grading.ts), so there is no stored total to go stale.
import 'server-only'
import { randomUUID } from 'node:crypto'
import { sql, type Transaction } from 'kysely'
import type { Db } from '../db/connection.server'
import { jsonAgg, jsonRow, parseJsonColumn } from '../db/dialect.server'
import type { Database } from '../db/types'
import { fail, ok, type Result } from '../api/errors'
import { ATTEMPT_LIMITS, applyBounds, lockLearner, selectBoundedRows, type AttemptLimits, type BoundedRow } from './attempt-bounds.server'
import { generateProgressCode } from '../api/identity.server'
import { SIMULATOR_VERSION } from '@/simulator'
import { computeProgress, itemKey, summarizeAttempts, type BestRow, type Catalog } from './grading'
import type { AttemptKind, AttemptSummary, Progress } from '../schemas'

export type Learner = { id: string; progressCode: string; createdAt: string; displayName: string | null; studentId: string | null }

type LearnerRow = { id: string; progress_code: string; created_at: string; display_name: string | null; student_id: string | null }
export const toLearner = (row: LearnerRow): Learner => ({
  id: row.id,
  progressCode: row.progress_code,
  createdAt: row.created_at,
  displayName: row.display_name,
  studentId: row.student_id,
})

export async function findLearner(db: Db, id: string): Promise<Learner | undefined> {
  const row = await db.selectFrom('learner').selectAll().where('id', '=', id).executeTakeFirst()
  return row && toLearner(row)
}

/** The learner with this id, or a new learner (new id, new progress code) when there is none. */
export async function getOrCreateLearner(db: Db, id: string | undefined): Promise<{ learner: Learner; created: boolean }> {
  const existing = id ? await findLearner(db, id) : undefined
  if (existing) return { learner: existing, created: false }
  const learner: Learner = { id: randomUUID(), progressCode: generateProgressCode(), createdAt: new Date().toISOString(), displayName: null, studentId: null }
  await db
    .insertInto('learner')
    .values({ id: learner.id, progress_code: learner.progressCode, created_at: learner.createdAt })
    .execute()
  return { learner, created: true }
}

export function checkLesson(catalog: Catalog, lessonId: string): Result<void> {
  if (catalog.lessonIds.has(lessonId)) return ok(undefined)
  return fail({ code: 'unknown-lesson', message: `There is no lesson "${lessonId}" in this course.` })
}

export async function recordLessonVisit(db: Db, catalog: Catalog, learnerId: string, lessonId: string): Promise<Result<void>> {
  const known = checkLesson(catalog, lessonId)
  if (!known.ok) return known
  const now = new Date().toISOString()
  await db
    .insertInto('lesson_progress')
    .values({ learner_id: learnerId, lesson_id: lessonId, visits: 1, first_visited_at: now, last_visited_at: now, completed_at: null })
    .onConflict((oc) =>
      oc.columns(['learner_id', 'lesson_id']).doUpdateSet((eb) => ({
        visits: eb('lesson_progress.visits', '+', 1),
        last_visited_at: eb.ref('excluded.last_visited_at'),
      })),
    )
    .execute()
  return ok(undefined)
}

/** Marks a lesson complete. Idempotent: the first completion time is kept. */
export async function completeLesson(db: Db, catalog: Catalog, learnerId: string, lessonId: string): Promise<Result<void>> {
  const known = checkLesson(catalog, lessonId)
  if (!known.ok) return known
  const now = new Date().toISOString()
  await db
    .insertInto('lesson_progress')
    .values({ learner_id: learnerId, lesson_id: lessonId, visits: 0, first_visited_at: now, last_visited_at: now, completed_at: now })
    .onConflict((oc) =>
      // Only a first completion writes: a repeated click changes no row, so SQLite commits no WAL frame.
      oc
        .columns(['learner_id', 'lesson_id'])
        .doUpdateSet((eb) => ({ completed_at: eb.ref('excluded.completed_at') }))
        .where('lesson_progress.completed_at', 'is', null),
    )
    .execute()
  return ok(undefined)
}

/**
 * What a grader decides. The only source of score/passed: nothing the client sends is trusted. `score` is the
 * credited score; `rawScore` the grader's own before help and penalties; `help` what the server had shown first.
 */
export type GradeResult = {
  score: number
  passed: boolean
  feedback: unknown
  rawScore?: number
  help?: { hintsUsed: number; referenceSeen: boolean }
  contentVersion?: string
}

/**
 * What a grader may read, inside the attempt's write transaction (the learner is locked, so nothing it reads can
 * change before the attempt is stored): the learner, that learner's earlier attempts at this item (newest first),
 * and the transaction for anything else (the hints shown).
 */
export type GradeInput = { trx: Transaction<Database>; learnerId: string; previous: readonly BoundedRow[] }

/** A grade, or a refusal (e.g. no attempts left) that stores nothing. */
export type Grader<S> = (submission: S, input: GradeInput) => GradeResult | Result<GradeResult> | Promise<GradeResult | Result<GradeResult>>

export type RecordedAttempt = AttemptSummary & {
  /** The item's attempts as stored after this one (bounded), as progress/grading.ts summarises them. */
  best: BestRow | undefined
}

/**
 * Grades `submission` on the server with the grader passed in and appends the attempt, in one transaction: lock (and
 * so look up) the learner, read their attempts, grade, insert, apply the bounds (attempt-bounds.server.ts), which
 * write only when an item or the text budget goes over. Challenges and quizzes plug in their graders here.
 * `learnerId` undefined, or naming no stored learner: a new learner is created in the same transaction (`created`).
 */
export function recordAttemptFor<S>(
  db: Db,
  catalog: Catalog,
  learnerId: string | undefined,
  attempt: { kind: AttemptKind; itemId: string; submission: S; grade: Grader<S> },
  limits: AttemptLimits = ATTEMPT_LIMITS,
): Promise<{ learnerId: string | undefined; created: boolean; result: Result<RecordedAttempt> }> {
  return oneAtATime(learnerId, () => storeAttempt(db, catalog, learnerId, attempt, limits, true))
}

// On globalThis, shared by every route bundle of the process: db/connection.server.ts's close waits for these to settle, so a
// queued attempt (its client may have hung up) still runs before the pool closes on SIGTERM.
const queues = globalThis as typeof globalThis & { __packetPathLearnerQueues?: Map<string, Promise<unknown>> }
const learnerQueues = (queues.__packetPathLearnerQueues ??= new Map())

/**
 * Runs one learner's attempts in this process one after another. The learner's lock serialises them anyway (across
 * processes too); queueing here first keeps the waiting ones from each holding a pooled PostgreSQL connection while
 * blocked on that lock, which starved the pool for every other request under a burst of one learner's attempts.
 */
function oneAtATime<T>(learnerId: string | undefined, run: () => Promise<T>): Promise<T> {
  if (learnerId === undefined) return run()
  const mine = (learnerQueues.get(learnerId) ?? Promise.resolve()).then(run, run)
  const tail = mine.then(() => undefined, () => undefined)
  learnerQueues.set(learnerId, tail)
  void tail.then(() => {
    if (learnerQueues.get(learnerId) === tail) learnerQueues.delete(learnerId)
  })
  return mine
}

async function storeAttempt<S>(
  db: Db,
  catalog: Catalog,
  learnerId: string | undefined,
  attempt: { kind: AttemptKind; itemId: string; submission: S; grade: Grader<S> },
  limits: AttemptLimits,
  createMissing: boolean,
): Promise<{ learnerId: string | undefined; created: boolean; result: Result<RecordedAttempt> }> {
  const lessonId = catalog.itemLessons.get(itemKey(attempt.kind, attempt.itemId))
  if (!lessonId) return { learnerId, created: false, result: fail({ code: 'unknown-item', message: `There is no ${attempt.kind} "${attempt.itemId}" in this course.` }) }
  return db.transaction().execute(async (trx) => {
    const existing = learnerId !== undefined && (await lockLearner(trx, learnerId))
    const id = existing ? learnerId : randomUUID()
    if (!existing && !createMissing) throw new Error(`recordAttempt: there is no learner "${learnerId}"`)
    if (!existing) {
      await trx.insertInto('learner').values({ id, progress_code: generateProgressCode(), created_at: new Date().toISOString() }).execute()
    }
    const rows = existing ? await selectBoundedRows(trx, id) : []
    const previous = rows.filter((r) => r.kind === attempt.kind && r.item_id === attempt.itemId)
    const outcome = await attempt.grade(attempt.submission, { trx, learnerId: id, previous })
    if ('ok' in outcome && !outcome.ok) return { learnerId: id, created: !existing, result: outcome }
    const graded = 'ok' in outcome ? outcome.value : outcome
    if (!(graded.score >= 0 && graded.score <= 1)) throw new Error(`grader for ${attempt.kind} "${attempt.itemId}" returned score ${graded.score}, outside 0..1`)
    const summary: AttemptSummary = {
      id: randomUUID(),
      kind: attempt.kind,
      itemId: attempt.itemId,
      lessonId,
      score: graded.score,
      passed: graded.passed,
      feedback: graded.feedback,
      createdAt: new Date().toISOString(),
    }
    const submission = JSON.stringify(attempt.submission)
    const feedback = JSON.stringify(graded.feedback ?? null)
    const stored = {
      id: summary.id,
      learner_id: id,
      kind: summary.kind,
      item_id: summary.itemId,
      lesson_id: lessonId,
      submission,
      score: summary.score,
      passed: summary.passed ? 1 : 0,
      feedback,
      created_at: summary.createdAt,
      raw_score: graded.rawScore ?? graded.score,
      hints_used: graded.help?.hintsUsed ?? null,
      reference_seen: graded.help === undefined ? null : graded.help.referenceSeen ? 1 : 0,
      content_version: graded.contentVersion ?? null,
      sim_version: SIMULATOR_VERSION,
    }
    await trx.insertInto('attempt').values(stored).execute()
    // The new row is the newest (its time is now); the bounds see it first, as a fresh select would order it.
    const mine: BoundedRow = { ...stored, attempt_count: 1, imported_at: null, size: submission.length + feedback.length }
    const after = await applyBounds(trx, id, [mine, ...rows], [{ kind: summary.kind, itemId: summary.itemId }], limits)
    const itemRows = after.filter((r) => r.kind === summary.kind && r.item_id === summary.itemId)
    return { learnerId: id, created: !existing, result: ok({ ...summary, best: summarizeAttempts(catalog, itemRows)[0] }) }
  })
}

/** recordAttemptFor for a learner known to exist (tests, scripts): the attempt or why it was refused. */
export async function recordAttempt<S>(
  db: Db,
  catalog: Catalog,
  learnerId: string,
  attempt: { kind: AttemptKind; itemId: string; submission: S; grade: Grader<S> },
  limits: AttemptLimits = ATTEMPT_LIMITS,
): Promise<Result<RecordedAttempt>> {
  return (await oneAtATime(learnerId, () => storeAttempt(db, catalog, learnerId, attempt, limits, false))).result
}

export function recordChallengeAttempt(
  db: Db,
  catalog: Catalog,
  learnerId: string,
  challengeId: string,
  commands: readonly string[],
  grade: Grader<readonly string[]>,
  limits: AttemptLimits = ATTEMPT_LIMITS,
): Promise<Result<AttemptSummary>> {
  return recordAttempt(db, catalog, learnerId, { kind: 'challenge', itemId: challengeId, submission: commands, grade }, limits)
}

const HISTORY_LIMIT = 200

/** What a visitor with no stored learner sees: nothing done, and no progress code until their first write. */
export function emptyProgress(catalog: Catalog): Progress {
  const { lessons, course } = computeProgress(catalog, [], [])
  return { progressCode: null, profile: { displayName: null, studentId: null }, classes: [], lessons, course, attempts: [] }
}

type LessonRow = [lessonId: string, visits: number, completedAt: string | null]
type AttemptTuple = [kind: AttemptKind, itemId: string, score: number, passed: number, createdAt: string, hintsUsed: number | null, referenceSeen: number | null, importedAt: string | null, contentVersion: string | null, attemptCount: number]
type HistoryTuple = [id: string, kind: AttemptKind, itemId: string, lessonId: string, score: number, passed: number, createdAt: string]
type ClassTuple = [id: string, name: string, joinedAt: string]
type RecordRow = LearnerRow & { lessons: unknown; attempts: unknown; history: unknown; classes: unknown }

/**
 * The learner and everything /progress shows, in one statement (one round trip on PostgreSQL, one consistent
 * snapshot on both): each list is a JSON array built by a subquery (db/dialect.ts jsonAgg).
 */
async function readRecordRow(db: Db, learnerId: string): Promise<RecordRow | undefined> {
  const row = (columns: readonly string[]) => jsonRow(db, columns)
  const { rows } = await sql<RecordRow>`select l.id, l.progress_code, l.created_at, l.display_name, l.student_id,
  (select ${jsonAgg(db, row(['lesson_id', 'visits', 'completed_at']))} from lesson_progress where learner_id = l.id) as lessons,
  (select ${jsonAgg(db, row(['kind', 'item_id', 'score', 'passed', 'created_at', 'hints_used', 'reference_seen', 'imported_at', 'content_version', 'attempt_count']))} from attempt where learner_id = l.id) as attempts,
  (select ${jsonAgg(db, row(['id', 'kind', 'item_id', 'lesson_id', 'score', 'passed', 'created_at']), sql`created_at desc`)}
     from (select id, kind, item_id, lesson_id, score, passed, created_at from attempt where learner_id = l.id order by created_at desc limit ${HISTORY_LIMIT}) h) as history,
  (select ${jsonAgg(db, row(['c.id', 'c.name', 'm.joined_at']), sql`m.joined_at`)}
     from class_member m join course_class c on c.id = m.class_id where m.learner_id = l.id) as classes
from learner l where l.id = ${learnerId}`.execute(db)
  return rows[0]
}

function toProgress(catalog: Catalog, record: RecordRow): { learner: Learner; progress: Progress } {
  const learner = toLearner(record)
  const lessonRows = parseJsonColumn<LessonRow[]>(record.lessons).map(([lesson_id, visits, completed_at]) => ({ lesson_id, visits, completed_at }))
  const attemptRows = parseJsonColumn<AttemptTuple[]>(record.attempts).map(
    ([kind, item_id, score, passed, created_at, hints_used, reference_seen, imported_at, content_version, attempt_count]) => ({
      kind, item_id, score, passed, created_at, hints_used, reference_seen, imported_at, content_version, attempt_count,
    }),
  )
  const { lessons, course } = computeProgress(catalog, lessonRows, summarizeAttempts(catalog, attemptRows))
  return {
    learner,
    progress: {
      progressCode: learner.progressCode,
      profile: { displayName: learner.displayName, studentId: learner.studentId },
      classes: parseJsonColumn<ClassTuple[]>(record.classes).map(([id, name, joinedAt]) => ({ id, name, joinedAt })),
      lessons,
      course,
      attempts: parseJsonColumn<HistoryTuple[]>(record.history).map(([id, kind, itemId, lessonId, score, passed, createdAt]) => ({
        id,
        kind,
        itemId,
        lessonId,
        score,
        passed: Number(passed) === 1,
        createdAt,
      })),
    },
  }
}

/** The stored learner `learnerId` names and their progress, in one round trip; undefined when there is no such learner. */
export async function readProgress(db: Db, catalog: Catalog, learnerId: string): Promise<{ learner: Learner; progress: Progress } | undefined> {
  const record = await readRecordRow(db, learnerId)
  return record && toProgress(catalog, record)
}

export async function getProgress(db: Db, catalog: Catalog, learner: Learner): Promise<Progress> {
  return (await readProgress(db, catalog, learner.id))?.progress ?? { ...emptyProgress(catalog), progressCode: learner.progressCode }
}

/**
 * The learner a progress code belongs to. Rate limiting is the caller's job (progress/api.server.ts),
 * because it needs the request's address.
 */
export async function claimProgressCode(db: Db, normalizedCode: string): Promise<Result<Learner>> {
  const row = await db.selectFrom('learner').selectAll().where('progress_code', '=', normalizedCode).executeTakeFirst()
  if (!row) {
    return fail({
      code: 'unknown-code',
      message: 'No progress matches that code. Check it on the device where you started (Progress page) and try again.',
    })
  }
  return ok(toLearner(row))
}
