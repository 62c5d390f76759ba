import { describe, expect, it } from 'vitest'
import { ApiRequestError, markCompleteOptimistically, shouldRetry } from './queries'
import type { Progress } from './schemas'

const progress: Progress = {
  progressCode: 'ABCD-EFGH-JKMN',
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
