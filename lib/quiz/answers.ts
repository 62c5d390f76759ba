import type { z } from 'zod'
import {
  MultipleAnswerSchema,
  PredictAnswerSchema,
  SingleAnswerSchema,
  TextAnswerSchema,
  formatIssues,
  type MultipleAnswer,
  type PredictAnswer,
  type Question,
  type Quiz,
  type SingleAnswer,
  type TextAnswer,
} from './schema'

export type QuizErrorCode = 'invalid-answer' | 'unknown-question' | 'no-such-quiz' | 'invalid-quiz'
export type QuizError = { code: QuizErrorCode; message: string; path?: string }
export type Result<T, E = QuizError> = { ok: true; value: T } | { ok: false; error: E }

/** One learner answer, checked against its question's type. */
export type GivenAnswer =
  | { type: 'single'; answer: SingleAnswer }
  | { type: 'multiple'; answer: MultipleAnswer }
  | { type: 'predict'; answer: PredictAnswer }
  | { type: 'text'; answer: TextAnswer }

const SHAPE_HINT: Record<Question['type'], string> = {
  single: '{ "optionId": "<one option id>" }',
  multiple: '{ "optionIds": ["<option id>", …] }',
  predict: '{ "outcome": "delivered|refused|timeout|unreachable|unresolved", "answererId"?: "<id>" }',
  text: '{ "text": "<your answer>" }',
}

function check<S extends z.ZodType>(schema: S, value: unknown, question: Question): Result<z.infer<S>> {
  const parsed = schema.safeParse(value)
  if (parsed.success) return { ok: true, value: parsed.data }
  return {
    ok: false,
    error: {
      code: 'invalid-answer',
      path: `answers.${question.id}`,
      message: `answers.${question.id}: a ${question.type} question takes ${SHAPE_HINT[question.type]} (${formatIssues(parsed.error)})`,
    },
  }
}

function knownIds(question: Question & { options: { id: string }[] }, ids: readonly string[]): Result<true> {
  const unknown = ids.filter((id) => !question.options.some((o) => o.id === id))
  if (unknown.length === 0) return { ok: true, value: true }
  return {
    ok: false,
    error: {
      code: 'invalid-answer',
      path: `answers.${question.id}`,
      message: `answers.${question.id}: no option ${unknown.map((u) => `"${u}"`).join(', ')} in this question`,
    },
  }
}

function parseOne(question: Question, value: unknown): Result<GivenAnswer> {
  switch (question.type) {
    case 'single': {
      const r = check(SingleAnswerSchema, value, question)
      if (!r.ok) return r
      const ids = knownIds(question, [r.value.optionId])
      return ids.ok ? { ok: true, value: { type: 'single', answer: r.value } } : ids
    }
    case 'multiple': {
      const r = check(MultipleAnswerSchema, value, question)
      if (!r.ok) return r
      const ids = knownIds(question, r.value.optionIds)
      if (!ids.ok) return ids
      // A repeated id would otherwise count twice in the partial-credit sum.
      const optionIds = [...new Set(r.value.optionIds)]
      return { ok: true, value: { type: 'multiple', answer: { optionIds } } }
    }
    case 'predict': {
      const r = check(PredictAnswerSchema, value, question)
      if (!r.ok) return r
      const id = r.value.answererId
      if (id !== undefined && !question.answerers.some((a) => a.id === id)) {
        return {
          ok: false,
          error: { code: 'invalid-answer', path: `answers.${question.id}.answererId`, message: `answers.${question.id}.answererId: no answerer "${id}" in this question` },
        }
      }
      return { ok: true, value: { type: 'predict', answer: r.value } }
    }
    case 'text': {
      const r = check(TextAnswerSchema, value, question)
      if (!r.ok) return r
      if (r.value.text.length > question.maxLength) {
        return {
          ok: false,
          error: { code: 'invalid-answer', path: `answers.${question.id}.text`, message: `answers.${question.id}.text: keep the answer under ${question.maxLength} characters` },
        }
      }
      return { ok: true, value: { type: 'text', answer: r.value } }
    }
    default:
      return assertNever(question)
  }
}

function assertNever(x: never): never {
  throw new Error(`unexpected question type: ${JSON.stringify(x)}`)
}

/** Checks every submitted answer against its question. Unanswered questions are simply absent from the map. */
export function parseAnswers(quiz: Quiz, answers: Record<string, unknown>): Result<Map<string, GivenAnswer>> {
  const out = new Map<string, GivenAnswer>()
  for (const [questionId, value] of Object.entries(answers)) {
    const question = quiz.questions.find((q) => q.id === questionId)
    if (!question) {
      return {
        ok: false,
        error: {
          code: 'unknown-question',
          path: `answers.${questionId}`,
          message: `answers.${questionId}: quiz "${quiz.id}" has no question "${questionId}" (it has ${quiz.questions.map((q) => q.id).join(', ')})`,
        },
      }
    }
    const parsed = parseOne(question, value)
    if (!parsed.ok) return parsed
    out.set(questionId, parsed.value)
  }
  return { ok: true, value: out }
}
