'use client'
// The lesson page's islands that talk to the progress API. Their code, TanStack Query with it, loads after the page
// hydrates (see deferred.tsx); each renders inside the tab's one QueryClient. Most wait for a gate (issue 14): the
// progress summary and the visit for the learner's first interaction or an idle moment after load, a sidebar badge
// until the lesson list is on screen (behind the "Lessons" button on phones), the quiz until it comes near the
// viewport (on /review, where it is the page, until it is touched). The completion button loads right after
// hydration: once the page is there it must work offline.
import type { PublicQuiz } from '@/lib/quiz/public-view'
import { deferred, withQueryClient } from './deferred'

const sidebar = () => import('./progress-sidebar')

export const SidebarProgress = deferred(withQueryClient(() => sidebar().then((m) => m.SidebarProgress)), { when: 'soon' })
export const LessonProgressBadge = deferred(withQueryClient(() => sidebar().then((m) => m.LessonProgressBadge)), { when: 'visible', as: 'span' })
export const ProgressVisit = deferred(withQueryClient(() => import('./progress-visit').then((m) => m.ProgressVisit)), { when: 'soon' })
export const ProgressCompleteButton = deferred(
  withQueryClient(() => import('./progress-complete-button').then((m) => m.ProgressCompleteButton)),
  // Not gated: its code loads right after hydration, so a learner who reads offline after the page arrived can still
  // mark the lesson complete (the click waits for the connection). Gated, the chunk could be unfetched when offline.
  { failure: <p className="mt-10 text-sm">Could not load the completion button. Reload the page to mark this lesson complete.</p> },
)
const quizOptions = {
  loading: ({ quiz }: { quiz: PublicQuiz }) => (
    <p id={`quiz-${quiz.id}`} className="my-8 text-slate-600 dark:text-slate-400">
      Loading the quiz…
    </p>
  ),
  failure: (
    <p role="alert" className="my-8 rounded-lg border border-red-300 p-4 text-red-800 dark:border-red-800 dark:text-red-300">
      The quiz could not be loaded; the connection may have dropped. Reload the page to try again.
    </p>
  ),
}
const quiz = withQueryClient(() => import('./quiz').then((m) => m.Quiz))

export const Quiz = deferred(quiz, { ...quizOptions, when: 'near' })
/** /review's quiz: the page's first screen, so it waits for the learner to touch it (a focus in an answer box). */
export const ReviewQuiz = deferred(quiz, { ...quizOptions, when: 'touched' })
