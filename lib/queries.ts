// TanStack Query options for the progress API: one queryOptions per resource, and the mutations
// that change it. Every response is parsed with the zod schemas in lib/schemas.ts before a
// component sees it, and a failed request becomes an ApiRequestError carrying the server's message.
//
// The schemas (and zod with them) are imported when a request is made, not when a page loads: every lesson page
// renders these hooks, and a static import would put zod's ~30 kB (gzipped) into each page's first-load JavaScript
// (issue 2's budget is 150 kB). The schema chunk downloads while the first request is in flight.
import { mutationOptions, queryOptions, type QueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import type { Progress } from './schemas'

type Schemas = typeof import('./schemas')
/** Picks the response schema out of lib/schemas.ts once it has loaded, e.g. `(s) => s.ProgressSchema`. */
type PickSchema<T> = (schemas: Schemas) => z.ZodType<T>

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

async function requestJson<T>(url: string, pick: PickSchema<T>, init?: RequestInit): Promise<T> {
  const [res, schemas] = await Promise.all([fetch(url, { credentials: 'same-origin', ...init }), import('./schemas')])
  const body: unknown = await res.json().catch(() => undefined)
  if (!res.ok) {
    const parsed = schemas.ApiErrorSchema.safeParse(body)
    if (parsed.success) throw new ApiRequestError(parsed.data.error.message, res.status, parsed.data.error.code)
    throw new ApiRequestError(`The server answered ${res.status} ${res.statusText}.`, res.status)
  }
  const parsed = pick(schemas).safeParse(body)
  if (!parsed.success) throw new ApiRequestError(`The server sent an unexpected answer from ${url}.`, res.status)
  return parsed.data
}

const postJson = <T>(url: string, pick: PickSchema<T>, body: unknown) =>
  requestJson(url, pick, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })

/** A 4xx is the request's fault and will fail the same way again; retry only network errors and 5xx. */
export function shouldRetry(failureCount: number, error: Error): boolean {
  if (error instanceof ApiRequestError && error.status >= 400 && error.status < 500) return false
  return failureCount < 3
}

export const progressKey = ['progress'] as const

/**
 * Every write to the learner's record runs in this one mutation scope, so a browser sends them one at a time. A
 * visitor has no learner until the first write (reads store nothing); two writes in flight at once would each mint
 * a learner, and the cookie of the second would orphan the first's work (a lesson visit racing "Mark complete").
 */
export const learnerWriteScope = { id: 'learner-record' } as const

export const progressQueryOptions = () =>
  queryOptions({ queryKey: progressKey, queryFn: () => requestJson('/api/progress', (s) => s.ProgressSchema), retry: shouldRetry })

/** The gradebook of every learner, or of one class's members. */
export const gradebookQueryOptions = (classId?: string) =>
  queryOptions({
    queryKey: ['gradebook', classId ?? 'all'],
    queryFn: () =>
      requestJson(`/api/instructor/gradebook${classId ? `?class=${encodeURIComponent(classId)}` : ''}`, (s) => s.GradebookSchema),
    retry: shouldRetry,
  })

export const classesQueryOptions = () =>
  queryOptions({ queryKey: ['classes'], queryFn: () => requestJson('/api/instructor/classes', (s) => s.ClassListSchema), retry: shouldRetry })

export const createClassMutationOptions = (client: QueryClient) =>
  mutationOptions({
    mutationKey: ['create-class'],
    mutationFn: (name: string) => postJson('/api/instructor/classes', (s) => s.ClassSummarySchema, { name }),
    retry: false,
    onSuccess: () => client.invalidateQueries({ queryKey: ['classes'] }),
  })

export const profileMutationOptions = (client: QueryClient) =>
  mutationOptions({
    mutationKey: ['profile'],
    scope: learnerWriteScope,
    mutationFn: (profile: { displayName: string; studentId: string }) => postJson('/api/progress/profile', (s) => s.ProfileSchema, profile),
    retry: false,
    onSuccess: () => client.invalidateQueries({ queryKey: progressKey }),
  })

export const joinClassMutationOptions = (client: QueryClient) =>
  mutationOptions({
    mutationKey: ['join-class'],
    scope: learnerWriteScope,
    mutationFn: (code: string) => postJson('/api/progress/join', (s) => s.JoinedClassSchema, { code }),
    // Each try counts against the rate limit, as for progress codes.
    retry: false,
    onSuccess: () => client.invalidateQueries({ queryKey: progressKey }),
  })

/** Shows the lesson as completed at once; rolls back if the server finally refuses. */
export function markCompleteOptimistically(progress: Progress | undefined, lessonId: string): Progress | undefined {
  if (!progress) return progress
  return {
    ...progress,
    lessons: progress.lessons.map((l) =>
      l.lessonId === lessonId && l.status !== 'completed' ? { ...l, status: 'completed', completedAt: new Date().toISOString() } : l,
    ),
  }
}

export const completeLessonMutationOptions = (client: QueryClient) =>
  mutationOptions({
    mutationKey: ['complete-lesson'],
    scope: learnerWriteScope,
    mutationFn: (lessonId: string) => postJson('/api/progress/complete', (s) => s.LessonAckSchema, { lessonId }),
    // Paused while offline (networkMode "online"), then retried with backoff: a click is never lost.
    retry: shouldRetry,
    onMutate: async (lessonId) => {
      await client.cancelQueries({ queryKey: progressKey })
      const previous = client.getQueryData<Progress>(progressKey)
      client.setQueryData<Progress>(progressKey, (p) => markCompleteOptimistically(p, lessonId))
      return { previous }
    },
    onError: (_error, _lessonId, result) => {
      if (result?.previous) client.setQueryData(progressKey, result.previous)
    },
    onSettled: () => client.invalidateQueries({ queryKey: progressKey }),
  })

export const visitLessonMutationOptions = (client: QueryClient) =>
  mutationOptions({
    mutationKey: ['visit-lesson'],
    scope: learnerWriteScope,
    mutationFn: (lessonId: string) => postJson('/api/progress/visit', (s) => s.LessonAckSchema, { lessonId }),
    retry: shouldRetry,
    onSettled: () => client.invalidateQueries({ queryKey: progressKey }),
  })

export const claimCodeMutationOptions = (client: QueryClient) =>
  mutationOptions({
    mutationKey: ['claim-code'],
    scope: learnerWriteScope,
    mutationFn: (code: string) => postJson('/api/progress/claim', (s) => s.ClaimAckSchema, { code }),
    // Each try counts against the 5-a-minute limit, so never retry on the learner's behalf.
    retry: false,
    onSuccess: () => client.invalidateQueries(),
  })

export const importRecordMutationOptions = (client: QueryClient) =>
  mutationOptions({
    mutationKey: ['import-record'],
    scope: learnerWriteScope,
    mutationFn: (record: unknown) => postJson('/api/progress/import', (s) => s.ImportSummarySchema, record),
    retry: false,
    // A fresh browser may now be another learner (the record's own): everything it shows is read again.
    onSuccess: () => client.invalidateQueries(),
  })

export const adminLoginMutationOptions = () =>
  mutationOptions({
    mutationKey: ['admin-login'],
    mutationFn: (token: string) => postJson('/api/instructor/login', (s) => s.SignedInSchema, { token }),
    retry: false,
  })
