// The lesson page's progress requests before TanStack Query has loaded (issue 14: a lesson that loads and sits
// fetches no more than a static page's script). The visit, the progress the sidebar shows and "Mark complete" go
// through plain fetch and a small hand-written check of the answer, so neither zod nor TanStack Query is in a
// lesson's first load; the islands a learner touches (quizzes, challenges) still use lib/queries.ts.
//
// Every write to the learner's record, from here or from a TanStack mutation (lib/queries.ts wraps each one), runs in
// the tab's one write queue: a visitor has no learner until the first write, and two writes in flight at once would
// each mint a learner (a lesson visit racing "Mark complete", see learnerWriteScope in lib/queries.ts).
import { ApiRequestError } from '../api/request-error'
import type { LessonStatus } from '../schemas'

let tail: Promise<unknown> = Promise.resolve()

/** Runs `write` after every write queued before it has been answered (or has failed). */
export function inLearnerWriteQueue<T>(write: () => Promise<T>): Promise<T> {
  const run = tail.then(write)
  tail = run.catch(() => undefined)
  return run
}

/** What the lesson page shows of the record: each lesson's status and the course percentage. */
export type ProgressSummary = { percentComplete: number; lessons: Readonly<Record<string, LessonStatus>> }

const STATUSES: readonly string[] = ['completed', 'visited', 'not-started'] satisfies LessonStatus[]
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Reads the summary out of GET /api/progress's answer, or null when the answer is not a progress record. */
export function parseProgressSummary(body: unknown): ProgressSummary | null {
  if (!isRecord(body) || !isRecord(body.course) || !Array.isArray(body.lessons)) return null
  const percent = body.course.percentComplete
  if (typeof percent !== 'number' || !Number.isFinite(percent)) return null
  const lessons: Record<string, LessonStatus> = {}
  for (const lesson of body.lessons) {
    if (!isRecord(lesson) || typeof lesson.lessonId !== 'string' || typeof lesson.status !== 'string' || !STATUSES.includes(lesson.status)) return null
    lessons[lesson.lessonId] = lesson.status as LessonStatus
  }
  return { percentComplete: percent, lessons }
}

/** The server's own message in an error answer ({ error: { message } }), or a plain one naming the status. */
function errorMessage(status: number, body: unknown): string {
  if (isRecord(body) && isRecord(body.error) && typeof body.error.message === 'string') return body.error.message
  return `The server answered ${status}.`
}

export async function fetchProgressSummary(): Promise<ProgressSummary> {
  const res = await fetch('/api/progress', { credentials: 'same-origin' })
  const body: unknown = await res.json().catch(() => undefined)
  if (!res.ok) throw new ApiRequestError(errorMessage(res.status, body), res.status)
  const summary = parseProgressSummary(body)
  if (summary === null) throw new ApiRequestError('The server sent an unexpected answer from /api/progress.', res.status)
  return summary
}

/**
 * POST /api/progress/visit or /complete for one lesson, in the write queue. Rejects with a TypeError when the request
 * never arrived (offline) and with an ApiRequestError when the server answered with an error.
 */
export function postLessonWrite(action: 'visit' | 'complete', lessonId: string): Promise<void> {
  return inLearnerWriteQueue(async () => {
    const res = await fetch(`/api/progress/${action}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ lessonId }),
    })
    // Read the answer even when it is not needed: until its body is read the request stays open in Chromium, and the
    // page never goes network-idle (Lighthouse and Playwright wait for that).
    const body: unknown = await res.json().catch(() => undefined)
    if (!res.ok) throw new ApiRequestError(errorMessage(res.status, body), res.status)
  })
}
