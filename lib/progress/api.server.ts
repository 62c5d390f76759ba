// The learner-facing progress API as plain (Request, ApiContext) → Response functions. The
// routes in lib/api/routes.server.ts only pass the real context in, so tests drive these directly.
import 'server-only'
import type { ApiContext } from '../api/context.server'
import type { AppError, Result } from '../api/errors'
import { MAX_RECORD_BYTES, clientAddress, errorResponse, invalidFieldsError, jsonResponse, readJsonBody } from '../api/http.server'
import { JOIN_CODE_LENGTH, formatProgressCode, normalizeProgressCode } from '../api/identity.server'
import {
  checkLesson,
  completeLesson,
  claimProgressCode,
  emptyProgress,
  readProgress,
  recordLessonVisit,
} from './store.server'
import { claimedLearnerId, findRequestLearner, learnerCookieHeaders, readLearnerId, resolveLearner, writeAsLearner } from '../api/learner.server'
import { exportRecord, importRecord, importTarget } from './record.server'
import { joinClass, setProfile } from '../instructor/classes.server'
import { ClaimBodySchema, ExportedRecordSchema, JoinClassBodySchema, LessonActionBodySchema, ProfileBodySchema } from '../schemas'

function failed(result: Result<unknown> & { ok: false }, headers?: Headers): Response {
  return errorResponse(result.error, headers)
}

/** One statement: the learner and their whole progress (store.server.ts readProgress). */
export async function handleGetProgress(request: Request, ctx: ApiContext): Promise<Response> {
  const claimed = claimedLearnerId(request, ctx)
  const read = claimed ? await readProgress(ctx.db, ctx.catalog, claimed) : undefined
  if (!read) return jsonResponse(emptyProgress(ctx.catalog))
  return jsonResponse({ ...read.progress, progressCode: formatProgressCode(read.learner.progressCode) })
}

async function lessonAction(request: Request, ctx: ApiContext, action: typeof completeLesson): Promise<Response> {
  const body = await readJsonBody(request, LessonActionBodySchema)
  if (!body.ok) return failed(body)
  // An unknown lesson is refused before anything is written (no learner is created for it).
  const known = checkLesson(ctx.catalog, body.value.lessonId)
  if (!known.ok) return failed(known)
  const { value: done, headers } = await writeAsLearner(request, ctx, (learnerId) => action(ctx.db, ctx.catalog, learnerId, body.value.lessonId))
  if (!done.ok) return failed(done, headers)
  return jsonResponse({ lessonId: body.value.lessonId }, 200, headers)
}

export const handleLessonVisit = (request: Request, ctx: ApiContext) => lessonAction(request, ctx, recordLessonVisit)
export const handleLessonComplete = (request: Request, ctx: ApiContext) => lessonAction(request, ctx, completeLesson)

/**
 * Resume on this device with a progress code. Limited per address and per current learner
 * before the code is even looked at, so a guesser learns nothing from timing or answers.
 */
export async function handleClaim(request: Request, ctx: ApiContext): Promise<Response> {
  const body = await readJsonBody(request, ClaimBodySchema)
  if (!body.ok) return failed(body)
  const current = claimedLearnerId(request, ctx)
  const keys = [`ip:${clientAddress(request)}`, ...(current ? [`learner:${current}`] : [])]
  const decision = await ctx.claimLimiter.hit(keys, ctx.now())
  if (!decision.allowed) {
    const error: AppError = {
      code: 'rate-limited',
      message: `Too many progress-code attempts. Try again in ${decision.retryAfterSeconds} seconds.`,
      retryAfterSeconds: decision.retryAfterSeconds,
    }
    return errorResponse(error)
  }
  const code = normalizeProgressCode(body.value.code)
  if (!code) return errorResponse(invalidFieldsError([{ path: 'code', message: 'must be 12 letters and digits, like ABCD-EFGH-JKMN' }]))
  const found = await claimProgressCode(ctx.db, code)
  if (!found.ok) return failed(found)
  return jsonResponse({ progressCode: formatProgressCode(found.value.progressCode) }, 200, learnerCookieHeaders(request, ctx, found.value.id, true))
}

/** POST { displayName, studentId }: the name the instructor sees; empty strings clear it. */
export async function handleProfile(request: Request, ctx: ApiContext): Promise<Response> {
  const body = await readJsonBody(request, ProfileBodySchema)
  if (!body.ok) return failed(body)
  const { learner, headers } = await resolveLearner(request, ctx)
  return jsonResponse(await setProfile(ctx.db, learner.id, body.value), 200, headers)
}

/** POST { code }: join an instructor's class. Rate-limited per address and learner, like progress codes. */
export async function handleJoinClass(request: Request, ctx: ApiContext): Promise<Response> {
  const body = await readJsonBody(request, JoinClassBodySchema)
  if (!body.ok) return failed(body)
  const current = claimedLearnerId(request, ctx)
  const decision = await ctx.claimLimiter.hit([`join-ip:${clientAddress(request)}`, ...(current ? [`join-learner:${current}`] : [])], ctx.now())
  if (!decision.allowed) {
    const wait = decision.retryAfterSeconds
    return errorResponse({ code: 'rate-limited', message: `Too many class-code attempts. Try again in ${wait} seconds.`, retryAfterSeconds: wait })
  }
  const code = normalizeProgressCode(body.value.code, JOIN_CODE_LENGTH)
  if (!code) return errorResponse(invalidFieldsError([{ path: 'code', message: 'must be 8 letters and digits, like ABCD-EFGH' }]))
  const { learner, headers } = await resolveLearner(request, ctx)
  const joined = await joinClass(ctx.db, learner.id, code)
  if (!joined.ok) return failed(joined, headers)
  return jsonResponse(joined.value, 200, headers)
}

export async function handleExport(request: Request, ctx: ApiContext): Promise<Response> {
  const learner = await findRequestLearner(request, ctx)
  const record = await exportRecord(ctx.db, learner?.id, ctx.secret)
  return jsonResponse(record, 200, { 'content-disposition': 'attachment; filename="packet-path-progress.json"' })
}

/**
 * Import a downloaded record: into the learner it came from, or, from a browser with no progress of its own, as
 * that learner (the cookie switches to it, like a progress code). Another learner's record is refused (409).
 */
export async function handleImport(request: Request, ctx: ApiContext): Promise<Response> {
  const body = await readJsonBody(request, ExportedRecordSchema, MAX_RECORD_BYTES)
  if (!body.ok) return failed(body)
  const current = await readLearnerId(request, ctx)
  const target = await importTarget(ctx.db, current, body.value, ctx.secret)
  if (!target.ok) return failed(target)
  const imported = await importRecord(ctx.db, ctx.catalog, body.value, ctx.secret)
  if (!imported.ok) return failed(imported)
  const headers = learnerCookieHeaders(request, ctx, target.value.learnerId, target.value.switched)
  return jsonResponse({ ...imported.value, switchedLearner: target.value.switched }, 200, headers)
}
