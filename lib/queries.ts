// TanStack Query options for the course's API: one queryOptions per resource, and the mutations that change it
// (progress, challenge attempts, hints and the reference solution, quiz attempts, the instructor's classes). Every
// request goes through requestJson: the response is parsed with zod before a component sees it, a failed request
// becomes an ApiRequestError carrying the server's message, and shouldRetry/retryDroppedOnce are the retry rules.
//
// The schemas (and zod with them) are imported when a request is made, not when a page loads: every lesson page
// renders these hooks, and a static import would put zod's ~30 kB (gzipped) into each page's first-load JavaScript
// (issue 2's budget is 150 kB). The schema chunk downloads while the first request is in flight.
//
// A lesson page's own progress (the visit, the sidebar, "Mark complete") does not come through here: it uses the
// plain requests of lib/progress/light-client.ts, so a lesson that loads and sits fetches neither zod nor TanStack
// Query (issue 14). Both paths share the tab's one queue of writes to the learner's record (learnerWrite below).
import { mutationOptions, queryOptions, type QueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import type { ChallengeAttemptResponse, HintLadderView } from './challenges/response-schema'
import type { ChallengeAttemptBody } from './challenges/schema'
import { ApiRequestError, shouldRetry } from './api/request-error'
import { inLearnerWriteQueue } from './progress/light-client'
import type { AttemptResponse } from './quiz/response-schema'

type Schemas = typeof import('./schemas')
/** Loads the response schema on demand; `fromSchemas` picks one out of lib/schemas.ts. */
type LoadSchema<T> = () => Promise<z.ZodType<T>>
const fromSchemas =
  <T>(pick: (schemas: Schemas) => z.ZodType<T>): LoadSchema<T> =>
  () =>
    import('./schemas').then(pick)
const fromChallengeSchemas =
  <T>(pick: (schemas: typeof import('./challenges/response-schema')) => z.ZodType<T>): LoadSchema<T> =>
  () =>
    import('./challenges/response-schema').then(pick)

export { ApiRequestError, shouldRetry }

/** What a learner reads when the server's answer carries no message of its own, or cannot be read. */
type Wording = { status: (res: Response) => string; unreadable: (url: string) => string }
const PLAIN: Wording = {
  status: (res) => `The server answered ${res.status} ${res.statusText}.`,
  unreadable: (url) => `The server sent an unexpected answer from ${url}.`,
}
/** The challenge and quiz islands' wording, which learners see beside "Could not check your setup:". */
const islandWording = (what: 'an answer' | 'a result' | 'a grade'): Wording => ({
  status: (res) => `The server answered ${res.status}; try again in a moment.`,
  unreadable: () => `The server sent ${what} this page cannot read; reload the page and try again.`,
})

async function requestJson<T>(url: string, schema: LoadSchema<T>, init?: RequestInit, wording: Wording = PLAIN): Promise<T> {
  const [res, schemas, pick] = await Promise.all([fetch(url, { credentials: 'same-origin', ...init }), import('./schemas'), schema()])
  const body: unknown = await res.json().catch(() => undefined)
  if (!res.ok) {
    const parsed = schemas.ApiErrorSchema.safeParse(body)
    if (parsed.success) throw new ApiRequestError(parsed.data.error.message, res.status, parsed.data.error.code)
    throw new ApiRequestError(wording.status(res), res.status)
  }
  const parsed = pick.safeParse(body)
  if (!parsed.success) throw new ApiRequestError(wording.unreadable(url), res.status)
  return parsed.data
}

const postJson = <T>(url: string, schema: LoadSchema<T>, body?: unknown, wording?: Wording) =>
  requestJson(
    url,
    schema,
    body === undefined
      ? { method: 'POST' }
      : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
    wording,
  )

/**
 * For graded attempts: an attempt the server answered, even with a 5xx, may be recorded, so only one that never
 * arrived (fetch rejects with a TypeError when the connection drops) is sent again, and once.
 */
export function retryDroppedOnce(failureCount: number, error: Error): boolean {
  return failureCount < 1 && error instanceof TypeError
}

export const progressKey = ['progress'] as const

/**
 * Every write to the learner's record runs in this one mutation scope, so a browser sends them one at a time. A
 * visitor has no learner until the first write (reads store nothing); two writes in flight at once would each mint
 * a learner, and the cookie of the second would orphan the first's work (a lesson visit racing "Mark complete").
 */
export const learnerWriteScope = { id: 'learner-record' } as const

/**
 * What every write to the learner's record carries: its TanStack scope, and a mutationFn that waits its turn in the
 * tab's one write queue. TanStack's scope orders its own mutations; the lesson page's visit and "Mark complete" are
 * plain requests sent before TanStack Query loads (lib/progress/light-client.ts), so the queue orders those too: a
 * quiz attempt sent while the visit is in flight waits for the visit's answer (and its cookie).
 */
const learnerWrite = <A extends unknown[], T>(write: (...args: A) => Promise<T>) => ({
  scope: learnerWriteScope,
  mutationFn: (...args: A): Promise<T> => inLearnerWriteQueue(() => write(...args)),
})

export const progressQueryOptions = () =>
  queryOptions({ queryKey: progressKey, queryFn: () => requestJson('/api/progress', fromSchemas((s) => s.ProgressSchema)), retry: shouldRetry })

/** The gradebook of every learner, or of one class's members. */
export const gradebookQueryOptions = (classId?: string) =>
  queryOptions({
    queryKey: ['gradebook', classId ?? 'all'],
    queryFn: () =>
      requestJson(`/api/instructor/gradebook${classId ? `?class=${encodeURIComponent(classId)}` : ''}`, fromSchemas((s) => s.GradebookSchema)),
    retry: shouldRetry,
  })

export const classesQueryOptions = () =>
  queryOptions({ queryKey: ['classes'], queryFn: () => requestJson('/api/instructor/classes', fromSchemas((s) => s.ClassListSchema)), retry: shouldRetry })

export const createClassMutationOptions = (client: QueryClient) =>
  mutationOptions({
    mutationKey: ['create-class'],
    mutationFn: (name: string) => postJson('/api/instructor/classes', fromSchemas((s) => s.ClassSummarySchema), { name }),
    retry: false,
    onSuccess: () => client.invalidateQueries({ queryKey: ['classes'] }),
  })

export const profileMutationOptions = (client: QueryClient) =>
  mutationOptions({
    mutationKey: ['profile'],
    ...learnerWrite((profile: { displayName: string; studentId: string }) => postJson('/api/progress/profile', fromSchemas((s) => s.ProfileSchema), profile)),
    retry: false,
    onSuccess: () => client.invalidateQueries({ queryKey: progressKey }),
  })

export const joinClassMutationOptions = (client: QueryClient) =>
  mutationOptions({
    mutationKey: ['join-class'],
    ...learnerWrite((code: string) => postJson('/api/progress/join', fromSchemas((s) => s.JoinedClassSchema), { code })),
    // Each try counts against the rate limit, as for progress codes.
    retry: false,
    onSuccess: () => client.invalidateQueries({ queryKey: progressKey }),
  })

export const claimCodeMutationOptions = (client: QueryClient) =>
  mutationOptions({
    mutationKey: ['claim-code'],
    ...learnerWrite((code: string) => postJson('/api/progress/claim', fromSchemas((s) => s.ClaimAckSchema), { code })),
    // Each try counts against the 5-a-minute limit, so never retry on the learner's behalf.
    retry: false,
    onSuccess: () => client.invalidateQueries(),
  })

export const importRecordMutationOptions = (client: QueryClient) =>
  mutationOptions({
    mutationKey: ['import-record'],
    ...learnerWrite((record: unknown) => postJson('/api/progress/import', fromSchemas((s) => s.ImportSummarySchema), record)),
    retry: false,
    // A fresh browser may now be another learner (the record's own): everything it shows is read again.
    onSuccess: () => client.invalidateQueries(),
  })

export const adminLoginMutationOptions = () =>
  mutationOptions({
    mutationKey: ['admin-login'],
    mutationFn: (token: string) => postJson('/api/instructor/login', fromSchemas((s) => s.SignedInSchema), { token }),
    retry: false,
  })

// A challenge's hint ladder, reference solution and graded attempts (lib/challenges/response-schema.ts). The server
// records every rung, reference and attempt in the learner's record, so each write runs in learnerWriteScope.
const challengeUrl = (challengeId: string, what: 'hints' | 'reference' | 'attempts') =>
  `/api/challenges/${encodeURIComponent(challengeId)}/${what}`
const hintLadder = fromChallengeSchemas((s) => s.HintLadderSchema)

export const challengeHintsKey = (challengeId: string) => ['challenge-hints', challengeId] as const

/** The hint rungs already shown to this learner (after a reload). */
export const challengeHintsQueryOptions = (challengeId: string) =>
  queryOptions({
    queryKey: challengeHintsKey(challengeId),
    queryFn: () => requestJson(challengeUrl(challengeId, 'hints'), hintLadder, undefined, islandWording('an answer')),
    staleTime: Infinity,
    retry: shouldRetry,
  })

/** Asks the server for the next rung; it records it and answers with every rung shown so far. */
export const nextHintMutationOptions = (client: QueryClient, challengeId: string) =>
  mutationOptions({
    mutationKey: ['challenge-hint', challengeId],
    ...learnerWrite(() => postJson(challengeUrl(challengeId, 'hints'), hintLadder, undefined, islandWording('an answer'))),
    // Each rung is counted against a later pass: one click asks once.
    retry: false,
    onSuccess: (ladder: HintLadderView) => client.setQueryData(challengeHintsKey(challengeId), ladder),
  })

/** Asks for the reference solution; the server records it (a later pass is capped). */
export const referenceMutationOptions = (challengeId: string) =>
  mutationOptions({
    mutationKey: ['challenge-reference', challengeId],
    ...learnerWrite(() =>
      postJson(challengeUrl(challengeId, 'reference'), fromChallengeSchemas((s) => s.ReferenceResponseSchema), undefined, islandWording('an answer'))),
    retry: false,
  })

/** "Check my setup": the server replays the commands, grades them and records the attempt. */
export const challengeAttemptMutationOptions = (client: QueryClient, challengeId: string) =>
  mutationOptions({
    mutationKey: ['challenge-attempt', challengeId],
    ...learnerWrite((body: ChallengeAttemptBody): Promise<ChallengeAttemptResponse> =>
      postJson(challengeUrl(challengeId, 'attempts'), fromChallengeSchemas((s) => s.ChallengeAttemptResponseSchema), body, islandWording('a result'))),
    retry: retryDroppedOnce,
    // The attempt is in the learner's record now: the sidebar and /progress read it again.
    onSuccess: () => client.invalidateQueries({ queryKey: progressKey }),
  })

/** Sends one quiz attempt; the server grades it and records it (lib/quiz/response-schema.ts parses the grade). */
export const quizAttemptMutationOptions = (client: QueryClient, quizId: string) =>
  mutationOptions({
    mutationKey: ['quiz-attempt', quizId],
    ...learnerWrite((answers: Record<string, unknown>): Promise<AttemptResponse> =>
      postJson(
        `/api/quizzes/${encodeURIComponent(quizId)}/attempts`,
        () => import('./quiz/response-schema').then((s) => s.AttemptResponseSchema),
        { answers },
        islandWording('a grade'),
      )),
    retry: retryDroppedOnce,
    // The attempt changed the learner's record: the sidebar badge and /progress read it again.
    onSuccess: () => client.invalidateQueries({ queryKey: progressKey }),
  })
