// Display helpers for the progress and instructor pages.
import type { LessonStatus } from '@/lib/schemas'

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
