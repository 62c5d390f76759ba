// Grading maths: from the weights in content/grading.json and a learner's rows to a score per
// lesson, a course grade and course completion. Pure: no database, no clock.
//
// Policy: the BEST attempt counts (a quiz may say "last" in its file, content/quizzes/README.md). A learner who
// tries again after passing never loses the grade they earned, and exploring the simulator after a pass is
// encouraged. Scores are 0..1. Each attempt's score is already the credited one: the server applied the hint
// cost, the reference cap and any quiz penalty when it graded it (challengeCredit, lib/quiz/policy.ts).
//
//   item score    = the counted attempt's score (best, or last for a "last" quiz; 0 while unattempted)
//   lesson score  = (completionWeight·[marked complete] + Σ weight_i·itemScore_i) / (completionWeight + Σ weight_i)
//   course grade  = Σ lessonWeight·lessonScore / Σ lessonWeight
//   completed     = every required item is done: required lessons marked complete, and each
//                   required challenge/quiz has an attempt that passed (a pass after the reference still
//                   completes the item, at its capped score) or a counted score ≥ its passScore
import { z } from 'zod'
import {
  ContentIdSchema,
  type AttemptKind,
  type CourseProgress,
  type LessonProgress,
  type LessonStatus,
} from '../schemas'

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

/**
 * What help costs on a challenge. Each nudge or concept hint the server showed before an attempt takes `hintCost`
 * off that attempt's credit; once the reference solution or the command hint (the last rung, which is the answer)
 * has been shown, a later pass earns at most `referenceCap`. A pass earned before any help keeps full credit.
 */
export const HelpRulesSchema = z.strictObject({
  hintCost: z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1'),
  referenceCap: z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1'),
})
export type HelpRules = z.infer<typeof HelpRulesSchema>
export const DEFAULT_HELP_RULES: HelpRules = { hintCost: 0.1, referenceCap: 0.5 }

export const GradingConfigSchema = z
  .strictObject({
    /** The grading rules in words, for instructors reading the file; the server does not read it. */
    about: z.array(z.string()).optional(),
    attemptPolicy: z.literal('best', { error: 'must be "best" (a quiz may choose "last" in its own file)' }),
    help: HelpRulesSchema.default(DEFAULT_HELP_RULES),
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
export type CatalogItem = GradedItem & {
  title: string
  /** Which attempt counts: "best" for every challenge, and for a quiz whatever its file says. */
  counts: AttemptCounts
  /** The current content version of the item (contentVersion()); absent in the tests' small catalogs. */
  contentVersion?: string
}
export type AttemptCounts = 'best' | 'last'

/** What the server knows of an item from its content file. */
export type ItemInfo = { title: string; counts?: AttemptCounts; contentVersion?: string }

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
  /** Hint cost and reference cap for challenges (content/grading.json "help"). */
  help: HelpRules
  lessonIds: Set<string>
  /** `${kind}:${id}` → the lesson that grades it. */
  itemLessons: Map<string, string>
}

export function itemKey(kind: AttemptKind, id: string): string {
  return `${kind}:${id}`
}

/** `${kind}:${id}` → the item's title (or its title, policy and version), from its content file (progress/catalog.server.ts). */
export type ItemTitles = ReadonlyMap<string, string | ItemInfo>

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
      items: (g?.items ?? []).map((item): CatalogItem => {
        const given = itemTitles.get(itemKey(item.kind, item.id))
        const info: ItemInfo = typeof given === 'string' ? { title: given } : (given ?? { title: item.id })
        return { ...item, title: info.title, counts: info.counts ?? 'best', ...(info.contentVersion ? { contentVersion: info.contentVersion } : {}) }
      }),
    }
  })
  const itemLessons = new Map<string, string>()
  for (const l of catalogLessons) for (const item of l.items) itemLessons.set(itemKey(item.kind, item.id), l.id)
  return { lessons: catalogLessons, help: config.help, lessonIds: new Set(catalogLessons.map((l) => l.id)), itemLessons }
}

