// The one error a browser-side request to the course's API fails with, and the one retry rule for it. Client-safe
// and tiny (no zod, no TanStack Query): the lesson page's plain-fetch progress path (progress/light-client.ts) and
// the TanStack Query options (queries.ts) both use it.

export class ApiRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code?: string,
  ) {
    super(message)
    this.name = 'ApiRequestError'
  }
}

/** A 4xx is the request's fault and will fail the same way again; retry only network errors and 5xx. Typed on Error
 * so TanStack Query infers its error type from it; any thrown value may be passed (only ApiRequestError is read). */
export function shouldRetry(failureCount: number, error: Error): boolean {
  if (error instanceof ApiRequestError && error.status >= 400 && error.status < 500) return false
  return failureCount < 3
}
