import { z } from 'zod'
import { OutcomeSchema } from './schema'

// The body of a graded attempt (POST /api/quizzes/<id>/attempts → 200); a refused one is lib/schemas.ts's ApiError.
// The client parses with these schemas before any component sees the answer; lib/queries.ts imports this file only
// when an attempt is sent, so zod stays out of a lesson page's first-load JavaScript. Keys (correct flags,
// explanations, the simulator's answer) appear here only for the questions answered, and only once the quiz's policy
// reveals them.

const VerdictSchema = z.enum(['correct', 'partial', 'incorrect', 'unanswered'])

export const QuestionResultSchema = z.object({
  questionId: z.string(),
  type: z.enum(['single', 'multiple', 'predict', 'text']),
  verdict: VerdictSchema,
  score: z.number().min(0).max(1),
  points: z.number(),
  feedback: z.array(z.string()),
  options: z
    .array(z.object({ id: z.string(), text: z.string(), correct: z.boolean(), picked: z.boolean(), explanation: z.string() }))
    .optional(),
  predict: z
    .object({
      outcome: OutcomeSchema,
      answererId: z.string().nullable(),
      answererLabel: z.string().nullable(),
      explanation: z.string(),
      trace: z.array(z.unknown()),
    })
    .optional(),
})
export type QuestionResultView = z.infer<typeof QuestionResultSchema>

export const AttemptResponseSchema = z.object({
  quizId: z.string(),
  /** The credited score: the grader's score less the per-attempt penalty of the quiz's policy. */
  score: z.number().min(0).max(1),
  rawScore: z.number().min(0).max(1),
  passed: z.boolean(),
  /** false: `options` and `predict` are left out and the feedback names no answer (the quiz's "revealKeyAfter"). */
  keyRevealed: z.boolean(),
  questions: z.array(QuestionResultSchema),
  attempt: z.object({ id: z.string(), createdAt: z.string(), number: z.number().int() }),
  policy: z.object({
    max: z.number().nullable(),
    remaining: z.number().nullable(),
    revealKeyAfter: z.union([z.literal('pass'), z.number()]),
    penalty: z.number(),
    counts: z.enum(['best', 'last']),
  }),
  /** The score that counts toward the grade now (the best attempt, or the last for a "last" quiz). */
  bestScore: z.number().min(0).max(1).nullable(),
})
export type AttemptResponse = z.infer<typeof AttemptResponseSchema>
