import type { AttemptResponse } from './response-schema'

// The one fetch that sends a quiz attempt, for the quiz island. The grade is parsed with zod (response-schema.ts)
// before any component sees it, but that module is imported here at call time: a static import would put zod in
// the first-load JavaScript of every page with a quiz (issue 2's budget). Its chunk downloads while the attempt is
// being graded. Client components import this file directly, not the lib/quiz barrel, which re-exports zod schemas.

export type { AttemptResponse, QuestionResultView } from './response-schema'

/** Sends one attempt; resolves to the parsed grade or rejects with the server's own message. */
export async function postQuizAttempt(quizId: string, answers: Record<string, unknown>): Promise<AttemptResponse> {
  const [res, schemas] = await Promise.all([
    fetch(`/api/quizzes/${encodeURIComponent(quizId)}/attempts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ answers }),
    }),
    import('./response-schema'),
  ])
  const body: unknown = await res.json().catch(() => null)
  if (!res.ok) {
    const err = schemas.AttemptErrorBodySchema.safeParse(body)
    throw new Error(err.success ? err.data.error.message : `The server answered ${res.status}; try again in a moment.`)
  }
  const parsed = schemas.AttemptResponseSchema.safeParse(body)
  if (!parsed.success) throw new Error('The server sent a grade this page cannot read; reload the page and try again.')
  return parsed.data
}
