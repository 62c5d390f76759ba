// A challenge's answers as the browser reads them: the graded attempt, the hint ladder and the reference solution,
// parsed with zod before any component sees them. Client-safe: zod only. lib/queries.ts imports this file when a
// request is made (never with the page), so zod stays out of the first load. The server builds these shapes in
// api.server.ts and help.server.ts.
import { z } from 'zod'
// The simulator's result vocabulary, imported from its own file rather than '@/simulator': the index would put the
// whole engine into this island's chunk group (see the challenge island's on-demand schema load), while
// trace/types.ts holds only these schemas and the hop-kind table.
import { AnsweredBySchema, HopSchema, OutcomeSchema } from '@/simulator/trace/types'

export { HopSchema }

export const CheckResultSchema = z.object({
  id: z.string(),
  label: z.string(),
  passed: z.boolean(),
  outcome: OutcomeSchema,
  answeredBy: AnsweredBySchema.nullable(),
  explanation: z.string(),
  trace: z.array(HopSchema),
  divergence: z.object({ index: z.number(), message: z.string() }).nullable(),
})
export type CheckResultView = z.infer<typeof CheckResultSchema>

export const ChallengeAttemptResponseSchema = z.object({
  challengeId: z.string(),
  passed: z.boolean(),
  checks: z.array(CheckResultSchema),
  constraints: z.array(z.object({ kind: z.string(), passed: z.boolean(), message: z.string() })),
  recorded: z.boolean(),
  attempt: z.object({ id: z.string(), createdAt: z.string() }).nullable(),
  credit: z.object({ score: z.number(), hintsUsed: z.number(), referenceSeen: z.boolean() }).nullable(),
  referenceAvailable: z.boolean(),
})
export type ChallengeAttemptResponse = z.infer<typeof ChallengeAttemptResponseSchema>

export const HintLadderSchema = z.object({
  hints: z.array(z.object({ level: z.enum(['nudge', 'concept', 'command']), text: z.string() })),
  total: z.number(),
  referenceSeen: z.boolean(),
  /** content/grading.json "help": what each nudge/concept hint costs, and the cap after the reference. */
  hintCost: z.number(),
  referenceCap: z.number(),
})
export type HintLadderView = z.infer<typeof HintLadderSchema>

export const ReferenceResponseSchema = z.object({
  challengeId: z.string(),
  solution: z.array(z.object({ on: z.string(), run: z.string() })),
  cap: z.number(),
})
export type ReferenceResponse = z.infer<typeof ReferenceResponseSchema>
