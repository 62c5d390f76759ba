import { QueryClient } from '@tanstack/react-query'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  ApiRequestError,
  challengeAttemptMutationOptions,
  challengeHintsQueryOptions,
  learnerWriteScope,
  nextHintMutationOptions,
  progressQueryOptions,
  progressKey,
  quizAttemptMutationOptions,
  referenceMutationOptions,
  retryDroppedOnce,
  shouldRetry,
} from './queries'
import { postLessonWrite } from './progress/light-client'
import type { Progress } from './schemas'

const progress: Progress = {
  progressCode: 'ABCD-EFGH-JKMN',
  profile: { displayName: null, studentId: null },
  classes: [],
  lessons: [
    { lessonId: 'intro', title: 'Intro', status: 'visited', visits: 1, completedAt: null, score: 0, items: [] },
    { lessonId: 'bridge', title: 'Bridge', status: 'completed', visits: 1, completedAt: '2026-01-01T00:00:00.000Z', score: 1, items: [] },
  ],
  attempts: [],
  course: { grade: 0.5, percentComplete: 50, requiredDone: 1, requiredTotal: 2, completed: false },
}

describe('queries', () => {
  it.each([
    [new TypeError('Failed to fetch'), 0, true],
    [new ApiRequestError('boom', 503), 2, true],
    [new ApiRequestError('boom', 503), 3, false],
    [new ApiRequestError('unknown lesson', 404), 0, false],
    [new ApiRequestError('slow down', 429), 0, false],
  ])('retries %s after %i failures: %s', (error, failures, expected) => {
    expect(shouldRetry(failures, error)).toBe(expected)
  })

  it.each([
    [new TypeError('Failed to fetch'), 0, true],
    [new TypeError('Failed to fetch'), 1, false],
    [new ApiRequestError('boom', 503), 0, false],
    [new ApiRequestError('bad commands', 400), 0, false],
  ])('a graded attempt retries %s after %i failures: %s', (error, failures, expected) => {
    expect(retryDroppedOnce(failures, error)).toBe(expected)
  })
})

// The schemas load at call time (zod stays out of the page's first load); the parse still happens before the cache
// or any component sees the body.
describe('requests parse the response with the lazily loaded schema', () => {
  afterEach(() => vi.unstubAllGlobals())
  const answer = (status: number, body: unknown) => vi.fn(async () => new Response(JSON.stringify(body), { status }))

  it('a well-formed body reaches the cache parsed', async () => {
    vi.stubGlobal('fetch', answer(200, { ...progress, extra: 'dropped' }))
    const data = await new QueryClient().fetchQuery(progressQueryOptions())
    expect(data).toEqual(progress)
    expect(progressKey).toEqual(['progress'])
  })

  it('a malformed body and an error body become ApiRequestErrors', async () => {
    vi.stubGlobal('fetch', answer(200, { lessons: 'nope' }))
    await expect(new QueryClient().fetchQuery({ ...progressQueryOptions(), retry: false })).rejects.toThrow(/unexpected answer from \/api\/progress/)
    vi.stubGlobal('fetch', answer(404, { error: { code: 'unknown-lesson', message: 'There is no lesson "x".' } }))
    await expect(new QueryClient().fetchQuery({ ...progressQueryOptions(), retry: false })).rejects.toMatchObject({ status: 404, code: 'unknown-lesson', message: 'There is no lesson "x".' })
  })
})

// A visitor has no learner until its first write; a lesson visit and "Mark complete" in flight together would mint
// two learners and the second cookie would orphan the completion (seen behind the two-instance proxy).
describe('writes to the learner record go one at a time', () => {
  afterEach(() => vi.unstubAllGlobals())

  // The visit is a plain request sent before TanStack Query loads (lib/progress/light-client.ts); a quiz attempt
  // sent through TanStack while it is in flight must still wait for its answer.
  it('a quiz attempt sent while the lesson visit is in flight waits for the visit to answer', async () => {
    const sent: string[] = []
    const answers: (() => void)[] = []
    vi.stubGlobal('fetch', vi.fn((url: string) => {
      sent.push(url)
      return new Promise<Response>((resolve) => answers.push(() => resolve(new Response(JSON.stringify({ lessonId: 'intro' }), { status: 200 }))))
    }))
    const client = new QueryClient()
    const visit = postLessonWrite('visit', 'intro')
    const attempt = client.getMutationCache().build(client, quizAttemptMutationOptions(client, 'q') as never).execute({ a: 1 } as never)
    await vi.waitFor(() => expect(sent).toEqual(['/api/progress/visit']))
    await new Promise((r) => setTimeout(r, 20))
    expect(sent).toEqual(['/api/progress/visit'])
    answers.shift()?.()
    await vi.waitFor(() => expect(sent).toEqual(['/api/progress/visit', '/api/quizzes/q/attempts']))
    answers.shift()?.()
    await visit
    await attempt.catch(() => undefined)
  })
})

