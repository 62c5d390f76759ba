// The instructor's view: every learner who has done anything, with per-lesson and per-item
// scores and the course grade, computed by the same grading maths the learner sees.
// Learners who only opened a page (a row in `learner`, nothing else) are left out: every
// first visit creates one, and a gradebook of empty rows helps nobody.
import 'server-only'
import type { Db } from './db.server'
import { computeProgress, itemKey, type BestRow, type Catalog, type LessonRow } from './progress-grading'
import type { Gradebook } from './schemas'

export async function getGradebook(db: Db, catalog: Catalog): Promise<Gradebook> {
  const [learners, lessonRows, bestRows] = await Promise.all([
    db.selectFrom('learner').select(['id', 'created_at']).orderBy('created_at').orderBy('id').execute(),
    db.selectFrom('lesson_progress').select(['learner_id', 'lesson_id', 'visits', 'completed_at']).execute(),
    db
      .selectFrom('attempt')
      .select((eb) => ['learner_id', 'kind', 'item_id', eb.fn.max('score').as('best'), eb.fn.sum<number>('attempt_count').as('attempts')])
      .groupBy(['learner_id', 'kind', 'item_id'])
      .execute(),
  ])
  const lessonsBy = new Map<string, LessonRow[]>()
  for (const r of lessonRows) lessonsBy.set(r.learner_id, [...(lessonsBy.get(r.learner_id) ?? []), r])
  const bestBy = new Map<string, BestRow[]>()
  for (const r of bestRows) {
    const row: BestRow = { kind: r.kind, item_id: r.item_id, best: Number(r.best), attempts: Number(r.attempts) }
    bestBy.set(r.learner_id, [...(bestBy.get(r.learner_id) ?? []), row])
  }
  const itemIds = catalog.lessons.flatMap((l) => l.items.map((i) => itemKey(i.kind, i.id)))
  const rows = learners
    .filter((l) => lessonsBy.has(l.id) || bestBy.has(l.id))
    .map((l) => {
      const { lessons, course } = computeProgress(catalog, lessonsBy.get(l.id) ?? [], bestBy.get(l.id) ?? [])
      return {
        learnerId: l.id,
        createdAt: l.created_at,
        lessons: Object.fromEntries(lessons.map((p) => [p.lessonId, p.score])),
        items: Object.fromEntries(lessons.flatMap((p) => p.items.map((i) => [itemKey(i.kind, i.id), i.bestScore]))),
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

/** One row per learner; scores as percentages with one decimal; an unattempted item is an empty cell. */
export function formatGradebookCsv(book: Gradebook): string {
  const header = [
    'learner_id',
    'created_at',
    ...book.lessonIds.map((id) => columnHeading(book.lessonTitles[id], `lesson:${id}`)),
    ...book.itemIds.map((key) => columnHeading(book.itemTitles[key], key)),
    'course_grade',
    'completed',
  ]
  const lines = [header.map(csvCell).join(',')]
  for (const row of book.rows) {
    lines.push(
      [
        row.learnerId,
        row.createdAt,
        ...book.lessonIds.map((id) => percent(row.lessons[id])),
        ...book.itemIds.map((id) => percent(row.items[id])),
        percent(row.grade),
        row.completed,
      ]
        .map(csvCell)
        .join(','),
    )
  }
  return `${lines.join('\r\n')}\r\n`
}
