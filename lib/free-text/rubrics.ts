// The four review rubrics, validated once when this module loads. A broken rubric file fails loudly, naming the
// file and the field, the way a bad lesson fails the build. Rubrics are answer keys: only server code (the
// grade-answer.server.ts wrapper, the CLI, tests) may import this module.
import q1 from '../../content/review/rubrics/review-q1.json'
import q2 from '../../content/review/rubrics/review-q2.json'
import q3 from '../../content/review/rubrics/review-q3.json'
import q4 from '../../content/review/rubrics/review-q4.json'
import { compileRubric, type CompiledRubric } from './claims'
import { gradeWithRubric, type Grade, type SecondReader } from './grade'
import { neighbourIndex, type NeighbourIndex } from './neighbours'
import { loadReviewedAnswers } from './reviewed-answers'
import {
  formatRubricIssues,
  REVIEW_QUESTION_IDS,
  ReviewQuestionIdSchema,
  RubricSchema,
  type ReviewQuestionId,
} from './rubric-schema'

export type GradeError = { code: 'unknown-question'; message: string }
export type Result<T, E = GradeError> = { ok: true; value: T } | { ok: false; error: E }

const SOURCES: Record<ReviewQuestionId, unknown> = { 'review-q1': q1, 'review-q2': q2, 'review-q3': q3, 'review-q4': q4 }

function loadRubric(id: ReviewQuestionId): CompiledRubric {
  const file = `content/review/rubrics/${id}.json`
  const parsed = RubricSchema.safeParse(SOURCES[id])
  if (!parsed.success) throw new Error(`Invalid rubric\n${formatRubricIssues(file, parsed.error)}`)
  if (parsed.data.questionId !== id) throw new Error(`${file}: questionId: expected "${id}", got "${parsed.data.questionId}"`)
  return compileRubric(parsed.data)
}

const RUBRICS = new Map<ReviewQuestionId, CompiledRubric>(REVIEW_QUESTION_IDS.map((id) => [id, loadRubric(id)]))

export function getRubric(id: ReviewQuestionId): CompiledRubric {
  return RUBRICS.get(id) as CompiledRubric
}

/** Check a question id from outside (CLI argument, request body). */
export function parseQuestionId(value: unknown): Result<ReviewQuestionId> {
  const parsed = ReviewQuestionIdSchema.safeParse(value)
  if (parsed.success) return { ok: true, value: parsed.data }
  return {
    ok: false,
    error: {
      code: 'unknown-question',
      message: `unknown review question ${JSON.stringify(value)}: use one of ${REVIEW_QUESTION_IDS.join(', ')}`,
    },
  }
}

// A question's reviewed answers are read on its first grade that needs them, not when this module loads: a page that
// only names the questions, or an answer the rubric rejects outright, does not pay for them.
const REVIEWED = new Map<ReviewQuestionId, NeighbourIndex>()
function reviewedAnswers(id: ReviewQuestionId): NeighbourIndex {
  let index = REVIEWED.get(id)
  if (index === undefined) {
    index = neighbourIndex(loadReviewedAnswers(undefined, id))
    REVIEWED.set(id, index)
  }
  return index
}

/**
 * Read and index every question's reviewed answers now (about half a second per question on a small machine). The
 * server calls it in the background once it has started, so that the first learner who checks their review answers
 * does not wait for it; a broken set throws here, naming the file and the field.
 */
export function warmReviewedAnswers(): void {
  for (const id of REVIEW_QUESTION_IDS) reviewedAnswers(id).warm(id)
}

/** The other questions' rubrics, for the "answered another question" check. */
function otherRubrics(questionId: ReviewQuestionId): CompiledRubric[] {
  return REVIEW_QUESTION_IDS.filter((id) => id !== questionId).map(getRubric)
}

/** The rubric's grade alone, without the reviewed answers' vote (the calibration test ratchets the rubric by it). */
export function gradeByRubric(questionId: ReviewQuestionId, text: string): Grade {
  const others = otherRubrics(questionId)
  return gradeWithRubric(getRubric(questionId), text, others)
}

/**
 * Grade a learner's free-text answer to one review question. Deterministic; runs in-process. `leaveOut` grades as if
 * one author's reviewed answers were not there (the calibration test measures each author's set that way).
 */
export function gradeAnswer(questionId: ReviewQuestionId, text: string, leaveOut?: string): Grade {
  const others = otherRubrics(questionId)
  const second: SecondReader = (answer) => reviewedAnswers(questionId).vote(questionId, answer, leaveOut)
  return gradeWithRubric(getRubric(questionId), text, others, second)
}
