'use client'
// The lesson page's islands that load TanStack Query with their code: the quizzes. Each waits for a gate (issue 14):
// on a lesson until it is touched, or comes near the viewport once the learner has begun to use the page; on /review,
// where it is the page, until it is touched. The lesson's own progress (the visit, the sidebar, "Mark complete") needs
// no island: it is plain requests (progress-store.ts).
import type { PublicQuiz } from '@/lib/quiz/public-view'
import { deferred, withQueryClient } from './deferred'

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
