/**
 * Lesson content for the site: reads `content/lessons/*.mdx` (or `CONTENT_DIR`), checks each lesson, compiles the
 * MDX once per process and hands pages metadata or compiled code. Any broken lesson throws a LessonContentError
 * that names the file and the field or line, which fails `next build` (pages are generated statically).
 */
import 'server-only'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import {
  LessonContentError,
  checkLessonSet,
  checkLessonSource,
  parseFrontmatter,
  sortLessons,
  type Lesson,
  type LessonError,
  type LessonMeta,
} from './lessons'
import { compileMdx } from './mdx.server'

export function contentDir(): string {
  // Read at build time only (lesson pages are static), so the bundler need not trace this folder into the output.
  return path.resolve(/*turbopackIgnore: true*/ process.env.CONTENT_DIR ?? path.join(process.cwd(), 'content', 'lessons'))
}

/** Loads, checks and compiles every lesson in `dir`, sorted by sidebar_position. Throws on any broken lesson. */
export async function loadLessons(dir: string): Promise<Lesson[]> {
  let names: string[]
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.mdx')).sort()
  } catch (error) {
    throw new Error(`Cannot read the lessons folder ${dir}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    })
  }
  const errors: LessonError[] = []
  const lessons: Lesson[] = []
  const root = process.cwd()
  for (const name of names) {
    const full = path.join(dir, name)
    const file = path.relative(root, full) || name
    const source = await readFile(full, 'utf8')
    const sourceErrors = checkLessonSource(file, source)
    const compiled = await compileMdx(file, source)
    if (!compiled.ok) {
      errors.push(...sourceErrors, ...compiled.errors)
      continue
    }
    const frontmatter = parseFrontmatter(file, compiled.value.frontmatter)
    if (!frontmatter.ok) {
      errors.push(...sourceErrors, ...frontmatter.errors)
      continue
    }
    errors.push(...sourceErrors)
    lessons.push({ ...frontmatter.value, file, code: compiled.value.code })
  }
  errors.push(...checkLessonSet(lessons))
  if (errors.length > 0) throw new LessonContentError(errors)
  return sortLessons(lessons)
}

const cache = new Map<string, Promise<Lesson[]>>()

function allLessons(): Promise<Lesson[]> {
  const dir = contentDir()
  // `next dev` should show an edited lesson on reload; a build or `next start` compiles each lesson once.
  if (process.env.NODE_ENV === 'development') return loadLessons(dir)
  let lessons = cache.get(dir)
  if (!lessons) {
    lessons = loadLessons(dir)
    cache.set(dir, lessons)
  }
  return lessons
}

/** Every lesson's metadata in course order (no compiled body). */
export async function getLessons(): Promise<LessonMeta[]> {
  return (await allLessons()).map(({ code: _code, ...meta }) => meta)
}

/** One lesson with its compiled MDX, or undefined when no lesson has that id. */
export async function getLesson(id: string): Promise<Lesson | undefined> {
  return (await allLessons()).find((l) => l.id === id)
}
