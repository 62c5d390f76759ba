// The reviewed answers the second reader (neighbours.ts) compares an answer with: every labelled set in
// content/review/calibration, read once, on the first grade that needs them. A set's file name says who wrote it:
// review-qN.json and review-qN.holdout.json are the rubric author's, review-qN.<author>-<half>.json another author's
// (review-qN.sa3-holdout.json is "sa3"). A second labeller's file (*.labels2.json) only checks the labels and is
// skipped. A broken file fails loudly, naming the file and the field, like a broken rubric.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { formatZodPath } from '../../simulator/parse/zod-path'
import type { ReviewedAnswer } from './neighbours'
import { REVIEW_QUESTION_IDS } from './rubric-schema'

export const STYLES = ['prose', 'notes', 'plain', 'misspelled'] as const

export const ReviewedSetSchema = z.strictObject({
  question: z.enum(REVIEW_QUESTION_IDS),
  samples: z
    .array(
      z.strictObject({
        id: z.string().min(1),
        answer: z.string(),
        label: z.enum(['correct', 'partial', 'incorrect']),
        why: z.string().min(1),
        /** how the answer is written (the later authors' sets) */
        styles: z.array(z.enum(STYLES)).min(1).optional(),
      }),
    )
    .min(1),
})
export type ReviewedSet = z.infer<typeof ReviewedSetSchema>

const FILE = /^(review-q\d+)(?:\.(?:holdout|([a-z0-9]+)-[a-z0-9]+))?\.json$/

export function reviewedDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.REVIEWED_ANSWERS_DIR ?? path.join(process.cwd(), 'content', 'review', 'calibration'))
}

/** Who wrote a set, from its file name; undefined for a file that is not a set (a second labeller's labels). */
export function authorOf(file: string): string | undefined {
  if (file.endsWith('.labels2.json')) return undefined
  const match = FILE.exec(file)
  if (match === null) return undefined
  return match[2] ?? 'rubric-author'
}

export function loadReviewedSet(dir: string, file: string): ReviewedSet {
  const where = path.join(path.relative(process.cwd(), dir) || '.', file)
  let json: unknown
  try {
    json = JSON.parse(readFileSync(path.join(dir, file), 'utf8'))
  } catch (error) {
    throw new Error(`${where}: ${error instanceof Error ? error.message : String(error)}`)
  }
  const parsed = ReviewedSetSchema.safeParse(json)
  if (!parsed.success) {
    throw new Error(
      `Invalid reviewed answers\n${parsed.error.issues.map((i) => `${where}: ${formatZodPath(i.path) || '(root)'}: ${i.message}`).join('\n')}`,
    )
  }
  const question = FILE.exec(file)?.[1]
  if (parsed.data.question !== question) throw new Error(`${where}: question: expected "${question}", got "${parsed.data.question}"`)
  return parsed.data
}

/** Every reviewed answer in `dir`, or one question's (a grade reads only its own question's sets). */
export function loadReviewedAnswers(dir: string = reviewedDir(), question?: string): ReviewedAnswer[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json') && (question === undefined || f.startsWith(`${question}.`)))
    .sort()
  const unknown = files.filter((f) => !f.endsWith('.labels2.json') && authorOf(f) === undefined)
  if (unknown.length > 0) {
    throw new Error(`${dir}: not a reviewed set's name (review-qN.json, review-qN.holdout.json, review-qN.<author>-<half>.json): ${unknown.join(', ')}`)
  }
  return files.flatMap((file) => {
    const author = authorOf(file)
    if (author === undefined) return []
    const set = loadReviewedSet(dir, file)
    return set.samples.map((s) => ({ question: set.question, id: s.id, answer: s.answer, label: s.label, why: s.why, author }))
  })
}
