// Shapes of everything the progress API accepts and returns. Shared by the route handlers
// (which safeParse request bodies) and lib/queries.ts (which parses responses before any
// component sees them). Client-safe: zod only, no server imports.
import { z } from 'zod'

/** Stable content ids (lessons, challenges, questions): lowercase words joined by dashes. */
export const ContentIdSchema = z
  .string({ error: 'must be a text id such as "container-networking-intro"' })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase letters, digits and dashes, e.g. "review-q1"')
  .max(100, 'must be at most 100 characters')

export const LessonActionBodySchema = z.strictObject({ lessonId: ContentIdSchema })
export type LessonActionBody = z.infer<typeof LessonActionBodySchema>

export const ClaimBodySchema = z.strictObject({
  code: z.string({ error: 'must be the progress code shown on your progress page' }).min(1).max(40),
})
export type ClaimBody = z.infer<typeof ClaimBodySchema>

// Names are shown to instructors and in a CSV: one line of printable text.
const OneLineSchema = (what: string, max: number) =>
  z
    .string({ error: `must be text: ${what}` })
    .trim()
    .max(max, `must be at most ${max} characters`)
    .regex(/^[^\p{Cc}\p{Zl}\p{Zp}]*$/u, 'must be one line without control characters')

/** POST /api/progress/profile. An empty string clears the field; neither is ever required for learning. */
export const ProfileBodySchema = z.strictObject({
  displayName: OneLineSchema('the name your instructor sees', 80),
  studentId: OneLineSchema('your student id, if your course uses one', 40),
})
export type ProfileBody = z.infer<typeof ProfileBodySchema>

export const JoinClassBodySchema = z.strictObject({
  code: z.string({ error: 'must be the class code your instructor gave you' }).min(1).max(40),
})

export const CreateClassBodySchema = z.strictObject({
  name: OneLineSchema('the class name', 80).pipe(z.string().min(1, 'must not be empty')),
})

export const ClassSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  joinCode: z.string(),
  createdAt: z.string(),
  members: z.number(),
})
export type ClassSummary = z.infer<typeof ClassSummarySchema>
export const ClassListSchema = z.object({ classes: z.array(ClassSummarySchema) })
export const JoinedClassSchema = z.object({ id: z.string(), name: z.string() })

export const AdminLoginBodySchema = z.strictObject({
  token: z.string({ error: 'must be the instructor token' }).min(1).max(500),
})

export const LessonRecordSchema = z.strictObject({
  lessonId: ContentIdSchema,
  visits: z.number().int().min(0),
  firstVisitedAt: z.iso.datetime(),
  lastVisitedAt: z.iso.datetime(),
  completedAt: z.iso.datetime().nullable(),
})
export type LessonRecord = z.infer<typeof LessonRecordSchema>

export const AttemptKindSchema = z.enum(['challenge', 'quiz'])
export type AttemptKind = z.infer<typeof AttemptKindSchema>

export const AttemptRecordSchema = z.strictObject({
  id: z.string().min(1).max(100),
  kind: AttemptKindSchema,
  itemId: ContentIdSchema,
  lessonId: ContentIdSchema,
  submission: z.unknown(),
  score: z.number().min(0).max(1),
  passed: z.boolean(),
  feedback: z.unknown(),
  createdAt: z.iso.datetime(),
  /** Present on a summary of older attempts (more than one): how many it stands for. */
  attemptCount: z.number().int().min(2).max(1_000_000).optional(),
  // Help, versions and provenance (issue 12); null on attempts graded before they were recorded.
  rawScore: z.number().min(0).max(1).nullable(),
  hintsUsed: z.number().int().min(0).max(100).nullable(),
  referenceSeen: z.boolean().nullable(),
  contentVersion: z.string().max(100).nullable(),
  simVersion: z.string().max(100).nullable(),
  importedAt: z.iso.datetime().nullable(),
})
export type AttemptRecord = z.infer<typeof AttemptRecordSchema>

/** A hint rung or reference solution the learner was shown: it comes along, so help seen stays counted. */
export const HelpRecordSchema = z.strictObject({
  itemId: ContentIdSchema,
  help: z.enum(['hint', 'reference']),
  rung: z.number().int().min(0).max(100),
  level: z.enum(['nudge', 'concept', 'command', 'reference']),
  createdAt: z.iso.datetime(),
})

/** A downloadable record. `signature` is an HMAC by the server that graded it (see progress/record.server.ts). */
export const ExportedRecordSchema = z.strictObject({
  format: z.literal('packet-path-record', { error: 'is not a Packet Path progress record' }),
  version: z.literal(2, {
    error: 'must be 2: records downloaded before they named their learner (version 1) cannot be imported; download the record again',
  }),
  /** The learner the record was downloaded from: it imports only into that learner, or into a fresh one that becomes it. */
  learnerId: z.uuid({ error: 'must be the learner id the record was downloaded from' }),
  exportedAt: z.iso.datetime(),
  lessons: z.array(LessonRecordSchema).max(500),
  attempts: z.array(AttemptRecordSchema).max(5000),
  help: z.array(HelpRecordSchema).max(5000),
  signature: z.string().min(1).max(200),
})
export type ExportedRecord = z.infer<typeof ExportedRecordSchema>

export const LessonStatusSchema = z.enum(['not-started', 'visited', 'completed'])
export type LessonStatus = z.infer<typeof LessonStatusSchema>

