import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
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
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (e) {
    throw new Error(`${file}: not valid JSON (${(e as Error).message})`, { cause: e })
  }
  const parsed = QuizSchema.safeParse(raw)
  if (!parsed.success) throw new Error(`${file}: ${formatIssues(parsed.error)}`)
  const expected = path.basename(file, '.json')
  if (parsed.data.id !== expected) {
    throw new Error(`${file}: id: "${parsed.data.id}" must equal the file name "${expected}" so links and records stay stable`)
  }
  return parsed.data
}

/** The quiz with this id, or null when there is no such file (the caller answers 404). */
export function loadQuiz(id: string, dir = quizDir()): Quiz | null {
  if (!QUIZ_ID.test(id)) return null
  const file = path.join(dir, `${id}.json`)
  if (!existsSync(file)) return null
  // Parsed once per file version: every attempt loads its item, and reading plus schema-checking the file was a
  // measurable part of an attempt's time. The modification time keeps an edited file (tests, dev) current.
  const mtimeMs = statSync(file).mtimeMs
  const cached = parsed.get(file)
  if (cached?.mtimeMs === mtimeMs) return cached.value
  const value = parseQuizJson(file, readFileSync(file, 'utf8'))
  parsed.set(file, { mtimeMs, value })
  return value
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
