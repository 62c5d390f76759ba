import { z } from 'zod'
// From their own files, not '@/simulator': the index would bring the engine into the quiz island (response-schema.ts).
import { formatZodPath } from '@/simulator/parse/zod-path'
import { OutcomeSchema as ProbeOutcomeSchema } from '@/simulator/trace/types'

// The quiz file format (content/quizzes/<id>.json). The schema is the source of truth; the authoring guide in
// content/quizzes/README.md describes it in prose. Key material (`correct`, `explanation`, `rubricId`) lives only
// here and in the server-side grader: the browser gets `toPublicQuiz` (public-view.ts) until an attempt is graded.

const IdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'must be kebab-case: lower-case letters, digits and "-"' })

// A learner predicts what the probe does; 'error' (the probe never ran) is not a prediction a question asks for.
export const OutcomeSchema = ProbeOutcomeSchema.exclude(['error'])
export const OUTCOMES = OutcomeSchema.options
export type Outcome = z.infer<typeof OutcomeSchema>

export const OptionSchema = z.strictObject({
  id: IdSchema,
  text: z.string().min(1),
  correct: z.boolean(),
  explanation: z.string().min(1, { message: 'every option needs an explanation shown after the attempt' }),
})
export type Option = z.infer<typeof OptionSchema>

const BaseQuestion = {
  id: IdSchema,
  prompt: z.string().min(1),
  // Weight of this question inside the quiz score; most questions count 1.
  points: z.number().int().positive().default(1),
}

function hasUniqueIds(items: ReadonlyArray<{ id: string }>): boolean {
  return new Set(items.map((i) => i.id)).size === items.length
}

export const SingleQuestionSchema = z
  .strictObject({ ...BaseQuestion, type: z.literal('single'), options: z.array(OptionSchema).min(2) })
  .refine((q) => q.options.filter((o) => o.correct).length === 1, {
    message: 'a single-choice question needs exactly one option with "correct": true',
    path: ['options'],
  })
  .refine((q) => hasUniqueIds(q.options), { message: 'option ids must be unique', path: ['options'] })

export const MultipleQuestionSchema = z
  .strictObject({ ...BaseQuestion, type: z.literal('multiple'), options: z.array(OptionSchema).min(2) })
  .refine((q) => q.options.some((o) => o.correct), {
    message: 'a multiple-choice question needs at least one option with "correct": true',
    path: ['options'],
  })
  .refine((q) => hasUniqueIds(q.options), { message: 'option ids must be unique', path: ['options'] })

// One choice for "who answers?" in a predict question. It matches the simulator's
// answeredBy `{ host, container, port }`; container null means a plain process on the host.
export const AnswererSchema = z.strictObject({
  id: IdSchema,
  label: z.string().min(1),
  host: z.string().min(1),
  container: z.string().min(1).nullable(),
  port: z.number().int().min(1).max(65535).optional(),
})
export type Answerer = z.infer<typeof AnswererSchema>

export const ProbeSpecSchema = z.strictObject({ from: z.string().min(1), run: z.string().min(1) })

// The world is kept as plain JSON here and checked with the simulator's own ScenarioSchema when the quiz
// is loaded (load.server.ts): the simulator owns that format, so this file does not duplicate it.
export const PredictQuestionSchema = z
  .strictObject({
    ...BaseQuestion,
    type: z.literal('predict'),
    scenario: z.strictObject({
      lans: z.array(z.unknown()),
      hosts: z.array(z.unknown()).min(1),
      steps: z.array(z.unknown()).default([]),
    }),
    probe: ProbeSpecSchema,
    answerers: z.array(AnswererSchema).min(2),
  })
  .refine((q) => hasUniqueIds(q.answerers), { message: 'answerer ids must be unique', path: ['answerers'] })

export const TextQuestionSchema = z.strictObject({
  ...BaseQuestion,
  type: z.literal('text'),
  rubricId: z.string().min(1),
  maxLength: z.number().int().positive().max(4000).default(2000),
})

