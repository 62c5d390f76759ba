// POST /api/challenges/<id>/attempts as a plain (Request, context) → Response function, mirroring the quiz API: the
// body limit, JSON errors, learner cookie and error → status table are the progress API's own. The server replays
// the submitted commands with the real simulator and runs the checks; nothing the client says about passing counts.
import 'server-only'
import type { ApiContext } from '../api-context.server'
import { errorResponse, jsonResponse, readJsonBody } from '../api-http.server'
import { resolveLearner } from '../api-progress.server'
import { recordAttempt } from '../progress.server'
import { gradeChallenge, type GradeReport } from './grade'
import { loadChallenge } from './load'
import { ChallengeAttemptBodySchema, type Command } from './schema'
import { getSolutions } from './solutions/index.server'

export type ChallengeAttemptResponse = GradeReport & {
  challengeId: string
  /** false while the challenge is not listed in content/grading.json: graded, but there is no record to put it in. */
  recorded: boolean
  attempt: { id: string; createdAt: string } | null
  /** The reference solution, offered only once a check has failed. */
  solution: readonly Command[] | null
}

/** What the record keeps: per-check verdicts, not traces (those are recomputed from the stored commands). */
function toStoredFeedback(report: GradeReport, hintsUsed: number) {
  return {
    hintsUsed,
    checks: report.checks.map((c) => ({ id: c.id, passed: c.passed, outcome: c.outcome, explanation: c.explanation })),
    constraints: report.constraints.map((c) => ({ kind: c.kind, passed: c.passed })),
  }
}

export async function handleChallengeAttempt(request: Request, ctx: ApiContext, challengeId: string, dir?: string): Promise<Response> {
  const challenge = loadChallenge(challengeId, dir)
  const solutions = getSolutions(challengeId)
  if (!challenge || !solutions) return errorResponse({ code: 'unknown-item', message: `There is no challenge "${challengeId}".` })
  const body = await readJsonBody(request, ChallengeAttemptBodySchema)
  if (!body.ok) return errorResponse(body.error)
  const { learner, headers } = await resolveLearner(request, ctx)
  const report = gradeChallenge(challenge, body.value.commands, solutions.reference)
  const recorded = await recordAttempt(ctx.db, ctx.catalog, learner.id, {
    kind: 'challenge',
    itemId: challengeId,
    submission: body.value,
    grade: () => ({ score: report.passed ? 1 : 0, passed: report.passed, feedback: toStoredFeedback(report, body.value.hintsUsed) }),
  })
  if (!recorded.ok && recorded.error.code !== 'unknown-item') return errorResponse(recorded.error, headers)
  const response: ChallengeAttemptResponse = {
    challengeId,
    ...report,
    recorded: recorded.ok,
    attempt: recorded.ok ? { id: recorded.value.id, createdAt: recorded.value.createdAt } : null,
    solution: report.passed ? null : solutions.reference,
  }
  return jsonResponse(response, 200, headers)
}
