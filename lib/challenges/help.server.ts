// Hints and the reference solution, served by the server one piece at a time and counted there (issue 12). The
// browser never holds a hint it was not given: the challenge page carries only how many rungs the ladder has.
//
//   - Hints come in ladder order (nudge → concept → command); each POST reveals the next rung and records it.
//   - The reference solution opens only on request, and only after the learner checked a setup that changed the
//     world (an attempt whose replay ran at least one command that changed something).
//   - What was shown is recorded in challenge_help; an attempt reads it when it is graded (helpBefore), so the
//     credit rules in content/grading.json ("help") apply on the server. The command rung is the answer in words,
//     so it counts as the reference.
import 'server-only'
import type { Db } from '../db/connection.server'
import { fail, ok, type Result } from '../api/errors'
import type { Challenge, Command, Hint } from './schema'

export type HintLadder = { hints: Hint[]; total: number; referenceSeen: boolean }

export type HelpSeen = { hintsUsed: number; referenceSeen: boolean }

async function helpRows(db: Db, learnerId: string, challengeId: string) {
  return db
    .selectFrom('challenge_help')
    .select(['help', 'rung', 'level'])
    .where('learner_id', '=', learnerId)
    .where('item_id', '=', challengeId)
    .orderBy('rung')
    .execute()
}

/** The help a learner has had on a challenge so far: nudge/concept hints counted, the command rung or reference capping. */
export async function helpBefore(db: Db, learnerId: string, challengeId: string): Promise<HelpSeen> {
  const rows = await helpRows(db, learnerId, challengeId)
  return {
    hintsUsed: rows.filter((r) => r.help === 'hint' && r.level !== 'command').length,
    referenceSeen: rows.some((r) => r.level === 'command' || r.level === 'reference'),
  }
}

/** The rungs this learner has been shown (for a reload), without revealing another. */
export async function shownHints(db: Db, learnerId: string | undefined, challenge: Challenge): Promise<HintLadder> {
  const rows = learnerId ? await helpRows(db, learnerId, challenge.id) : []
  const shown = rows.filter((r) => r.help === 'hint').length
  return { hints: challenge.hints.slice(0, shown), total: challenge.hints.length, referenceSeen: rows.some((r) => r.help === 'reference') }
}

/**
 * Reveals the next rung and records it. Rungs go strictly in order: the one revealed is the count already shown,
 * and two requests racing for the same rung record it once (the primary key), so the count never skips.
 */
export async function revealNextHint(db: Db, learnerId: string, challenge: Challenge, now = new Date()): Promise<Result<HintLadder>> {
  const before = await shownHints(db, learnerId, challenge)
  const rung = before.hints.length
  const hint = challenge.hints[rung]
  if (!hint) return fail({ code: 'no-more-hints', message: `You have seen all ${challenge.hints.length} hints for this challenge.` })
  await db
    .insertInto('challenge_help')
    .values({ learner_id: learnerId, item_id: challenge.id, help: 'hint', rung, level: hint.level, created_at: now.toISOString() })
    .onConflict((oc) => oc.columns(['learner_id', 'item_id', 'help', 'rung']).doNothing())
    .execute()
  return ok(await shownHints(db, learnerId, challenge))
}

/** Did one of this learner's checks of the challenge run a command that changed the world? */
export async function hasRealAttempt(db: Db, learnerId: string, challengeId: string): Promise<boolean> {
  const rows = await db
    .selectFrom('attempt')
    .select('feedback')
    .where('learner_id', '=', learnerId)
    .where('kind', '=', 'challenge')
    .where('item_id', '=', challengeId)
    .execute()
  return rows.some((r) => (JSON.parse(r.feedback) as { changedWorld?: unknown } | null)?.changedWorld === true)
}

/** The reference solution, recorded as shown; refused until the learner has checked a setup of their own. */
export async function showReference(
  db: Db,
  learnerId: string,
  challengeId: string,
  reference: readonly Command[],
  now = new Date(),
): Promise<Result<readonly Command[]>> {
  if (!(await hasRealAttempt(db, learnerId, challengeId))) {
    return fail({
      code: 'reference-not-yet',
      message: 'The reference solution opens after you check a setup of your own: run at least one command that changes the world, then press "Check my setup".',
    })
  }
  await db
    .insertInto('challenge_help')
    .values({ learner_id: learnerId, item_id: challengeId, help: 'reference', rung: 0, level: 'reference', created_at: now.toISOString() })
    .onConflict((oc) => oc.columns(['learner_id', 'item_id', 'help', 'rung']).doNothing())
    .execute()
  return ok(reference)
}