export const QuestionSchema = z.discriminatedUnion('type', [
  SingleQuestionSchema,
  MultipleQuestionSchema,
  PredictQuestionSchema,
  TextQuestionSchema,
])
export type Question = z.infer<typeof QuestionSchema>
export type SingleQuestion = z.infer<typeof SingleQuestionSchema>
export type MultipleQuestion = z.infer<typeof MultipleQuestionSchema>
export type PredictQuestion = z.infer<typeof PredictQuestionSchema>
export type TextQuestion = z.infer<typeof TextQuestionSchema>

/**
 * How attempts at a quiz count (content/quizzes/README.md, "Attempts"). Without the field a quiz takes the default:
 * unlimited attempts, the best counts, no penalty, and the key (which options are right, the explanations, the
 * simulator's answer) only once an attempt passes.
 */
export const QuizAttemptPolicySchema = z.strictObject({
  /** At most this many attempts; the last one allowed also reveals the key. Unlimited when absent. */
  max: z.number().int().min(1, 'must be at least 1').max(100).optional(),
  /** "pass": the key shows once an attempt passes; N: also from the N-th attempt on. */
  revealKeyAfter: z.union([z.literal('pass'), z.number().int().min(1, 'must be "pass" or a number of attempts ≥ 1')]).default('pass'),
  /** Each attempt after the first earns this much less: credit = score × max(0, 1 − penalty × (attempt − 1)). */
  penalty: z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1').default(0),
  /** Which attempt counts toward the grade: the best one or the last one. */
  counts: z.enum(['best', 'last']).default('best'),
})
export type QuizAttemptPolicy = z.infer<typeof QuizAttemptPolicySchema>
export const DEFAULT_QUIZ_POLICY: QuizAttemptPolicy = { revealKeyAfter: 'pass', penalty: 0, counts: 'best' }

export const QuizSchema = z
  .strictObject({
    id: IdSchema,
    title: z.string().min(1),
    lessonId: IdSchema.optional(),
    intro: z.string().optional(),
    attempts: QuizAttemptPolicySchema.default(DEFAULT_QUIZ_POLICY),
    questions: z.array(QuestionSchema).min(1),
  })
  .refine((q) => hasUniqueIds(q.questions), { message: 'question ids must be unique', path: ['questions'] })
export type Quiz = z.infer<typeof QuizSchema>

// What a learner submits: `{ answers: { <questionId>: <answer> } }`. The body is checked here; each answer is then
// checked against the schema of its question's type (answers.ts), so an error can name the question.
export const SingleAnswerSchema = z.strictObject({ optionId: z.string().min(1).max(100) })
export const MultipleAnswerSchema = z.strictObject({ optionIds: z.array(z.string().min(1).max(100)).max(50) })
export const PredictAnswerSchema = z.strictObject({
  outcome: OutcomeSchema,
  answererId: z.string().min(1).max(100).optional(),
})
export const TextAnswerSchema = z.strictObject({ text: z.string().max(4000) })
export type SingleAnswer = z.infer<typeof SingleAnswerSchema>
export type MultipleAnswer = z.infer<typeof MultipleAnswerSchema>
export type PredictAnswer = z.infer<typeof PredictAnswerSchema>
export type TextAnswer = z.infer<typeof TextAnswerSchema>

export const AttemptBodySchema = z.strictObject({
  answers: z
    .record(z.string().min(1).max(100), z.unknown())
    .refine((a) => Object.keys(a).length > 0, { message: 'answer at least one question' }),
})
export type AttemptBody = z.infer<typeof AttemptBodySchema>

/** `questions[2].options: a single-choice question needs …` — the path a zod issue points at, for authors. */
export function formatIssues(error: z.ZodError): string {
  return error.issues
    .map((i) => {
      return `${formatZodPath(i.path) || '(root)'}: ${i.message}`
    })
    .join('; ')
}
