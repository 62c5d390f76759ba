/**
 * Lessons as data: the front matter schema, ordering, and the checks and messages that turn a broken lesson
 * into an error naming the file and the field or line. Pure (no fs, no MDX compiler), so vitest and the
 * server loader (`content/load.server.ts`) share it.
 */
import { z } from 'zod'

export const LessonFrontmatterSchema = z
  .object({
    id: z
      .string({ error: 'id is required and must be text' })
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'id must be kebab-case (lowercase letters, digits and dashes)'),
    title: z.string({ error: 'title is required and must be text' }).trim().min(1, 'title must not be empty'),
    sidebar_position: z
      .number({ error: 'sidebar_position is required and must be a number' })
      .int('sidebar_position must be a whole number'),
    summary: z.string({ error: 'summary is required and must be text' }).trim().min(1, 'summary must not be empty'),
    objectives: z
      .array(z.string().trim().min(1, 'a learning objective must not be empty'), {
        error: 'objectives is required and must be a list of learning objectives',
      })
      .min(1, 'objectives must list at least one learning objective'),
    minutes: z
      .number({ error: 'minutes is required and must be a number' })
      .int('minutes must be a whole number')
      .positive('minutes must be greater than 0'),
  })
  .strict()

export type LessonFrontmatter = z.infer<typeof LessonFrontmatterSchema>

/** What lists and navigation need; the compiled body stays on the server. */
export type LessonMeta = LessonFrontmatter & { file: string }

export type Lesson = LessonMeta & { code: string }

export type LessonError = { file: string; message: string; line?: number; field?: string }

/** `objectives[1]` from zod's `['objectives', 1]`. */
export function formatZodPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((acc, key) => {
    if (typeof key === 'number') return `${acc}[${key}]`
    const name = String(key)
    return acc === '' ? name : `${acc}.${name}`
  }, '')
}

export function parseFrontmatter(
  file: string,
  data: unknown,
): { ok: true; value: LessonFrontmatter } | { ok: false; errors: LessonError[] } {
  const parsed = LessonFrontmatterSchema.safeParse(data)
  if (parsed.success) return { ok: true, value: parsed.data }
  const errors = parsed.error.issues.map((issue) => {
    const field = issue.path.length > 0 ? formatZodPath(issue.path) : undefined
    if (issue.code === 'unrecognized_keys') {
      return { file, field: issue.keys.join(', '), message: `unknown front matter field(s) ${issue.keys.join(', ')}` }
    }
    return { file, field, message: issue.message }
  })
  return { ok: false, errors }
}

/** Lessons in course order: by sidebar_position, then id so equal positions still sort the same way every build. */
export function sortLessons<T extends { sidebar_position: number; id: string }>(lessons: readonly T[]): T[] {
  return [...lessons].sort((a, b) => a.sidebar_position - b.sidebar_position || a.id.localeCompare(b.id))
}

/** Checks across lessons: ids are unique and each file is named after its id (the id is the URL). */
export function checkLessonSet(lessons: readonly LessonMeta[]): LessonError[] {
  const errors: LessonError[] = []
  const seen = new Map<string, string>()
  for (const lesson of lessons) {
    const stem = lesson.file.replace(/^.*[\\/]/, '').replace(/\.mdx$/, '')
    if (stem !== lesson.id) {
      errors.push({
        file: lesson.file,
        field: 'id',
        message: `id "${lesson.id}" does not match the file name; rename the file to ${lesson.id}.mdx or change the id`,
      })
    }
    const other = seen.get(lesson.id)
    if (other) errors.push({ file: lesson.file, field: 'id', message: `id "${lesson.id}" is already used by ${other}` })
    else seen.set(lesson.id, lesson.file)
  }
  return errors
}

// Text that went through a UTF-8 → Latin-1 → UTF-8 round trip: "ðŸ§ " was 🧠, "â€™" was ’ (the original lesson's defect).
const MOJIBAKE = /ðŸ|â€|Ã[\u0080-\u00bf]|Â[\u00a0-\u00bf]/
const FENCE = /^\s{0,3}(`{3,}|~{3,})/
const REMOTE_SRC = /\bsrc\s*=\s*["'{]\s*["'`]?(?:https?:)?\/\/|!\[[^\]]*\]\(\s*(?:https?:)?\/\//

/**
 * Source-level checks the MDX compiler does not make: an unclosed code fence swallows the rest of the lesson
 * silently, mangled characters compile fine, and a remote image would make the course request another host.
 */
export function checkLessonSource(file: string, source: string): LessonError[] {
  const errors: LessonError[] = []
  const lines = source.split(/\r?\n/)
  let open: { line: number; marker: string } | undefined
  lines.forEach((text, index) => {
    const line = index + 1
    const fence = FENCE.exec(text)
    if (fence?.[1]) {
      const marker = fence[1]
      if (!open) open = { line, marker }
      else if (marker[0] === open.marker[0] && marker.length >= open.marker.length && text.trim() === marker) {
        open = undefined
      }
    }
    if (MOJIBAKE.test(text)) {
      errors.push({ file, line, message: 'mangled characters (text decoded with the wrong encoding); retype them as UTF-8' })
    }
    // Inside a code block a URL is text to read, not something the browser fetches.
    const inCode = open !== undefined && open.line !== line
    if (!inCode && REMOTE_SRC.test(text)) {
      errors.push({ file, line, message: 'images must be local files under public/ (the course requests nothing from other hosts)' })
    }
  })
  if (open) errors.push({ file, line: open.line, message: `code fence ${open.marker} is never closed` })
  return errors
}

export function formatLessonError(error: LessonError): string {
  const where = error.line === undefined ? error.file : `${error.file}:${error.line}`
  const field = error.field === undefined ? '' : ` front matter field "${error.field}":`
  return `${where}:${field} ${error.message}`
}

export class LessonContentError extends Error {
  readonly errors: readonly LessonError[]
  constructor(errors: readonly LessonError[]) {
    super(`Lesson content is invalid:\n${errors.map((e) => `  ${formatLessonError(e)}`).join('\n')}`)
    this.name = 'LessonContentError'
    this.errors = errors
  }
}

/** Previous and next lesson in course order, for the links under a lesson. */
export function neighbours<T extends { id: string }>(ordered: readonly T[], id: string): { prev?: T; next?: T } {
  const index = ordered.findIndex((l) => l.id === id)
  if (index < 0) return {}
  return { prev: ordered[index - 1], next: ordered[index + 1] }
}
