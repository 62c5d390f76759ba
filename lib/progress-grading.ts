// Grading maths: from the weights in content/grading.json and a learner's rows to a score per
// lesson, a course grade and course completion. Pure: no database, no clock.
//
// Policy: the BEST attempt counts. A learner who tries again after passing never loses the
// grade they earned, and exploring the simulator after a pass is encouraged. Scores are 0..1.
//
//   item score    = best attempt score (0 while unattempted)
//   lesson score  = (completionWeight·[marked complete] + Σ weight_i·itemScore_i) / (completionWeight + Σ weight_i)
//   course grade  = Σ lessonWeight·lessonScore / Σ lessonWeight
//   completed     = every required item is done: required lessons marked complete, and each
//                   required challenge/quiz has a best score ≥ its passScore
import { z } from 'zod'
import {
  ContentIdSchema,
  type AttemptKind,
  type CourseProgress,
  type LessonProgress,
  type LessonStatus,
} from './schemas'

const GradedItemSchema = z.strictObject({
  kind: z.enum(['challenge', 'quiz']),
  id: ContentIdSchema,
  weight: z.number().positive('must be a positive number'),
  required: z.boolean().default(true),
  passScore: z.number().min(0).max(1).default(1),
})

const LessonGradingSchema = z.strictObject({
  weight: z.number().min(0).optional(),
  completionWeight: z.number().min(0).default(1),
  completionRequired: z.boolean().default(true),
  items: z.array(GradedItemSchema).default([]),
})

export const GradingConfigSchema = z
  .strictObject({
    attemptPolicy: z.literal('best', { error: 'must be "best" (the only policy implemented)' }),
    defaultLessonWeight: z.number().min(0),
    lessons: z.record(ContentIdSchema, LessonGradingSchema),
  })
  .superRefine((config, ctx) => {
    const seen = new Map<string, string>()
    for (const [lessonId, lesson] of Object.entries(config.lessons)) {
      lesson.items.forEach((item, i) => {
        const key = itemKey(item.kind, item.id)
        const other = seen.get(key)
        if (other) {
          ctx.addIssue({
            code: 'custom',
            path: ['lessons', lessonId, 'items', i, 'id'],
            message: `${item.kind} "${item.id}" is already graded in lesson "${other}"; ids must be unique`,
          })
        }
        seen.set(key, lessonId)
      })
    }
  })
export type GradingConfig = z.infer<typeof GradingConfigSchema>
export type GradedItem = z.infer<typeof GradedItemSchema>

export type LessonMeta = { id: string; title: string; sidebar_position: number }

/** A graded item with the title learners read (content/challenges/<id>.json or content/quizzes/<id>.json). */
export type CatalogItem = GradedItem & { title: string }

export type CatalogLesson = {
  id: string
  title: string
  weight: number
  completionWeight: number
  completionRequired: boolean
  items: CatalogItem[]
}
export type Catalog = {
  lessons: CatalogLesson[]
  lessonIds: Set<string>
  /** `${kind}:${id}` → the lesson that grades it. */
  itemLessons: Map<string, string>
}

export function itemKey(kind: AttemptKind, id: string): string {
  return `${kind}:${id}`
}

/** `${kind}:${id}` → the item's title, as loaded from its content file (progress-catalog.server.ts). */
export type ItemTitles = ReadonlyMap<string, string>

/**
 * Joins the lessons the site serves with their grading entries. A lesson without an entry gets
 * the default weight and a required completion; an entry for a lesson the site does not serve
 * (e.g. the e2e fixture content) is left out, and grading.test.ts checks the real content has them all.
 * The server passes a title for every item (getCatalog fails without one); the small catalogs the
 * tests build pass none, and their items are titled by their ids.
 */
export function toCatalog(lessons: readonly LessonMeta[], config: GradingConfig, itemTitles: ItemTitles = new Map()): Catalog {
  const sorted = [...lessons].sort((a, b) => a.sidebar_position - b.sidebar_position)
  const catalogLessons = sorted.map((l): CatalogLesson => {
    const g = config.lessons[l.id]
    return {
      id: l.id,
      title: l.title,
      weight: g?.weight ?? config.defaultLessonWeight,
      completionWeight: g?.completionWeight ?? 1,
      completionRequired: g?.completionRequired ?? true,
      items: (g?.items ?? []).map((item) => ({ ...item, title: itemTitles.get(itemKey(item.kind, item.id)) ?? item.id })),
    }
  })
  const itemLessons = new Map<string, string>()
  for (const l of catalogLessons) for (const item of l.items) itemLessons.set(itemKey(item.kind, item.id), l.id)
  return { lessons: catalogLessons, lessonIds: new Set(catalogLessons.map((l) => l.id)), itemLessons }
}

export type LessonRow = { lesson_id: string; visits: number; completed_at: string | null }
export type BestRow = { kind: AttemptKind; item_id: string; best: number; attempts: number }

export function computeProgress(
  catalog: Catalog,
  lessonRows: readonly LessonRow[],
  bestRows: readonly BestRow[],
): { lessons: LessonProgress[]; course: CourseProgress } {
  const byLesson = new Map(lessonRows.map((r) => [r.lesson_id, r]))
  const best = new Map(bestRows.map((r) => [itemKey(r.kind, r.item_id), r]))
  let requiredTotal = 0
  let requiredDone = 0
  let weighted = 0
  let totalWeight = 0

  const lessons = catalog.lessons.map((lesson): LessonProgress => {
    const row = byLesson.get(lesson.id)
    const completed = row?.completed_at != null
    const status: LessonStatus = completed ? 'completed' : row ? 'visited' : 'not-started'
    let earned = lesson.completionWeight * (completed ? 1 : 0)
    let possible = lesson.completionWeight
    if (lesson.completionRequired) {
      requiredTotal += 1
      if (completed) requiredDone += 1
    }
    const items = lesson.items.map((item) => {
      const b = best.get(itemKey(item.kind, item.id))
      const score = b?.best ?? null
      const done = score !== null && score >= item.passScore
      earned += item.weight * (score ?? 0)
      possible += item.weight
      if (item.required) {
        requiredTotal += 1
        if (done) requiredDone += 1
      }
      const { kind, id, title, weight, required } = item
      return { kind, id, title, weight, required, attempts: b?.attempts ?? 0, bestScore: score, done }
    })
    const score = possible > 0 ? earned / possible : completed ? 1 : 0
    weighted += lesson.weight * score
    totalWeight += lesson.weight
    return { lessonId: lesson.id, title: lesson.title, status, visits: row?.visits ?? 0, completedAt: row?.completed_at ?? null, score, items }
  })

  const grade = totalWeight > 0 ? weighted / totalWeight : 0
  return {
    lessons,
    course: {
      grade,
      percentComplete: requiredTotal > 0 ? Math.round((100 * requiredDone) / requiredTotal) : 100,
      requiredDone,
      requiredTotal,
      completed: requiredDone === requiredTotal,
    },
  }
}
