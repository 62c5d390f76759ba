import { getPublicQuiz } from '@/lib/quiz/quizzes.server'
import { Quiz } from './deferred-islands'

// `<Quiz id="…"/>` in a lesson's MDX. A server component: it loads the quiz file and hands the client island only
// the public view, so no key is ever serialised into the page. A wrong id fails the (static) lesson build.
export function QuizEmbed({ id }: { id: string }) {
  const quiz = getPublicQuiz(id)
  if (!quiz) throw new Error(`<Quiz id="${id}"/>: there is no content/quizzes/${id}.json`)
  return <Quiz quiz={quiz} />
}
