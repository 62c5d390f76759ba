// The challenge API as plain (Request, context) → Response functions, mirroring the quiz API: the body limit, JSON
// errors, learner cookie and error → status table are the progress API's own.
//   POST /api/challenges/<id>/attempts   replay the commands with the real simulator, run the checks, credit the
//                                        pass after the help the server recorded (content/grading.json "help")
//   GET  /api/challenges/<id>/hints      the hint rungs this learner has been shown (reveals nothing new)
//   POST /api/challenges/<id>/hints      reveal and record the next rung
//   POST /api/challenges/<id>/reference  the reference solution, on request, after a check of a setup that changed
//                                        the world; recorded, so a later pass is capped
// Nothing the client says about passing or help counts.
import 'server-only'
import type { ApiContext } from '../api/context.server'
import { errorResponse, jsonResponse, readJsonBody } from '../api/http.server'
import { claimedLearnerId, learnerCookieHeaders, readLearnerId, resolveLearner } from '../api/learner.server'
import { challengeVersion } from '../content/version.server'
import { challengeCredit } from '../progress/grading'
import { recordAttemptFor } from '../progress/store.server'
import { gradeReplay, type GradeReport } from './grade'
import { hasRealAttempt, helpBefore, revealNextHint, showReference, shownHints, type HelpSeen } from './help.server'
import { loadChallenge } from './load.server'
import { replayCommands } from './replay'
import { ChallengeAttemptBodySchema, type Challenge } from './schema'
import { getSolutions, type ChallengeSolutions } from './solutions/index.server'

export type ChallengeAttemptResponse = GradeReport & {
  challengeId: string
  /** false while the challenge is not listed in content/grading.json: graded, but there is no record to put it in. */
  recorded: boolean
  attempt: { id: string; createdAt: string } | null
  /** What this attempt earned after help, and the help the server had recorded before it; null when not recorded. */
  credit: { score: number; hintsUsed: number; referenceSeen: boolean } | null
  /** The learner may ask for the reference solution (a checked setup of their own changed the world). */
  referenceAvailable: boolean
}

/** What the record keeps: per-check verdicts, not traces (those are recomputed from the stored commands). */
function toStoredFeedback(report: GradeReport, changedWorld: boolean) {
  return {
    changedWorld,
    checks: report.checks.map((c) => ({ id: c.id, passed: c.passed, outcome: c.outcome, explanation: c.explanation })),
    constraints: report.constraints.map((c) => ({ kind: c.kind, passed: c.passed })),
  }
}

type Loaded = { challenge: Challenge; solutions: ChallengeSolutions }

function load(challengeId: string, dir?: string): Loaded | Response {
  const challenge = loadChallenge(challengeId, dir)
  const solutions = getSolutions(challengeId)
  if (!challenge || !solutions) return errorResponse({ code: 'unknown-item', message: `There is no challenge "${challengeId}".` })
  return { challenge, solutions }
}

export async function handleChallengeAttempt(request: Request, ctx: ApiContext, challengeId: string, dir?: string): Promise<Response> {
  const loaded = load(challengeId, dir)
  if (loaded instanceof Response) return loaded
  const { challenge, solutions } = loaded
  const body = await readJsonBody(request, ChallengeAttemptBodySchema)
  if (!body.ok) return errorResponse(body.error)
  const replay = replayCommands(challenge, body.value.commands)
  const report = gradeReplay(challenge, replay, solutions.reference)
  const changedWorld = replay.changed
  const contentVersion = challengeVersion(challenge)
  let help: HelpSeen = { hintsUsed: 0, referenceSeen: false }
  let score = 0
  // One transaction: the learner (looked up or created), the help shown before this attempt, the attempt, its bounds.
  const { learnerId, created, result: recorded } = await recordAttemptFor(ctx.db, ctx.catalog, claimedLearnerId(request, ctx), {
    kind: 'challenge',
    itemId: challengeId,
    submission: body.value,
    grade: async (_, { trx, learnerId }) => {
      help = await helpBefore(trx, learnerId, challengeId)
      score = challengeCredit(report.passed, help, ctx.catalog.help)
      return { score, rawScore: report.passed ? 1 : 0, passed: report.passed, help, contentVersion, feedback: toStoredFeedback(report, changedWorld) }
    },
  })
  const headers = learnerCookieHeaders(request, ctx, learnerId, created)
  if (!recorded.ok && recorded.error.code !== 'unknown-item') return errorResponse(recorded.error, headers)
  const response: ChallengeAttemptResponse = {
    challengeId,
    ...report,
    recorded: recorded.ok,
    attempt: recorded.ok ? { id: recorded.value.id, createdAt: recorded.value.createdAt } : null,
    credit: recorded.ok ? { score, ...help } : null,
    referenceAvailable: recorded.ok && learnerId !== undefined && (changedWorld || (await hasRealAttempt(ctx.db, learnerId, challengeId))),
  }
  return jsonResponse(response, 200, headers)
}

/** GET: the rungs already shown (a reload keeps them); no learner is created for a reader without a cookie. */
export async function handleShownHints(request: Request, ctx: ApiContext, challengeId: string, dir?: string): Promise<Response> {
  const loaded = load(challengeId, dir)
  if (loaded instanceof Response) return loaded
  const learnerId = await readLearnerId(request, ctx)
  return jsonResponse({ ...(await shownHints(ctx.db, learnerId, loaded.challenge)), ...ctx.catalog.help })
}

/** POST: reveal and record the next rung. */
export async function handleNextHint(request: Request, ctx: ApiContext, challengeId: string, dir?: string): Promise<Response> {
  const loaded = load(challengeId, dir)
  if (loaded instanceof Response) return loaded
  const { learner, headers } = await resolveLearner(request, ctx)
  const ladder = await revealNextHint(ctx.db, learner.id, loaded.challenge)
  if (!ladder.ok) return errorResponse(ladder.error, headers)
  return jsonResponse({ ...ladder.value, ...ctx.catalog.help }, 200, headers)
}

/** POST: the reference solution, recorded as shown. */
export async function handleReference(request: Request, ctx: ApiContext, challengeId: string, dir?: string): Promise<Response> {
  const loaded = load(challengeId, dir)
  if (loaded instanceof Response) return loaded
  const { learner, headers } = await resolveLearner(request, ctx)
  const shown = await showReference(ctx.db, learner.id, challengeId, loaded.solutions.reference)
  if (!shown.ok) return errorResponse(shown.error, headers)
  return jsonResponse({ challengeId, solution: shown.value, cap: ctx.catalog.help.referenceCap }, 200, headers)
}
