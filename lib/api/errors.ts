// Expected failures of the progress API as values, and the one table that turns them into
// HTTP statuses (STYLE "Errors": 400 bad input, 404 unknown id, 409 conflict).
export type ApiErrorCode =
  | 'bad-json'
  | 'invalid-fields'
  | 'body-too-large'
  | 'unsupported-media-type'
  | 'unknown-lesson'
  | 'unknown-item'
  | 'unknown-code'
  | 'bad-signature'
  | 'rate-limited'
  | 'admin-disabled'
  | 'admin-forbidden'
  | 'database-unavailable'
  | 'no-more-hints'
  | 'reference-not-yet'
  | 'attempts-exhausted'
  | 'record-other-learner'
  | 'unknown-class'
  | 'request-aborted'
  | 'bad-path'
  | 'unknown-route'
  | 'method-not-allowed'
  | 'internal-error'

export type FieldIssue = { path: string; message: string }

export type AppError = {
  code: ApiErrorCode
  message: string
  fields?: FieldIssue[]
  retryAfterSeconds?: number
}

export type Result<T, E = AppError> = { ok: true; value: T } | { ok: false; error: E }

/** The answer to a request whose client hung up before it was read (nobody reads it; nothing was stored). */
export const REQUEST_ABORTED: AppError = { code: 'request-aborted', message: 'The request was closed by the client before it was read; nothing was saved.' }

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value })
export const fail = (error: AppError): Result<never> => ({ ok: false, error })

const STATUS: Record<ApiErrorCode, number> = {
  'bad-json': 400,
  'invalid-fields': 400,
  // The issue asks for 400 (not 413) so every bad body gets the same kind of answer.
  'body-too-large': 400,
  'unsupported-media-type': 415,
  'unknown-lesson': 404,
  'unknown-item': 404,
  'unknown-code': 404,
  'bad-signature': 400,
  'rate-limited': 429,
  // Disabled reads as "no such page", so a scan learns nothing; a wrong token is a plain refusal.
  'admin-disabled': 404,
  'admin-forbidden': 403,
  // The database cannot be reached (restarting, failing over): try again shortly, nothing was recorded.
  'database-unavailable': 503,
  // The request is well formed but the learner's record does not allow it (yet).
  'no-more-hints': 409,
  'reference-not-yet': 409,
  'attempts-exhausted': 409,
  'record-other-learner': 409,
  'unknown-class': 404,
  // The client closed the connection before its request was read (nginx's 499); nobody reads this answer.
  'request-aborted': 499,
  // The address names no API: a malformed escape, no such route, or a route that does not answer this method.
  'bad-path': 400,
  'unknown-route': 404,
  'method-not-allowed': 405,
  // A bug: logged on the server.
  'internal-error': 500,
}

export function statusFor(code: ApiErrorCode): number {
  return STATUS[code]
}

/**
 * True when an error only says the client went away mid-request: Node's IncomingMessage fails the body stream with
 * Error('aborted') and code ECONNRESET (no syscall, unlike a socket error of the database driver), and fetch-style
 * code throws an AbortError. Neither is a database outage or a bug.
 */
export function isRequestAborted(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (e.name === 'AbortError') return true
    const { code, syscall } = e as { code?: unknown; syscall?: unknown }
    if (e.message === 'aborted' && code === 'ECONNRESET' && syscall === undefined) return true
  }
  return false
}
