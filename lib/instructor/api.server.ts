// The instructor gradebook API. Off unless ADMIN_TOKEN is set; then it answers only a request
// carrying the token as `Authorization: Bearer …` or the cookie the /instructor login sets.
import 'server-only'
import type { ApiContext } from '../api/context.server'
import { fail, ok, type Result } from '../api/errors'
import { clientAddress, errorResponse, isHttps, jsonResponse, readJsonBody } from '../api/http.server'
import { createClass, findClass, listClasses } from './classes.server'
import { getGradebook, formatGradebookCsv } from './gradebook.server'
import { ADMIN_COOKIE, adminCookieValue, cookieHeader, isAdminRequest, readCookie } from '../api/identity.server'
import { AdminLoginBodySchema, CreateClassBodySchema } from '../schemas'

const DISABLED = 'The instructor gradebook is switched off on this server. Start it with ADMIN_TOKEN set to enable it.'

export function checkAdmin(request: Request, ctx: Pick<ApiContext, 'secret' | 'adminToken'>): Result<void> {
  if (!ctx.adminToken) return fail({ code: 'admin-disabled', message: DISABLED })
  const auth = request.headers.get('authorization')
  const bearer = auth?.startsWith('Bearer ') ? auth.slice('Bearer '.length).trim() : undefined
  const cookie = readCookie(request.headers.get('cookie'), ADMIN_COOKIE)
  if (isAdminRequest(ctx.secret, ctx.adminToken, bearer, cookie)) return ok(undefined)
  return fail({
    code: 'admin-forbidden',
    message: 'The gradebook needs the instructor token: send "Authorization: Bearer <ADMIN_TOKEN>" or sign in at /instructor.',
  })
}

/**
 * Sign-in attempts and bearer-token requests share one budget per address, so the token cannot be guessed either
 * way. Only a wrong token spends it: an instructor's own requests with the right one never lock them out. While the
 * budget is spent, even the right token is refused, so a guesser over the limit learns nothing from the answer.
 */
async function adminAttemptLimited(request: Request, ctx: ApiContext, valid: boolean): Promise<Response | null> {
  const keys = [`admin-ip:${clientAddress(request)}`]
  const decision = valid ? await ctx.claimLimiter.check(keys, ctx.now()) : await ctx.claimLimiter.hit(keys, ctx.now())
  if (decision.allowed) return null
  const wait = decision.retryAfterSeconds
  return errorResponse({ code: 'rate-limited', message: `Too many sign-in attempts. Try again in ${wait} seconds.`, retryAfterSeconds: wait })
}

/** The token check every instructor route starts with: null when allowed, else the refusal to send. */
async function refuseUnlessAdmin(request: Request, ctx: ApiContext): Promise<Response | null> {
  const allowed = checkAdmin(request, ctx)
  // The cookie is an HMAC only the server can make; a bearer token is a guess until checked, so a wrong one counts as a try.
  const limited = ctx.adminToken && request.headers.has('authorization') ? await adminAttemptLimited(request, ctx, allowed.ok) : null
  if (limited) return limited
  return allowed.ok ? null : errorResponse(allowed.error)
}

/** A file name part from a class name: letters, digits and dashes only. */
const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'class'

/** GET: every learner's scores (or one class's, with ?class=<id>) as JSON, or CSV with ?format=csv. */
export async function handleGradebook(request: Request, ctx: ApiContext): Promise<Response> {
  const refused = await refuseUnlessAdmin(request, ctx)
  if (refused) return refused
  const params = new URL(request.url).searchParams
  const classId = params.get('class') ?? undefined
  const course = classId === undefined ? undefined : await findClass(ctx.db, classId)
  if (classId !== undefined && !course) return errorResponse({ code: 'unknown-class', message: `There is no class "${classId}".` })
  const book = await getGradebook(ctx.db, ctx.catalog, classId)
  if (params.get('format') === 'csv') {
    const file = course ? `packet-path-gradebook-${slug(course.name)}.csv` : 'packet-path-gradebook.csv'
    return new Response(formatGradebookCsv(book), {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${file}"`,
        'cache-control': 'no-store',
      },
    })
  }
  return jsonResponse(book)
}

/** GET: the classes, with their join codes and member counts. POST { name }: open a new class. */
export async function handleClasses(request: Request, ctx: ApiContext): Promise<Response> {
  const refused = await refuseUnlessAdmin(request, ctx)
  if (refused) return refused
  if (request.method === 'GET') return jsonResponse({ classes: await listClasses(ctx.db) })
  const body = await readJsonBody(request, CreateClassBodySchema)
  if (!body.ok) return errorResponse(body.error)
  return jsonResponse(await createClass(ctx.db, body.value.name), 201)
}

/** Exchanges the token for an httpOnly cookie holding an HMAC of it (never the token itself). */
export async function handleAdminLogin(request: Request, ctx: ApiContext): Promise<Response> {
  if (!ctx.adminToken) return errorResponse({ code: 'admin-disabled', message: DISABLED })
  const body = await readJsonBody(request, AdminLoginBodySchema)
  if (!body.ok) return errorResponse(body.error)
  // A token pasted from a terminal or a password manager often brings spaces or a newline along.
  const valid = isAdminRequest(ctx.secret, ctx.adminToken, body.value.token.trim(), undefined)
  const limited = await adminAttemptLimited(request, ctx, valid)
  if (limited) return limited
  if (!valid) {
    return errorResponse({ code: 'admin-forbidden', message: 'That is not the instructor token.' })
  }
  const headers = new Headers()
  headers.append('set-cookie', cookieHeader(ADMIN_COOKIE, adminCookieValue(ctx.secret, ctx.adminToken), isHttps(request), 8 * 3600))
  return jsonResponse({ signedIn: true }, 200, headers)
}

export function handleAdminLogout(request: Request): Response {
  const headers = new Headers()
  headers.append('set-cookie', cookieHeader(ADMIN_COOKIE, '', isHttps(request), 0))
  return jsonResponse({ signedIn: false }, 200, headers)
}