export const ItemProgressSchema = z.object({
  kind: AttemptKindSchema,
  id: ContentIdSchema,
  /** The challenge's or quiz's title from its content file, for learners; `id` stays the stable key. */
  title: z.string(),
  weight: z.number(),
  required: z.boolean(),
  /** Which attempt counts toward the grade. */
  counts: z.enum(['best', 'last']),
  attempts: z.number().int(),
  /** The counted attempt's score (the best one, or the last one for a "last" quiz), after help and penalties. */
  bestScore: z.number().nullable(),
  done: z.boolean(),
  /** Hints seen before the counted attempt; null when it was graded before hints were counted on the server. */
  hintsUsed: z.number().int().nullable(),
  /** The reference solution (or the command hint) had been shown before the counted attempt: its score is capped. */
  referenceSeen: z.boolean(),
  /** The counted attempt came in through a record import. */
  imported: z.boolean(),
  /** The counted attempt was graded against an earlier version of the item (kept as graded). */
  earlierVersion: z.boolean(),
})
export type ItemProgress = z.infer<typeof ItemProgressSchema>

export const LessonProgressSchema = z.object({
  lessonId: ContentIdSchema,
  title: z.string(),
  status: LessonStatusSchema,
  visits: z.number().int(),
  completedAt: z.string().nullable(),
  score: z.number(),
  items: z.array(ItemProgressSchema),
})
export type LessonProgress = z.infer<typeof LessonProgressSchema>

export const CourseProgressSchema = z.object({
  grade: z.number(),
  percentComplete: z.number(),
  requiredDone: z.number().int(),
  requiredTotal: z.number().int(),
  completed: z.boolean(),
})
export type CourseProgress = z.infer<typeof CourseProgressSchema>

export const AttemptSummarySchema = z.object({
  id: z.string(),
  kind: AttemptKindSchema,
  itemId: z.string(),
  lessonId: z.string(),
  score: z.number(),
  passed: z.boolean(),
  feedback: z.unknown(),
  createdAt: z.string(),
})
export type AttemptSummary = z.infer<typeof AttemptSummarySchema>

/**
 * One line of /progress's attempt history. Without the feedback: an attempt's feedback comes with its own answer and
 * in the downloaded record; carried on every progress read (up to 200 attempts) it made that read several times heavier.
 */
export const AttemptHistoryEntrySchema = AttemptSummarySchema.omit({ feedback: true })
export type AttemptHistoryEntry = z.infer<typeof AttemptHistoryEntrySchema>

export const ProfileSchema = z.object({ displayName: z.string().nullable(), studentId: z.string().nullable() })
export type Profile = z.infer<typeof ProfileSchema>

export const ProgressSchema = z.object({
  /** null for a visitor who has not done anything yet: no learner is stored until the first write. */
  progressCode: z.string().nullable(),
  profile: ProfileSchema,
  classes: z.array(z.object({ id: z.string(), name: z.string(), joinedAt: z.string() })),
  lessons: z.array(LessonProgressSchema),
  attempts: z.array(AttemptHistoryEntrySchema),
  course: CourseProgressSchema,
})
export type Progress = z.infer<typeof ProgressSchema>

/** Why an item's score reads as it does: help before the counted attempt, an import, an earlier item version. */
export const GradebookNoteSchema = z.object({
  hints: z.number().optional(),
  reference: z.boolean().optional(),
  imported: z.boolean().optional(),
  earlierVersion: z.boolean().optional(),
})
export type GradebookNote = z.infer<typeof GradebookNoteSchema>

export const GradebookRowSchema = z.object({
  learnerId: z.string(),
  displayName: z.string().nullable(),
  studentId: z.string().nullable(),
  /** Names of the classes the learner joined. */
  classes: z.array(z.string()),
  createdAt: z.string(),
  lessons: z.record(z.string(), z.number()),
  items: z.record(z.string(), z.number().nullable()),
  /** Item key → note, only for items that have one. */
  notes: z.record(z.string(), GradebookNoteSchema),
  grade: z.number(),
  completed: z.boolean(),
})
export const GradebookSchema = z.object({
  lessonIds: z.array(z.string()),
  /** Item keys, `${kind}:${id}` (e.g. "challenge:expose-nginx-8080"): stable across content releases. */
  itemIds: z.array(z.string()),
  /** Column headings for people: lesson id → lesson title, item key → challenge or quiz title. */
  lessonTitles: z.record(z.string(), z.string()),
  itemTitles: z.record(z.string(), z.string()),
  rows: z.array(GradebookRowSchema),
})
export type Gradebook = z.infer<typeof GradebookSchema>

export const LessonAckSchema = z.object({ lessonId: z.string() })
export const ClaimAckSchema = z.object({ progressCode: z.string() })
export const ImportSummarySchema = z.object({
  lessons: z.number(),
  attemptsAdded: z.number(),
  skipped: z.array(z.string()),
  /** This device was fresh and now continues as the learner the record belongs to. */
  switchedLearner: z.boolean(),
})
export type ImportSummary = z.infer<typeof ImportSummarySchema>
export const SignedInSchema = z.object({ signedIn: z.boolean() })

export const ApiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    retryAfterSeconds: z.number().optional(),
  }),
})
export type ApiError = z.infer<typeof ApiErrorSchema>
