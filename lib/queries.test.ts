import { QueryClient } from '@tanstack/react-query'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiRequestError, completeLessonMutationOptions, markCompleteOptimistically, progressQueryOptions, progressKey, shouldRetry, visitLessonMutationOptions } from './queries'
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
  it('marks only the clicked lesson complete, without touching the others or the input', () => {
    const next = markCompleteOptimistically(progress, 'intro')
    expect(next?.lessons[0]?.status).toBe('completed')
    expect(next?.lessons[1]).toBe(progress.lessons[1])
    expect(progress.lessons[0]?.status).toBe('visited')
    expect(markCompleteOptimistically(undefined, 'intro')).toBeUndefined()
  })

  it.each([
    [new TypeError('Failed to fetch'), 0, true],
    [new ApiRequestError('boom', 503), 2, true],
    [new ApiRequestError('boom', 503), 3, false],
    [new ApiRequestError('unknown lesson', 404), 0, false],
    [new ApiRequestError('slow down', 429), 0, false],
  ])('retries %s after %i failures: %s', (error, failures, expected) => {
    expect(shouldRetry(failures, error)).toBe(expected)
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

  it('a completion sent while the visit is in flight waits for the visit to answer', async () => {
    const sent: string[] = []
    const answers: (() => void)[] = []
    vi.stubGlobal('fetch', vi.fn((url: string) => {
      sent.push(url)
      return new Promise<Response>((resolve) => answers.push(() => resolve(new Response(JSON.stringify({ lessonId: 'intro' }), { status: 200 }))))
    }))
    const client = new QueryClient()
    const run = <V>(options: { mutationFn?: unknown }, variables: V) =>
      client.getMutationCache().build(client, options as never).execute(variables as never)
    const visit = run(visitLessonMutationOptions(client), 'intro')
    const complete = run(completeLessonMutationOptions(client), 'intro')
    await vi.waitFor(() => expect(sent).toEqual(['/api/progress/visit']))
    await new Promise((r) => setTimeout(r, 20))
    expect(sent).toEqual(['/api/progress/visit'])
    answers.shift()?.()
    await vi.waitFor(() => expect(sent).toEqual(['/api/progress/visit', '/api/progress/complete']))
    answers.shift()?.()
    await Promise.all([visit, complete])
  })
})
