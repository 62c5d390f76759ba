import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiRequestError, shouldRetry } from '../api/request-error'
import { inLearnerWriteQueue, parseProgressSummary, postLessonWrite } from './light-client'

const record = {
  progressCode: 'ABCD-EFGH-JKMN',
  lessons: [
    { lessonId: 'intro', title: 'Intro', status: 'visited', visits: 1 },
    { lessonId: 'bridge', title: 'Bridge', status: 'completed', visits: 1 },
  ],
  course: { grade: 0.5, percentComplete: 50 },
}

describe('the lesson page light progress client', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('reads each lesson status and the course percentage out of a progress record', () => {
    expect(parseProgressSummary(record)).toEqual({ percentComplete: 50, lessons: { intro: 'visited', bridge: 'completed' } })
  })

  it.each([
    ['not an object', 'x'],
    ['no course', { lessons: [] }],
    ['a percentage that is not a number', { ...record, course: { percentComplete: '50' } }],
    ['an unknown status', { ...record, lessons: [{ lessonId: 'intro', status: 'done' }] }],
    ['a lesson without an id', { ...record, lessons: [{ status: 'visited' }] }],
  ])('answers null for %s', (_name, body) => {
    expect(parseProgressSummary(body)).toBeNull()
  })

  it('retries a dropped request or a 5xx three times, never a 4xx', () => {
    expect(shouldRetry(0, new TypeError('Failed to fetch'))).toBe(true)
    expect(shouldRetry(2, new ApiRequestError('boom', 503))).toBe(true)
    expect(shouldRetry(3, new ApiRequestError('boom', 503))).toBe(false)
    expect(shouldRetry(0, new ApiRequestError('no such lesson', 404))).toBe(false)
  })

  it('a refused write carries the server message', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ error: { code: 'not-found', message: 'There is no lesson "x".' } }), { status: 404 })))
    await expect(postLessonWrite('visit', 'x')).rejects.toMatchObject({ message: 'There is no lesson "x".', status: 404 })
  })

  it('queued writes run one at a time, in order, and a failed one does not stop the next', async () => {
    const events: string[] = []
    let release = () => {}
    const first = inLearnerWriteQueue(async () => {
      events.push('first sent')
      await new Promise<void>((resolve) => (release = resolve))
      events.push('first answered')
      throw new Error('refused')
    })
    const second = inLearnerWriteQueue(async () => {
      events.push('second sent')
    })
    await new Promise((r) => setTimeout(r, 10))
    expect(events).toEqual(['first sent'])
    release()
    await expect(first).rejects.toThrow('refused')
    await second
    expect(events).toEqual(['first sent', 'first answered', 'second sent'])
  })
})
