import { readdirSync } from 'node:fs'
import path from 'node:path'
import { loadItemFile, parseItemJson } from '../content/item-file.server'
import { QuizSchema, formatIssues, type Quiz } from './schema'

// Reads content/quizzes/<id>.json (QUIZ_DIR overrides the folder, for tests). A bad file throws an error that
// names the file and the field, so `next build` and the tests fail loudly instead of showing a broken quiz.

const QUIZ_ID = /^[a-z0-9][a-z0-9-]*$/

// turbopackIgnore: the folder is read at run time from the app's working directory, as the lessons are; without
// the hint Turbopack traces the whole project into the server output because the path comes from the environment.
export function quizDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.QUIZ_DIR ?? path.join(process.cwd(), 'content', 'quizzes'))
}

export function parseQuizJson(file: string, text: string): Quiz {
  return parseItemJson(file, text, QuizSchema, formatIssues)
}

/** The quiz with this id, or null when there is no such file (the caller answers 404). */
export function loadQuiz(id: string, dir = quizDir()): Quiz | null {
  if (!QUIZ_ID.test(id)) return null
  const file = path.join(dir, `${id}.json`)
  return loadItemFile(file, parseQuizJson, parsed)
}

const parsed = new Map<string, { mtimeMs: number; value: Quiz }>()

export function listQuizIds(dir = quizDir()): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => path.basename(f, '.json'))
    .sort()
}

export function loadAllQuizzes(dir = quizDir()): Quiz[] {
  return listQuizIds(dir).map((id) => {
    const quiz = loadQuiz(id, dir)
    if (!quiz) throw new Error(`${path.join(dir, `${id}.json`)}: listed but could not be read`)
    return quiz
  })
}
