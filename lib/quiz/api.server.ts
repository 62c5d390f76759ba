// POST /api/quizzes/<id>/attempts as a plain (Request, context) → Response function, so tests drive it directly
// and its route in lib/api/routes.server.ts only passes the real context in. Body limits, JSON errors, the
// learner cookie and the error → status table are the progress API's own (lib/api/).
import 'server-only'
import type { ApiContext } from '../api/context.server'
import { errorResponse, jsonResponse, readJsonBody } from '../api/http.server'
import { claimedLearnerId, learnerCookieHeaders } from '../api/learner.server'
import { submitQuizAttemptFor } from './attempt.server'
import type { GradeDeps } from './grade'
import { loadQuiz } from './load.server'
import { AttemptBodySchema } from './schema'

export type QuizApiOptions = { deps: GradeDeps; quizDir?: string }

export async function handleQuizAttempt(request: Request, ctx: ApiContext, quizId: string, opts: QuizApiOptions): Promise<Response> {
  // An unknown quiz is a 404 whatever the body says, so a typo in the URL is not reported as a bad body.
  if (!loadQuiz(quizId, opts.quizDir)) return errorResponse({ code: 'unknown-item', message: `There is no quiz "${quizId}".` })
  const body = await readJsonBody(request, AttemptBodySchema)
  if (!body.ok) return errorResponse(body.error)
  // One transaction: the learner (looked up or created), the attempts so far, the attempt, its bounds.
  const { learnerId, created, result } = await submitQuizAttemptFor(
    { db: ctx.db, catalog: ctx.catalog, learnerId: claimedLearnerId(request, ctx), deps: opts.deps, quizDir: opts.quizDir },
    quizId,
    body.value,
  )
  const headers = learnerCookieHeaders(request, ctx, learnerId, created)
  if (!result.ok) return errorResponse(result.error, headers)
  return jsonResponse(result.value, 200, headers)
}
