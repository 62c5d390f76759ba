// The instructor's view: every learner who has done anything, with per-lesson and per-item
// scores and the course grade, computed by the same grading maths the learner sees.
// Learners who only opened a page (a row in `learner`, nothing else) are left out: every
// first visit creates one, and a gradebook of empty rows helps nobody. A learner who gave a name
// or joined a class is listed even before any attempt. With a class, only its members are listed.
//
// Each score is the counted attempt's credited score; `notes` says, per item, when that attempt came after hints
// or the reference solution, was imported from a record, or was graded on an earlier version of the item.
import 'server-only'
import type { Db } from '../db/connection.server'
import { computeProgress, itemKey, summarizeAttempts, type AttemptRow, type Catalog, type LessonRow } from '../progress/grading'
import { formatNote } from './gradebook-notes'
import type { Gradebook, GradebookNote, ItemProgress } from '../schemas'

function groupBy<T extends { learner_id: string }>(rows: readonly T[]): Map<string, T[]> {
  const by = new Map<string, T[]>()
  for (const r of rows) {
    const list = by.get(r.learner_id)
    if (list) list.push(r)
    else by.set(r.learner_id, [r])
  }
  return by
}

function noteOf(i: ItemProgress): GradebookNote | null {
  const note: GradebookNote = {
    ...(i.hintsUsed ? { hints: i.hintsUsed } : {}),
    ...(i.referenceSeen ? { reference: true } : {}),
    ...(i.imported ? { imported: true } : {}),
    ...(i.earlierVersion ? { earlierVersion: true } : {}),
  }
  return Object.keys(note).length > 0 ? note : null
}

export async function getGradebook(db: Db, catalog: Catalog, classId?: string): Promise<Gradebook> {
  const [learners, lessonRows, attemptRows, memberships] = await Promise.all([
    db.selectFrom('learner').select(['id', 'created_at', 'display_name', 'student_id']).orderBy('created_at').orderBy('id').execute(),
    db.selectFrom('lesson_progress').select(['learner_id', 'lesson_id', 'visits', 'completed_at']).execute(),
    db
      .selectFrom('attempt')
      .select(['learner_id', 'kind', 'item_id', 'score', 'passed', 'created_at', 'hints_used', 'reference_seen', 'imported_at', 'content_version', 'attempt_count'])
      .execute(),
    db
      .selectFrom('class_member')
      .innerJoin('course_class', 'course_class.id', 'class_member.class_id')
      .select(['class_member.learner_id as learner_id', 'course_class.id as class_id', 'course_class.name as name'])
      .orderBy('class_member.joined_at')
      .execute(),
  ])
  const lessonsBy = groupBy(lessonRows)
  const attemptsBy = groupBy<AttemptRow & { learner_id: string }>(attemptRows)
  const classesBy = groupBy(memberships)
  const itemIds = catalog.lessons.flatMap((l) => l.items.map((i) => itemKey(i.kind, i.id)))
  const rows = learners
    .filter((l) =>
      classId !== undefined
        ? (classesBy.get(l.id) ?? []).some((m) => m.class_id === classId)
        : lessonsBy.has(l.id) || attemptsBy.has(l.id) || classesBy.has(l.id) || l.display_name !== null || l.student_id !== null,
    )
    .map((l) => {
      const { lessons, course } = computeProgress(catalog, lessonsBy.get(l.id) ?? [], summarizeAttempts(catalog, attemptsBy.get(l.id) ?? []))
      const items = lessons.flatMap((p) => p.items)
      return {
        learnerId: l.id,
        displayName: l.display_name,
        studentId: l.student_id,
        classes: (classesBy.get(l.id) ?? []).map((m) => m.name),
        createdAt: l.created_at,
        lessons: Object.fromEntries(lessons.map((p) => [p.lessonId, p.score])),
        items: Object.fromEntries(items.map((i) => [itemKey(i.kind, i.id), i.bestScore])),
        notes: Object.fromEntries(items.flatMap((i) => {
          const note = noteOf(i)
          return note ? [[itemKey(i.kind, i.id), note]] : []
        })),
        grade: course.grade,
        completed: course.completed,
      }
    })
  const lessonTitles = Object.fromEntries(catalog.lessons.map((l) => [l.id, l.title]))
  const itemTitles = Object.fromEntries(catalog.lessons.flatMap((l) => l.items.map((i) => [itemKey(i.kind, i.id), i.title])))
  return { lessonIds: catalog.lessons.map((l) => l.id), itemIds, lessonTitles, itemTitles, rows }
}

/** RFC 4180 quoting; a leading = + - @ is prefixed with ' so a spreadsheet never runs a cell as a formula. */
function csvCell(value: string | number | boolean | null): string {
  let text = value === null ? '' : String(value)
  if (typeof value === 'string' && /^[=+\-@]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

const percent = (score: number | null | undefined) => (score === null || score === undefined ? null : Math.round(score * 1000) / 10)

/**
 * A score column's heading: the title a person recognises, then the stable key in brackets, e.g.
 * "Expose nginx on port 8080 to the LAN (challenge:expose-nginx-8080)", so a script can still find the column
 * after a title is reworded.
 */
function columnHeading(title: string | undefined, key: string): string {
  return title ? `${title} (${key})` : key
}

/**
 * One row per learner, named by display name and student id when given; scores as percentages with one decimal;
 * an unattempted item is an empty cell; `notes` lists the items whose score came with help, by import, or from an
 * earlier version of the item.
 */
export function formatGradebookCsv(book: Gradebook): string {
  const header = [
    'learner_id',
    'display_name',
    'student_id',
    'classes',
    'created_at',
    ...book.lessonIds.map((id) => columnHeading(book.lessonTitles[id], `lesson:${id}`)),
    ...book.itemIds.map((key) => columnHeading(book.itemTitles[key], key)),
    'course_grade',
    'completed',
    'notes',
  ]
  const lines = [header.map(csvCell).join(',')]
  for (const row of book.rows) {
    lines.push(
      [
        row.learnerId,
        row.displayName,
        row.studentId,
        row.classes.join('; '),
        row.createdAt,
        ...book.lessonIds.map((id) => percent(row.lessons[id])),
        ...book.itemIds.map((id) => percent(row.items[id])),
        percent(row.grade),
        row.completed,
        // One cell per learner: "challenge:x: after the reference | quiz:y: imported", in column order.
        book.itemIds.flatMap((id) => (row.notes[id] ? [`${id}: ${formatNote(row.notes[id])}`] : [])).join(' | '),
      ]
        .map(csvCell)
        .join(','),
    )
  }
  return `${lines.join('\r\n')}\r\n`
}
