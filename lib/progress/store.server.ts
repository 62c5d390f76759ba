// The learner's record: named operations over the progress database. No write reads a value into
// JavaScript to write it back, so parallel requests for one learner cannot overwrite each other: a
// lesson visit is one upsert whose count adds up in SQL, and an attempt is appended, then bounded
// under the learner's lock (attempt-bounds.server.ts folds older rows into a counted summary).
// Grades are derived on read (progress/grading.ts), so there is no stored total to go stale.
import 'server-only'
import { randomUUID } from 'node:crypto'
import type { Db } from '../db/connection.server'
import { fail, ok, type Result } from '../api/errors'
import { ATTEMPT_LIMITS, boundAttempts, type AttemptLimits } from './attempt-bounds.server'
import { generateProgressCode } from '../api/identity.server'
import { SIMULATOR_VERSION } from '@/simulator'
import { computeProgress, itemKey, summarizeAttempts, type Catalog } from './grading'
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

function checkLesson(catalog: Catalog, lessonId: string): Result<void> {
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
export type Grader<S> = (submission: S) => GradeResult | Promise<GradeResult>

/**
 * Grades `submission` on the server with the grader passed in, then appends the attempt.
 * Challenges and quizzes plug in their graders here (the simulator replay, the quiz key).
 */
export async function recordAttempt<S>(
  db: Db,
  catalog: Catalog,
  learnerId: string,
  attempt: { kind: AttemptKind; itemId: string; submission: S; grade: Grader<S> },
  limits: AttemptLimits = ATTEMPT_LIMITS,
): Promise<Result<AttemptSummary>> {
  const lessonId = catalog.itemLessons.get(itemKey(attempt.kind, attempt.itemId))
  if (!lessonId) return fail({ code: 'unknown-item', message: `There is no ${attempt.kind} "${attempt.itemId}" in this course.` })
  const graded = await attempt.grade(attempt.submission)
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
  await db
    .insertInto('attempt')
    .values({
      id: summary.id,
      learner_id: learnerId,
      kind: summary.kind,
      item_id: summary.itemId,
      lesson_id: lessonId,
      submission: JSON.stringify(attempt.submission),
      score: summary.score,
      passed: summary.passed ? 1 : 0,
      feedback: JSON.stringify(graded.feedback ?? null),
      created_at: summary.createdAt,
      raw_score: graded.rawScore ?? graded.score,
      hints_used: graded.help?.hintsUsed ?? null,
      reference_seen: graded.help === undefined ? null : graded.help.referenceSeen ? 1 : 0,
      content_version: graded.contentVersion ?? null,
      sim_version: SIMULATOR_VERSION,
    })
    .execute()
  await boundAttempts(db, learnerId, [{ kind: summary.kind, itemId: summary.itemId }], limits)
  return ok(summary)
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

export async function getProgress(db: Db, catalog: Catalog, learner: Learner): Promise<Progress> {
  const [lessonRows, attemptRows, history, classes] = await Promise.all([
    db.selectFrom('lesson_progress').select(['lesson_id', 'visits', 'completed_at']).where('learner_id', '=', learner.id).execute(),
    db
      .selectFrom('attempt')
      .select(['kind', 'item_id', 'score', 'passed', 'created_at', 'hints_used', 'reference_seen', 'imported_at', 'content_version', 'attempt_count'])
      .where('learner_id', '=', learner.id)
      .execute(),
    db
      .selectFrom('attempt')
      .select(['id', 'kind', 'item_id', 'lesson_id', 'score', 'passed', 'feedback', 'created_at'])
      .where('learner_id', '=', learner.id)
      .orderBy('created_at', 'desc')
      .limit(HISTORY_LIMIT)
      .execute(),
    db
      .selectFrom('class_member')
      .innerJoin('course_class', 'course_class.id', 'class_member.class_id')
      .select(['course_class.id as id', 'course_class.name as name', 'class_member.joined_at as joinedAt'])
      .where('class_member.learner_id', '=', learner.id)
      .orderBy('class_member.joined_at')
      .execute(),
  ])
  const { lessons, course } = computeProgress(catalog, lessonRows, summarizeAttempts(catalog, attemptRows))
  return {
    progressCode: learner.progressCode,
    profile: { displayName: learner.displayName, studentId: learner.studentId },
    classes,
    lessons,
    course,
    attempts: history.map((r) => ({
      id: r.id,
      kind: r.kind,
      itemId: r.item_id,
      lessonId: r.lesson_id,
      score: r.score,
      passed: r.passed === 1,
      feedback: JSON.parse(r.feedback) as unknown,
      createdAt: r.created_at,
    })),
  }
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
