// Runs before every route (Next 16's proxy, formerly middleware): refuses a path with malformed percent-encoding
// with a 400, and puts the security headers on every page and API response. The policies are built in lib/security.
// In production scripts/serve.mjs answers /api itself (lib/api/routes.server.ts sets the same headers and 400), so
// API requests pass here only under `next dev` or a bare `next start`.
import path from 'node:path'
import { NextResponse, type NextRequest } from 'next/server'
import { API_POLICY, MALFORMED_PATH_MESSAGE, hasMalformedEncoding, newNonce, pageHashes, pagePolicy, scriptHash, setSecurityHeaders } from '@/lib/security'
import { isApiPath } from '@/lib/api/api-path'
import { EARLY_INPUT_SCRIPT } from './app/components/early-input'
import { THEME_SCRIPT } from './app/components/theme'
import { ZOD_JITLESS_SCRIPT } from './app/components/zod-jitless'

// The same distDir next.config.mjs chooses (the e2e fixture course builds into its own). Resolved at run time from
// the environment; turbopackIgnore keeps Next from tracing the project for it.
const appDir = path.join(path.resolve(/*turbopackIgnore: true*/ process.env.NEXT_DIST_DIR || '.next'), 'server', 'app')
const hashes = pageHashes(appDir)
// The layout's own inline scripts: Next puts no nonce on them, so pages rendered on request allow them by hash.
const LAYOUT_HASHES = [scriptHash(THEME_SCRIPT), scriptHash(ZOD_JITLESS_SCRIPT), scriptHash(EARLY_INPUT_SCRIPT)]
const dev = process.env.NODE_ENV === 'development'
const SANDBOX = '/sandbox'
const SANDBOX_WITH_QUERY = '/sandbox/open'

function badEncoding(isApi: boolean): Response {
  const message = MALFORMED_PATH_MESSAGE
  const response = isApi
    ? Response.json({ error: { code: 'bad-path', message } }, { status: 400, headers: { 'cache-control': 'no-store' } })
    : new Response(`400 Bad Request: ${message}\n`, { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' } })
  return setSecurityHeaders(response, API_POLICY)
}

export function proxy(request: NextRequest): NextResponse | Response {
  const { pathname } = request.nextUrl
  const isApi = isApiPath(pathname)
  if (hasMalformedEncoding(pathname)) return badEncoding(isApi)
  if (isApi) return setSecurityHeaders(NextResponse.next(), API_POLICY)
  // Bare /sandbox is prerendered; with a query (a preset, shared commands, a challenge) it is the page rendered on
  // request (app/sandbox/open), under the same address.
  const rewrite = pathname === SANDBOX && request.nextUrl.search !== '' ? SANDBOX_WITH_QUERY : undefined
  const prerendered = dev ? undefined : hashes.forPage(rewrite ?? pathname)
  if (prerendered) return setSecurityHeaders(NextResponse.next(), pagePolicy({ hashes: [...LAYOUT_HASHES, ...prerendered] }))
  // Rendered on request (or a 404): Next reads the nonce from the request's policy header and puts it on its scripts.
  const nonce = newNonce()
  const policy = pagePolicy({ hashes: [...LAYOUT_HASHES, ...hashes.notFound()], nonce }, dev)
  const requestHeaders = new Headers(request.headers)
  requestHeaders.set('Content-Security-Policy', policy)
  const init = { request: { headers: requestHeaders } }
  if (rewrite === undefined) return setSecurityHeaders(NextResponse.next(init), policy)
  const target = request.nextUrl.clone()
  target.pathname = rewrite
  return setSecurityHeaders(NextResponse.rewrite(target, init), policy)
}

export const config = {
  // Build output under /_next/static is served as files with next.config.mjs's headers; everything else comes here.
  matcher: ['/((?!_next/static|_next/image).*)'],
}
