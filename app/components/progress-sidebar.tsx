'use client'
// Progress in the sidebar: the course percentage above the lesson list and a badge per lesson. Both read the lesson
// page's progress store (progress-store.ts), filled by one plain request, so the sidebar costs no zod and no TanStack
// Query (issue 14). Each badge's box is reserved in the static page (sidebar.tsx), so its arrival shifts nothing.
import Link from 'next/link'
import type { ProgressSummary } from '@/lib/progress/light-client'
import type { LessonStatus } from '@/lib/schemas'
import { useProgressSummary } from './progress-store'

const BADGE: Record<LessonStatus, { symbol: string; label: string; className: string }> = {
  completed: { symbol: '✓', label: 'completed', className: 'text-emerald-700 dark:text-emerald-400' },
  visited: { symbol: '◐', label: 'started', className: 'text-amber-700 dark:text-amber-400' },
  'not-started': { symbol: '○', label: 'not started', className: 'text-slate-500 dark:text-slate-400' },
}

export function LessonProgressBadge({ lessonId }: { lessonId: string }) {
  const status = useProgressSummary()?.lessons[lessonId]
  return status ? <BadgeView status={status} /> : null
}

export function BadgeView({ status }: { status: LessonStatus }) {
  const badge = BADGE[status]
  return (
    <span className={`inline-block w-5 text-center ${badge.className}`} title={badge.label}>
      <span aria-hidden="true">{badge.symbol}</span>
      <span className="sr-only">{badge.label}</span>
    </span>
  )
}

export function SidebarProgress() {
  return <SidebarProgressView progress={useProgressSummary()} />
}

export function SidebarProgressView({ progress: data }: { progress: ProgressSummary | undefined }) {
  const percent = data?.percentComplete ?? 0
  return (
    <div className="mb-4 px-3 text-sm">
      <div className="flex justify-between">
        {/* Not prefetched: prefetching /progress would fetch its code (TanStack Query's progress view) on every lesson
            that loads and sits (issue 14). */}
        <Link href="/progress" prefetch={false} className="font-semibold underline-offset-2 hover:underline">
          Your progress
        </Link>
        {/* A box as wide as "100%", with the text at its left edge: "…" turning into "40%" when the progress arrives
            moved this right-aligned text leftwards, a (tiny, but real) layout shift in Lighthouse's CLS. */}
        <span className="inline-block w-[5ch] tabular-nums">{data ? `${percent}%` : '…'}</span>
      </div>
      <div
        role="progressbar"
        aria-label="Course completed"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={data ? percent : undefined}
        className="mt-1 h-2 overflow-hidden rounded bg-slate-200 dark:bg-slate-800"
      >
        <div className="h-full bg-emerald-600" style={{ width: `${percent}%` }} />
      </div>
    </div>
  )
}
