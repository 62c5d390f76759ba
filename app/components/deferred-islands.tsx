'use client'
// The lesson page's islands that talk to the progress API. Their code, TanStack Query with it, loads after the page
// hydrates (see deferred.tsx); each renders inside the tab's one QueryClient.
import { deferred, withQueryClient } from './deferred'

const sidebar = () => import('./progress-sidebar')

export const SidebarProgress = deferred(withQueryClient(() => sidebar().then((m) => m.SidebarProgress)))
export const LessonProgressBadge = deferred(withQueryClient(() => sidebar().then((m) => m.LessonProgressBadge)))
export const ProgressVisit = deferred(withQueryClient(() => import('./progress-visit').then((m) => m.ProgressVisit)))
export const ProgressCompleteButton = deferred(
  withQueryClient(() => import('./progress-complete-button').then((m) => m.ProgressCompleteButton)),
  { failure: <p className="mt-10 text-sm">Could not load the completion button. Reload the page to mark this lesson complete.</p> },
)
export const Quiz = deferred(withQueryClient(() => import('./quiz').then((m) => m.Quiz)), {
  loading: ({ quiz }) => (
    <p id={`quiz-${quiz.id}`} className="my-8 text-slate-600 dark:text-slate-400">
      Loading the quiz…
    </p>
  ),
  failure: (
    <p role="alert" className="my-8 rounded-lg border border-red-300 p-4 text-red-800 dark:border-red-800 dark:text-red-300">
      The quiz could not be loaded; the connection may have dropped. Reload the page to try again.
    </p>
  ),
})
