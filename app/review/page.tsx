import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { ReviewQuiz } from '@/app/components/deferred-islands'
import { getPublicQuiz } from '@/lib/quiz/quizzes.server'

// The root layout's title template adds " · Packet Path".
export const metadata: Metadata = { title: 'Review questions' }

// The four review questions of the chapter (content/quizzes/review.json, ids review-q1 … review-q4). Each answer
// is graded on the server by the rubric grader and stored in the learner's record; the best attempt counts. The quiz
// is server-rendered and its answers can be typed at once; its code loads when the learner first touches it.
export default function ReviewPage() {
  const quiz = getPublicQuiz('review')
  if (!quiz) notFound()
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-8">
      <h1 className="text-3xl font-bold">Review questions</h1>
      <p className="mt-2">
        Check whether you understood the chapter: answer in your own words, then read the feedback. It names what is
        missing or wrong and the lesson section to read again.
      </p>
      <ReviewQuiz quiz={quiz} />
    </main>
  )
}
