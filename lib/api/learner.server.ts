// Who a request is for: the learner its signed cookie names, found, created or written as. Every feature's API
// (progress, challenges, quizzes) asks here, so none reaches into another's handler for it.
import 'server-only'
import type { ApiContext } from './context.server'
import { isHttps } from './http.server'
import { LEARNER_COOKIE, cookieHeader, readCookie, signLearnerId, verifyLearnerCookie } from './identity.server'
import { isForeignKeyViolation } from '../db/dialect.server'
import { findLearner, getOrCreateLearner, type Learner } from '../progress/store.server'

type Resolved = { learner: Learner; headers: Headers }

/**
 * The learner this request belongs to, for a request that writes: the one named by a validly signed cookie, or a new
 * one (with the cookie to set) when the cookie is missing, forged or names a learner we no longer have.
 */
export async function resolveLearner(request: Request, ctx: ApiContext): Promise<Resolved> {
  const claimed = claimedLearnerId(request, ctx)
  const { learner, created } = await getOrCreateLearner(ctx.db, claimed)
  return { learner, headers: learnerCookieHeaders(request, ctx, learner.id, created) }
}

/**
 * The learner this request belongs to, for a request that only reads: undefined when there is none yet. A read never
 * stores a learner (issue 12, bounded growth): a crawler or a one-page visit leaves no row behind.
 */
export async function findRequestLearner(request: Request, ctx: ApiContext): Promise<Learner | undefined> {
  const claimed = claimedLearnerId(request, ctx)
  return claimed ? findLearner(ctx.db, claimed) : undefined
}

/** The learner id a validly signed cookie names (not yet checked against the database), or undefined. */
export function claimedLearnerId(request: Request, ctx: ApiContext): string | undefined {
  return verifyLearnerCookie(ctx.secret, readCookie(request.headers.get('cookie'), LEARNER_COOKIE))
}

/** The Set-Cookie naming `learnerId` when `set` (a learner this request created or switched to); empty headers otherwise. */
export function learnerCookieHeaders(request: Request, ctx: ApiContext, learnerId: string | undefined, set: boolean): Headers {
  const headers = new Headers()
  if (set && learnerId) headers.append('set-cookie', cookieHeader(LEARNER_COOKIE, signLearnerId(ctx.secret, learnerId), isHttps(request)))
  return headers
}

/**
 * Runs a one-statement write for the request's learner. It is tried first as the learner the cookie names, with no
 * look-up: a learner that is not stored (no cookie, a forged one, one we no longer have) makes the write's foreign key
 * refuse it, and only then is a new learner created (with the cookie to set) and the write run for it. The usual
 * write is one statement, one round trip.
 */
export async function writeAsLearner<T>(request: Request, ctx: ApiContext, write: (learnerId: string) => Promise<T>): Promise<{ value: T; headers: Headers }> {
  const claimed = claimedLearnerId(request, ctx)
  if (claimed) {
    try {
      return { value: await write(claimed), headers: new Headers() }
    } catch (error) {
      if (!isForeignKeyViolation(error)) throw error
    }
  }
  const { learner, created } = await getOrCreateLearner(ctx.db, undefined)
  return { value: await write(learner.id), headers: learnerCookieHeaders(request, ctx, learner.id, created) }
}

/** The id of the learner a validly signed cookie names, if that learner exists; never creates one. */
export async function readLearnerId(request: Request, ctx: ApiContext): Promise<string | undefined> {
  return (await findRequestLearner(request, ctx))?.id
}