// Challenge and quiz requests share requestJson, ApiRequestError and the retry rules; learners keep the wording the
// islands always showed.
describe('challenge and quiz requests', () => {
  afterEach(() => vi.unstubAllGlobals())
  const answer = (status: number, body: unknown) => vi.fn(async (_url: string, _init?: RequestInit) => new Response(JSON.stringify(body), { status }))
  const client = new QueryClient()
  const run = <V>(options: object, variables: V) => client.getMutationCache().build(client, options as never).execute(variables as never)
  const ladder = { hints: [{ level: 'nudge', text: 'Look at -p.' }], total: 3, referenceSeen: false, hintCost: 0.1, referenceCap: 0.5 }

  it('every write to the learner record runs in the one write scope, and a 4xx is never sent twice', () => {
    for (const options of [
      challengeAttemptMutationOptions(client, 'c'),
      nextHintMutationOptions(client, 'c'),
      referenceMutationOptions('c'),
      quizAttemptMutationOptions(client, 'q'),
    ]) {
      expect(options.scope).toBe(learnerWriteScope)
      const retry = options.retry
      expect(typeof retry === 'function' ? retry(0, new ApiRequestError('no', 400)) : retry).toBe(false)
    }
    expect(challengeAttemptMutationOptions(client, 'c').retry).toBe(retryDroppedOnce)
    expect(quizAttemptMutationOptions(client, 'q').retry).toBe(retryDroppedOnce)
  })

  it('the hint ladder is read and the next rung posted to the challenge, parsed before the cache sees it', async () => {
    const fetch = answer(200, { ...ladder, extra: 1 })
    vi.stubGlobal('fetch', fetch)
    expect(await new QueryClient().fetchQuery(challengeHintsQueryOptions('a b'))).toEqual(ladder)
    expect(fetch.mock.calls[0]?.[0]).toBe('/api/challenges/a%20b/hints')
    const c = new QueryClient()
    await run(nextHintMutationOptions(c, 'a b'), undefined)
    expect(fetch.mock.calls[1]?.[1]?.method).toBe('POST')
    expect(c.getQueryData(challengeHintsQueryOptions('a b').queryKey)).toEqual(ladder)
  })

  it.each([
    ['challenge attempt', () => run(challengeAttemptMutationOptions(client, 'c'), { commands: [] }), 'The server sent a result this page cannot read; reload the page and try again.'],
    ['quiz attempt', () => run(quizAttemptMutationOptions(client, 'q'), {}), 'The server sent a grade this page cannot read; reload the page and try again.'],
    ['hint', () => run(nextHintMutationOptions(client, 'c'), undefined), 'The server sent an answer this page cannot read; reload the page and try again.'],
    ['reference', () => run(referenceMutationOptions('c'), undefined), 'The server sent an answer this page cannot read; reload the page and try again.'],
  ])("a %s: the server's message, else the islands' wording", async (_what, send, unreadable) => {
    vi.stubGlobal('fetch', answer(200, { nope: true }))
    await expect(send()).rejects.toThrow(unreadable)
    vi.stubGlobal('fetch', answer(502, 'Bad gateway'))
    await expect(send()).rejects.toMatchObject({ name: 'ApiRequestError', status: 502, message: 'The server answered 502; try again in a moment.' })
    vi.stubGlobal('fetch', answer(409, { error: { code: 'conflict', message: 'Reload the page: this quiz changed.' } }))
    await expect(send()).rejects.toMatchObject({ status: 409, code: 'conflict', message: 'Reload the page: this quiz changed.' })
  })

  it('a quiz attempt sends the answers and a dropped connection once more', async () => {
    const grade = { quizId: 'q' }
    let calls = 0
    vi.stubGlobal('fetch', vi.fn(async (_url: string, init?: RequestInit) => {
      calls += 1
      if (calls === 1) throw new TypeError('Failed to fetch')
      expect(JSON.parse(String(init?.body))).toEqual({ answers: { q1: { optionId: 'a' } } })
      return new Response(JSON.stringify(grade), { status: 200 })
    }))
    const options = { ...quizAttemptMutationOptions(client, 'q'), retryDelay: 0 }
    await expect(run(options, { q1: { optionId: 'a' } })).rejects.toThrow(/grade this page cannot read/)
    expect(calls).toBe(2)
  })
})
