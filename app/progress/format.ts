// Display helpers for the progress and instructor pages.
import type { AttemptKind, LessonStatus } from '@/lib/schemas'

export function formatPercent(score: number | null | undefined): string {
  return score === null || score === undefined ? '–' : `${Math.round(score * 100)}%`
}

export const STATUS_TEXT: Record<LessonStatus, string> = {
  completed: 'Completed',
  visited: 'Started',
  'not-started': 'Not started',
}

export function formatWhen(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })
}

export function formatTries(count: number): string {
  return count === 1 ? '1 try' : `${count} tries`
}

/** What came with an item's counted score, in words: " (after the reference solution, 2 hints)". Empty when nothing. */
export function formatHelp(item: { hintsUsed: number | null; referenceSeen: boolean; imported: boolean; earlierVersion: boolean }): string {
  const parts = [
    item.referenceSeen ? 'after the reference solution' : null,
    item.hintsUsed ? `after ${item.hintsUsed} hint${item.hintsUsed === 1 ? '' : 's'}` : null,
    item.imported ? 'imported' : null,
    item.earlierVersion ? 'graded on an earlier version' : null,
  ].filter((p) => p !== null)
  return parts.length > 0 ? ` (${parts.join(', ')})` : ''
}

export const KIND_TEXT: Record<AttemptKind, string> = { challenge: 'Challenge', quiz: 'Quiz' }

/**
 * Where a challenge or quiz sits: its lesson page, at the heading its embed renders (`challenge-<id>` in
 * app/components/sim/challenge.tsx, `quiz-<id>` in app/components/quiz.tsx). progress/grading.test.ts checks that
 * every graded item is embedded in the lesson that grades it.
 */
export function itemHref(lessonId: string, kind: AttemptKind, id: string): string {
  return `/lessons/${lessonId}#${kind}-${id}`
}
