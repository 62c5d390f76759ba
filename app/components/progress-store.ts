// The lesson page's view of the learner's progress: one small store the sidebar badges, the course percentage and
// "Mark complete" read (issue 14). It is filled by plain requests (lib/progress/light-client.ts), so showing progress
// costs a lesson no zod and no TanStack Query; when an island that uses TanStack Query records something (a quiz or
// challenge attempt), providers.tsx asks the store to read the progress again.
import { useSyncExternalStore } from 'react'
import { shouldRetry } from '@/lib/api/request-error'
import { fetchProgressSummary, postLessonWrite, type ProgressSummary } from '@/lib/progress/light-client'

let summary: ProgressSummary | undefined
/** Bumped by every change, so a read that started before an optimistic change cannot undo it when it answers. */
let version = 0
const listeners = new Set<() => void>()

function set(next: ProgressSummary | undefined) {
  summary = next
  version += 1
  for (const listener of listeners) listener()
}

function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/**
 * The progress, or undefined until it has been read. The server rendered the static page without progress, so the
 * first render while hydrating is also without it (useSyncExternalStore's server snapshot), then the real one.
 */
export function useProgressSummary(): ProgressSummary | undefined {
  return useSyncExternalStore(
    subscribe,
    () => summary,
    () => undefined,
  )
}

/** Reads the progress again if anything on the page shows it. A failed read leaves what is shown. */
export async function refreshProgress(): Promise<void> {
  if (listeners.size === 0) return
  const started = version
  const next = await fetchProgressSummary().catch(() => undefined)
  if (next !== undefined && version === started) set(next)
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const backoff = (failures: number) => Math.min(1000 * 2 ** failures, 30_000)

/** Counts one visit of the lesson (retried like a query), then reads the progress that now includes it. */
export async function visitLesson(lessonId: string): Promise<void> {
  for (let failures = 0; ; failures += 1) {
    try {
      await postLessonWrite('visit', lessonId)
      break
    } catch (error) {
      if (!shouldRetry(failures, error as Error)) break
      await wait(backoff(failures))
    }
  }
  await refreshProgress()
}

export type CompleteState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'offline' } | { kind: 'failed'; message: string } | { kind: 'saved' }

function online(): Promise<void> {
  if (navigator.onLine) return Promise.resolve()
  return new Promise((resolve) => window.addEventListener('online', () => resolve(), { once: true }))
}

/**
 * "Mark complete": shows the lesson completed at once, keeps the click while the browser is offline and sends it
 * when the connection is back, retries a dropped request or a 5xx, and rolls back with the server's message if the
 * server refuses. `report` hears each state.
 */
export async function completeLesson(lessonId: string, report: (state: CompleteState) => void): Promise<void> {
  const previous = summary
  if (summary !== undefined) set({ ...summary, lessons: { ...summary.lessons, [lessonId]: 'completed' } })
  for (let failures = 0; ; ) {
    if (!navigator.onLine) {
      report({ kind: 'offline' })
      await online()
    }
    report({ kind: 'saving' })
    try {
      await postLessonWrite('complete', lessonId)
      report({ kind: 'saved' })
      break
    } catch (error) {
      // A request that never arrived because the connection went away waits for it, as above, without counting.
      if (error instanceof TypeError && !navigator.onLine) continue
      if (!shouldRetry(failures, error as Error)) {
        if (previous !== undefined) set(previous)
        report({ kind: 'failed', message: error instanceof Error ? error.message : String(error) })
        return
      }
      failures += 1
      await wait(backoff(failures - 1))
    }
  }
  await refreshProgress()
}
