import { z } from 'zod'
import { OutcomeSchema } from './schema'

// The body of a graded attempt (POST /api/quizzes/<id>/attempts → 200). The client parses it with this schema
// before any component sees it. Keys (correct flags, explanations) appear here only for the questions answered.

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
  score: z.number().min(0).max(1),
  questions: z.array(QuestionResultSchema),
  attempt: z.object({ id: z.string(), createdAt: z.string() }),
  bestScore: z.number().min(0).max(1).nullable(),
})
export type AttemptResponse = z.infer<typeof AttemptResponseSchema>

const ErrorBodySchema = z.object({ error: z.object({ message: z.string() }) })

/** Sends one attempt; resolves to the parsed grade or rejects with the server's own message. */
export async function postQuizAttempt(quizId: string, answers: Record<string, unknown>): Promise<AttemptResponse> {
  const res = await fetch(`/api/quizzes/${encodeURIComponent(quizId)}/attempts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ answers }),
  })
  const body: unknown = await res.json().catch(() => null)
  if (!res.ok) {
    const err = ErrorBodySchema.safeParse(body)
    throw new Error(err.success ? err.data.error.message : `The server answered ${res.status}; try again in a moment.`)
  }
  const parsed = AttemptResponseSchema.safeParse(body)
  if (!parsed.success) throw new Error('The server sent a grade this page cannot read; reload the page and try again.')
  return parsed.data
}
