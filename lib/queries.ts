// TanStack Query options for the progress API: one queryOptions per resource, and the mutations
// that change it. Every response is parsed with the zod schemas in lib/schemas.ts before a
// component sees it, and a failed request becomes an ApiRequestError carrying the server's message.
import { mutationOptions, queryOptions, type QueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import {
  ApiErrorSchema,
  ClaimAckSchema,
  GradebookSchema,
  ImportSummarySchema,
  LessonAckSchema,
  ProgressSchema,
  SignedInSchema,
  type Progress,
} from './schemas'

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

async function requestJson<T>(url: string, schema: z.ZodType<T>, init?: RequestInit): Promise<T> {
  const res = await fetch(url, { credentials: 'same-origin', ...init })
  const body: unknown = await res.json().catch(() => undefined)
  if (!res.ok) {
    const parsed = ApiErrorSchema.safeParse(body)
    if (parsed.success) throw new ApiRequestError(parsed.data.error.message, res.status, parsed.data.error.code)
    throw new ApiRequestError(`The server answered ${res.status} ${res.statusText}.`, res.status)
  }
  const parsed = schema.safeParse(body)
  if (!parsed.success) throw new ApiRequestError(`The server sent an unexpected answer from ${url}.`, res.status)
  return parsed.data
}

const postJson = <T>(url: string, schema: z.ZodType<T>, body: unknown) =>
  requestJson(url, schema, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })

/** A 4xx is the request's fault and will fail the same way again; retry only network errors and 5xx. */
export function shouldRetry(failureCount: number, error: Error): boolean {
  if (error instanceof ApiRequestError && error.status >= 400 && error.status < 500) return false
  return failureCount < 3
}

export const progressKey = ['progress'] as const

export const progressQueryOptions = () =>
  queryOptions({ queryKey: progressKey, queryFn: () => requestJson('/api/progress', ProgressSchema), retry: shouldRetry })

export const gradebookQueryOptions = () =>
  queryOptions({ queryKey: ['gradebook'], queryFn: () => requestJson('/api/instructor/gradebook', GradebookSchema), retry: shouldRetry })

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
    mutationFn: async (lessonId: string) => {
      // The learner cookie comes with the first progress read; waiting for it avoids minting two learners.
      await client.ensureQueryData(progressQueryOptions())
      return postJson('/api/progress/complete', LessonAckSchema, { lessonId })
    },
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
    mutationFn: async (lessonId: string) => {
      await client.ensureQueryData(progressQueryOptions())
      return postJson('/api/progress/visit', LessonAckSchema, { lessonId })
    },
    retry: shouldRetry,
    onSettled: () => client.invalidateQueries({ queryKey: progressKey }),
  })

export const claimCodeMutationOptions = (client: QueryClient) =>
  mutationOptions({
    mutationKey: ['claim-code'],
    mutationFn: (code: string) => postJson('/api/progress/claim', ClaimAckSchema, { code }),
    // Each try counts against the 5-a-minute limit, so never retry on the learner's behalf.
    retry: false,
    onSuccess: () => client.invalidateQueries(),
  })

export const importRecordMutationOptions = (client: QueryClient) =>
  mutationOptions({
    mutationKey: ['import-record'],
    mutationFn: (record: unknown) => postJson('/api/progress/import', ImportSummarySchema, record),
    retry: false,
    onSuccess: () => client.invalidateQueries({ queryKey: progressKey }),
  })

export const adminLoginMutationOptions = () =>
  mutationOptions({
    mutationKey: ['admin-login'],
    mutationFn: (token: string) => postJson('/api/instructor/login', SignedInSchema, { token }),
    retry: false,
  })
