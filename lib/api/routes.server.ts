// Every JSON API route in one table, and the one dispatcher that answers them. Two doors lead here: in production
// scripts/serve.mjs hands each /api request to dispatchApi through node-adapter.server.ts without entering Next
// (Next's route runtime costed about 3 ms of CPU a request, six times the handlers' own work; issue 13), and under
// `next dev` or a bare `next start` the catch-all app/api/[[...path]]/route.ts does. Both get the same handlers, the
// same 404 and 405 answers and the same security headers.
import 'server-only'
import { handleChallengeAttempt, handleNextHint, handleReference, handleShownHints } from '../challenges/api.server'
import { handleAdminLogin, handleAdminLogout, handleClasses, handleGradebook } from '../instructor/api.server'
import {
  handleClaim,
  handleExport,
  handleGetProgress,
  handleImport,
  handleJoinClass,
  handleLessonComplete,
  handleLessonVisit,
  handleProfile,
} from '../progress/api.server'
import { handleQuizAttempt } from '../quiz/api.server'
import { gradeDeps } from '../quiz/engines.server'
import { API_POLICY, MALFORMED_PATH_MESSAGE, hasMalformedEncoding, setSecurityHeaders } from '../security'
import { withApiContext, type ApiContext } from './context.server'
import { errorResponse } from './http.server'
import { healthResponse } from './health.server'

type Params = Readonly<Record<string, string>>
type Handle = (request: Request, params: Params) => Response | Promise<Response>

export type ApiRoute = Readonly<{ method: 'GET' | 'POST' | 'DELETE'; path: string; handle: Handle }>

/**
 * A handler run with the process's context (database, catalog, secret); withApiContext turns an unreachable
 * database into a 503. Routes without it (health, sign-out) answer even when the database cannot be opened.
 */
const ctx =
  (run: (request: Request, context: ApiContext, params: Params) => Promise<Response>): Handle =>
  (request, params) =>
    withApiContext((context) => run(request, context, params))

/** A context handler of one item, named by the route's `:id` segment (always present when such a route matched). */
const forId = (run: (request: Request, context: ApiContext, id: string) => Promise<Response>): Handle =>
  ctx((request, context, params) => run(request, context, params.id ?? ''))

/** `:name` segments match one path segment (percent-decoded) and reach the handler as params. */
export const API_ROUTES: readonly ApiRoute[] = [
  { method: 'GET', path: '/api/health', handle: () => healthResponse() },
  { method: 'GET', path: '/api/progress', handle: ctx(handleGetProgress) },
  { method: 'POST', path: '/api/progress/visit', handle: ctx(handleLessonVisit) },
  { method: 'POST', path: '/api/progress/complete', handle: ctx(handleLessonComplete) },
  { method: 'POST', path: '/api/progress/claim', handle: ctx(handleClaim) },
  { method: 'POST', path: '/api/progress/profile', handle: ctx(handleProfile) },
  { method: 'POST', path: '/api/progress/join', handle: ctx(handleJoinClass) },
  { method: 'GET', path: '/api/progress/export', handle: ctx(handleExport) },
  { method: 'POST', path: '/api/progress/import', handle: ctx(handleImport) },
  { method: 'POST', path: '/api/challenges/:id/attempts', handle: forId(handleChallengeAttempt) },
  { method: 'GET', path: '/api/challenges/:id/hints', handle: forId(handleShownHints) },
  { method: 'POST', path: '/api/challenges/:id/hints', handle: forId(handleNextHint) },
  { method: 'POST', path: '/api/challenges/:id/reference', handle: forId(handleReference) },
  { method: 'POST', path: '/api/quizzes/:id/attempts', handle: forId((r, c, id) => handleQuizAttempt(r, c, id, { deps: gradeDeps })) },
  { method: 'GET', path: '/api/instructor/gradebook', handle: ctx(handleGradebook) },
  { method: 'GET', path: '/api/instructor/classes', handle: ctx(handleClasses) },
  { method: 'POST', path: '/api/instructor/classes', handle: ctx(handleClasses) },
  { method: 'POST', path: '/api/instructor/login', handle: ctx(handleAdminLogin) },
  { method: 'DELETE', path: '/api/instructor/login', handle: handleAdminLogout },
]

/** The params when `pattern` matches `segments` (already split, still percent-encoded), else undefined. */
function matchPath(pattern: readonly string[], segments: readonly string[]): Params | undefined {
  if (pattern.length !== segments.length) return undefined
  const params: Record<string, string> = {}
  for (let i = 0; i < pattern.length; i++) {
    const want = pattern[i]!
    if (want.startsWith(':')) params[want.slice(1)] = decodeURIComponent(segments[i]!)
    else if (want !== segments[i]) return undefined
  }
  return params
}

const COMPILED = API_ROUTES.map((route) => ({ route, pattern: route.path.split('/') }))

/** The route and its params for a method and path, or why there is none (with the methods the path does allow). */
export function findApiRoute(method: string, pathname: string): { route: ApiRoute; params: Params } | { allowed: string[] } {
  const segments = (pathname.length > 1 && pathname.endsWith('/') ? pathname.slice(0, -1) : pathname).split('/')
  const allowed: string[] = []
  // HEAD is answered as a GET without the body, as HTTP asks.
  const wanted = method === 'HEAD' ? 'GET' : method
  for (const { route, pattern } of COMPILED) {
    const params = matchPath(pattern, segments)
    if (!params) continue
    if (route.method === wanted) return { route, params }
    allowed.push(route.method)
  }
  return { allowed }
}

/** The API's Content-Security-Policy and the site's security headers (proxy.ts puts the same on pages). */
export function withApiHeaders(response: Response): Response {
  return setSecurityHeaders(response, API_POLICY)
}

/** Answers one /api request: the route's handler, or a JSON 400, 404 or 405 that says what is wrong. */
export async function dispatchApi(request: Request): Promise<Response> {
  const { pathname } = new URL(request.url)
  if (hasMalformedEncoding(pathname)) return withApiHeaders(errorResponse({ code: 'bad-path', message: MALFORMED_PATH_MESSAGE }))
  const found = findApiRoute(request.method, pathname)
  if ('allowed' in found) {
    if (found.allowed.length === 0) {
      return withApiHeaders(errorResponse({ code: 'unknown-route', message: `There is no API at ${pathname}.` }))
    }
    const allow = [...new Set(found.allowed.flatMap((m) => (m === 'GET' ? ['GET', 'HEAD'] : [m])))].join(', ')
    const message = `${pathname} answers ${allow}, not ${request.method}.`
    return withApiHeaders(errorResponse({ code: 'method-not-allowed', message }, { allow }))
  }
  return withApiHeaders(await found.route.handle(request, found.params))
}