export type LessonRow = { lesson_id: string; visits: number; completed_at: string | null }
/** Help and provenance of the attempt that counts, shown beside its score in /progress and the gradebook. */
export type ItemNotes = {
  /** Nudge/concept hints seen before the counted attempt (null: graded before hints were counted on the server). */
  hintsUsed: number | null
  /** The reference solution or command hint had been shown before it: its score is capped. */
  referenceSeen: boolean
  /** It came in through a record import. */
  imported: boolean
  /** Its content version, to compare with the item's current one. */
  contentVersion: string | null
}

/** One item's attempts, summed up: `best` is the counted score (the best, or the last for a "last" quiz). */
export type BestRow = { kind: AttemptKind; item_id: string; best: number; attempts: number; passed?: boolean; notes?: ItemNotes }

/** The columns of an attempt row that grading reads. */
export type AttemptRow = {
  kind: AttemptKind
  item_id: string
  score: number
  passed: number
  created_at: string
  hints_used: number | null
  reference_seen: number | null
  imported_at: string | null
  content_version: string | null
  /** How many attempts the row stands for: more than 1 on a summary of older attempts (progress/attempt-bounds.server.ts). */
  attempt_count: number
}

/**
 * Sums up a learner's attempts per item: the counted attempt (highest score, the earliest of equal ones; or the
 * latest for a "last" item), how many there were, and whether any passed.
 */
export function summarizeAttempts(catalog: Catalog, rows: readonly AttemptRow[]): BestRow[] {
  const countsOf = new Map(catalog.lessons.flatMap((l) => l.items.map((i) => [itemKey(i.kind, i.id), i.counts] as const)))
  const byItem = new Map<string, AttemptRow[]>()
  for (const r of rows) {
    const key = itemKey(r.kind, r.item_id)
    byItem.set(key, [...(byItem.get(key) ?? []), r])
  }
  return [...byItem.entries()].map(([key, list]) => {
    const sorted = [...list].sort((a, b) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : 0))
    const counted =
      countsOf.get(key) === 'last'
        ? (sorted.at(-1) as AttemptRow)
        : sorted.reduce((best, r) => (Number(r.score) > Number(best.score) ? r : best), sorted[0] as AttemptRow)
    return {
      kind: counted.kind,
      item_id: counted.item_id,
      best: Number(counted.score),
      attempts: list.reduce((n, r) => n + Number(r.attempt_count), 0),
      passed: list.some((r) => Number(r.passed) === 1),
      notes: {
        hintsUsed: counted.hints_used === null ? null : Number(counted.hints_used),
        referenceSeen: Number(counted.reference_seen) === 1,
        imported: counted.imported_at !== null,
        contentVersion: counted.content_version,
      },
    }
  })
}

/**
 * A passed challenge's credit after help (rules in content/grading.json "help"): 1 − hintCost per nudge/concept
 * hint seen, capped at referenceCap once the reference or the command hint was shown. A failed attempt earns 0.
 */
export function challengeCredit(passed: boolean, help: { hintsUsed: number; referenceSeen: boolean }, rules: HelpRules): number {
  if (!passed) return 0
  const afterHints = Math.max(0, 1 - rules.hintCost * help.hintsUsed)
  const credit = help.referenceSeen ? Math.min(afterHints, rules.referenceCap) : afterHints
  return Math.round(credit * 1e6) / 1e6
}

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
      const done = b?.passed === true || (score !== null && score >= item.passScore)
      earned += item.weight * (score ?? 0)
      possible += item.weight
      if (item.required) {
        requiredTotal += 1
        if (done) requiredDone += 1
      }
      const { kind, id, title, weight, required, counts } = item
      const notes = b?.notes
      return {
        kind,
        id,
        title,
        weight,
        required,
        counts,
        attempts: b?.attempts ?? 0,
        bestScore: score,
        done,
        hintsUsed: notes?.hintsUsed ?? null,
        referenceSeen: notes?.referenceSeen ?? false,
        imported: notes?.imported ?? false,
        // A pass graded against an earlier version of the item is kept as graded, and said so.
        earlierVersion: notes?.contentVersion != null && item.contentVersion !== undefined && notes.contentVersion !== item.contentVersion,
      }
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
