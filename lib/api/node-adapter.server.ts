// The production door to the JSON API: scripts/serve.mjs passes each /api request's node:http objects here, and this
// turns them into a web Request for dispatchApi (routes.server.ts) and writes its Response back. Bundled on its own
// (scripts/ts-bundle.mjs, from scripts/serve.mjs), so an API request never enters Next's router and route runtime.
import 'server-only'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { Readable } from 'node:stream'
import { gzipSync } from 'node:zlib'
import { REQUEST_ABORTED, isRequestAborted } from './errors'
import { errorResponse } from './http.server'
import { dispatchApi, withApiHeaders } from './routes.server'

/** Bodies smaller than this go out as they are: gzip would save less than its own header and CPU cost. */
const GZIP_FROM_BYTES = 1024

function toRequest(req: IncomingMessage, signal: AbortSignal): Request {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue
    if (Array.isArray(value)) for (const v of value) headers.append(name, v)
    else headers.set(name, value)
  }
  // The Host header only names this server for URL building; a missing or odd one must not fail the request.
  let url: URL
  try {
    url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`)
  } catch {
    url = new URL(req.url ?? '/', 'http://localhost')
  }
  const method = req.method ?? 'GET'
  const hasBody = method !== 'GET' && method !== 'HEAD'
  return new Request(url, {
    method,
    headers,
    signal,
    ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream<Uint8Array>, duplex: 'half' } : {}),
  } as RequestInit)
}

function acceptsGzip(req: IncomingMessage): boolean {
  const accept = req.headers['accept-encoding']
  return typeof accept === 'string' && /\bgzip\b(?!\s*;\s*q=0(\.0*)?\b)/i.test(accept)
}

async function send(req: IncomingMessage, res: ServerResponse, response: Response): Promise<void> {
  let body: Buffer = Buffer.from(await response.arrayBuffer())
  const headers: Record<string, string | string[]> = {}
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value
  })
  const cookies = response.headers.getSetCookie()
  if (cookies.length > 0) headers['set-cookie'] = cookies
  if (body.length >= GZIP_FROM_BYTES && acceptsGzip(req) && !headers['content-encoding']) {
    body = gzipSync(body)
    headers['content-encoding'] = 'gzip'
    headers.vary = headers.vary ? `${headers.vary}, Accept-Encoding` : 'Accept-Encoding'
  }
  headers['content-length'] = String(body.length)
  res.writeHead(response.status, headers)
  res.end(req.method === 'HEAD' ? undefined : body)
}

/** Answers one /api request on node:http. Never throws: a bug answers 500 (and is logged), a gone client 499. */
export async function answerApi(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const aborted = new AbortController()
  res.once('close', () => {
    if (!res.writableFinished) aborted.abort()
  })
  let response: Response
  try {
    response = await dispatchApi(toRequest(req, aborted.signal))
  } catch (error) {
    if (isRequestAborted(error)) {
      response = withApiHeaders(errorResponse(REQUEST_ABORTED))
    } else {
      console.error(`Packet Path: ${req.method} ${req.url} failed:`, error)
      response = withApiHeaders(errorResponse({ code: 'internal-error', message: 'The server failed while answering this request; the failure is logged.' }))
    }
  }
  if (res.destroyed) return
  try {
    await send(req, res, response)
  } catch (error) {
    console.error(`Packet Path: ${req.method} ${req.url}: the answer could not be sent:`, error)
    res.destroy()
  }
}

export { isApiPath } from './api-path'
export { prepareServer, startupFailure } from './startup.server'
