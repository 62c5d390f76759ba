// HTTP plumbing shared by the progress route handlers: reading a bounded JSON body, turning
// zod issues into field messages, and answering with JSON. Route handlers stay thin:
// parse → one lib call → map the result (STYLE "app/, lib/").
import 'server-only'
import type { z } from 'zod'
import { fail, ok, statusFor, type AppError, type FieldIssue, type Result } from './errors'
import { MAX_JSON_DEPTH, jsonDepth } from './json-depth'
import { PEER_HEADER, parseTrustedProxies, resolveClientAddress, type TrustedProxies } from './client-address'
import { formatZodPath } from '@/simulator/parse/zod-path'

export const MAX_BODY_BYTES = 64 * 1024
/**
 * The one exception: an imported record holds every attempt (commands, answers, feedback), and a
 * learner with a few dozen attempts already passes 64 kB. 1 MB still bounds what one request can cost.
 */
export const MAX_RECORD_BYTES = 1024 * 1024

const pathText = (path: ReadonlyArray<PropertyKey>) => formatZodPath(path) || '(body)'

/** One message per bad field; unknown fields are named one by one. */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.flatMap((issue): FieldIssue[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: pathText([...issue.path, key]), message: 'is not a field this request accepts' }))
    }
    return [{ path: pathText(issue.path), message: issue.message }]
  })
}

export function invalidFieldsError(fields: FieldIssue[]): AppError {
  return {
    code: 'invalid-fields',
    message: `The request body has problems: ${fields.map((f) => `${f.path}: ${f.message}`).join('; ')}`,
    fields,
  }
}

const tooLarge = (limit: number): Result<never> =>
  fail({ code: 'body-too-large', message: `The request body is larger than ${limit / 1024} kB; send less data.` })

/** Reads at most `limit` bytes, whatever Content-Length claims, then JSON.parse and safeParse. */
export async function readJsonBody<T>(request: Request, schema: z.ZodType<T>, limit = MAX_BODY_BYTES): Promise<Result<T>> {
  const type = request.headers.get('content-type') ?? ''
  if (!/^application\/json\b/i.test(type)) {
    return fail({ code: 'unsupported-media-type', message: 'Send the body as JSON with the header "Content-Type: application/json".' })
  }
  const declared = Number(request.headers.get('content-length') ?? '0')
  if (declared > limit) return tooLarge(limit)
  const chunks: Uint8Array[] = []
  let size = 0
  if (request.body) {
    const reader = request.body.getReader()
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      size += value.byteLength
      if (size > limit) {
        await reader.cancel()
        return tooLarge(limit)
      }
      chunks.push(value)
    }
  }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks))
  } catch {
    return fail({ code: 'bad-json', message: 'The request body is not valid UTF-8 text.' })
  }
  if (text.trim() === '') return fail({ code: 'bad-json', message: 'The request body is empty; send a JSON object.' })
  if (jsonDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    return fail({
      code: 'bad-json',
      message: `The request body nests arrays or objects more than ${MAX_JSON_DEPTH} levels deep; no request to this API needs that many.`,
    })
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    return fail({ code: 'bad-json', message: `The request body is not valid JSON (${detail}).` })
  }
  const parsed = schema.safeParse(json)
  return parsed.success ? ok(parsed.data) : fail(invalidFieldsError(toFieldIssues(parsed.error)))
}

const NO_STORE = { 'cache-control': 'no-store' }

export function jsonResponse(data: unknown, status = 200, headers: HeadersInit = {}): Response {
  return Response.json(data, { status, headers: { ...NO_STORE, ...Object.fromEntries(new Headers(headers)) } })
}

export function errorResponse(error: AppError, headers: HeadersInit = {}): Response {
  const extra = new Headers(headers)
  if (error.retryAfterSeconds !== undefined) extra.set('retry-after', String(error.retryAfterSeconds))
  return jsonResponse({ error }, statusFor(error.code), extra)
}

export function isHttps(request: Request): boolean {
  return new URL(request.url).protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https'
}

let trusted: { text: string | undefined; parsed: TrustedProxies } | undefined

/** TRUSTED_PROXIES parsed once per value (it is read from the environment so tests can change it). */
export function trustedProxies(): TrustedProxies {
  const text = process.env.TRUSTED_PROXIES
  if (trusted === undefined || trusted.text !== text) trusted = { text, parsed: parseTrustedProxies(text) }
  return trusted.parsed
}

/**
 * The address to rate-limit by: the socket peer scripts/serve.mjs recorded in PEER_HEADER, or, when that peer is
 * a proxy named in TRUSTED_PROXIES, the client that proxy reported in X-Forwarded-For (api/client-address.ts).
 * A client-sent X-Forwarded-For from anywhere else changes nothing.
 */
export function clientAddress(request: Request): string {
  return resolveClientAddress(request.headers.get(PEER_HEADER), request.headers.get('x-forwarded-for'), trustedProxies())
}
