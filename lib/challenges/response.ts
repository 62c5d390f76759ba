// The attempt response as the browser reads it (parsed with zod before any component sees it), and the one fetch
// that sends an attempt. Client-safe: zod only. The server builds this shape in api.server.ts.
import { z } from 'zod'
// The simulator's result vocabulary, imported from its own file rather than '@/simulator': the index would put the
// whole engine into this island's chunk group (see the challenge island's on-demand schema load), while
// trace/types.ts holds only these schemas and the hop-kind table.
import { AnsweredBySchema, HopSchema, OutcomeSchema } from '@/simulator/trace/types'
import type { ChallengeAttemptBody } from './schema'

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

async function requestChallenge<T>(challengeId: string, what: string, method: 'GET' | 'POST', schema: z.ZodType<T>): Promise<T> {
  const res = await fetch(`/api/challenges/${encodeURIComponent(challengeId)}/${what}`, { method, credentials: 'same-origin' })
  const json: unknown = await res.json().catch(() => null)
  if (!res.ok) {
    const { ApiErrorSchema } = await import('../schemas')
    const err = ApiErrorSchema.safeParse(json)
    throw new Error(err.success ? err.data.error.message : `The server answered ${res.status}; try again in a moment.`)
  }
  const parsed = schema.safeParse(json)
  if (!parsed.success) throw new Error('The server sent an answer this page cannot read; reload the page and try again.')
  return parsed.data
}

/** The hint rungs already shown to this learner (after a reload). */
export const getShownHints = (challengeId: string) => requestChallenge(challengeId, 'hints', 'GET', HintLadderSchema)
/** Asks the server for the next rung; it records it and answers with every rung shown so far. */
export const postNextHint = (challengeId: string) => requestChallenge(challengeId, 'hints', 'POST', HintLadderSchema)
/** Asks for the reference solution; the server records it (a later pass is capped). */
export const postReferenceRequest = (challengeId: string) => requestChallenge(challengeId, 'reference', 'POST', ReferenceResponseSchema)

export async function postChallengeAttempt(challengeId: string, body: ChallengeAttemptBody): Promise<ChallengeAttemptResponse> {
  const res = await fetch(`/api/challenges/${encodeURIComponent(challengeId)}/attempts`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  const json: unknown = await res.json().catch(() => null)
  if (!res.ok) {
    // lib/schemas is loaded on demand, as lib/queries.ts loads it: a static import here put the same module into the
    // simulator's chunk group and the schema chunk group, and when both loaded at once Turbopack (Next 16.4) could
    // run it before zod's factory was registered ("Module … was instantiated … but the module factory is not
    // available"), so the simulator island failed to load (seen in CI and in learner walks under load).
    const { ApiErrorSchema } = await import('../schemas')
    const err = ApiErrorSchema.safeParse(json)
    throw new Error(err.success ? err.data.error.message : `The server answered ${res.status}; try again in a moment.`)
  }
  const parsed = ChallengeAttemptResponseSchema.safeParse(json)
  if (!parsed.success) throw new Error('The server sent a result this page cannot read; reload the page and try again.')
  return parsed.data
}
