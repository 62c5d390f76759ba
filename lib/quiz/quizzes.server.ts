// Server side of quizzes: reading the files (with their keys) and the public view pages render.
// Only route handlers and server components import this; client components get a PublicQuiz as a prop.
import 'server-only'
import { loadQuiz } from './load.server'
import { toPublicQuiz, type PublicQuiz } from './public-view'
import type { Quiz } from './schema'

export function getQuiz(id: string): Quiz | null {
  return loadQuiz(id)
}

/** The quiz as the browser may see it before an attempt, or null when there is no such quiz. */
export function getPublicQuiz(id: string): PublicQuiz | null {
  const quiz = loadQuiz(id)
  return quiz && toPublicQuiz(quiz)
}
