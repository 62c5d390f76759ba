// One quiz attempt, end to end on the server: check the body, grade it with the quiz's key (computed by the
// simulator for predict questions), store it in the learner's record through the progress layer, and answer with
// the verdicts and explanations. The route handler only reads the request and maps the error code to a status.
import 'server-only'
import { fail, ok, type AppError, type Result } from '../api/errors'
import { quizVersion } from '../content/version.server'
import type { Db } from '../db/connection.server'
import type { Catalog } from '../progress/grading'
import { getProgress, recordAttempt, type Learner } from '../progress/store.server'
import { parseAnswers } from './answers'
import { gradeAttempt, type GradeDeps, type QuestionResult } from './grade'
import { loadQuiz } from './load.server'
import { attemptCredit, isKeyRevealed, withoutKey } from './policy'
import type { AttemptResponse } from './response-schema'
import { AttemptBodySchema, formatIssues } from './schema'

export type AttemptContext = { db: Db; catalog: Catalog; learner: Learner; deps: GradeDeps; quizDir?: string }

/**
 * What the record keeps per attempt: verdicts and the feedback the learner was shown (without the key when it was
 * not shown), not the option texts (those live in the quiz file).
 */
function toStoredFeedback(questions: readonly QuestionResult[]) {
  return questions.map((q) => ({
    questionId: q.questionId,
    verdict: q.verdict,
    score: q.score,
    feedback: q.feedback,
    ...(q.predict ? { predicted: { outcome: q.predict.outcome, answererId: q.predict.answererId } } : {}),
  }))
}

function passScore(catalog: Catalog, quizId: string): number {
  const item = catalog.lessons.flatMap((l) => l.items).find((i) => i.kind === 'quiz' && i.id === quizId)
  return item?.passScore ?? 1
}

export async function submitQuizAttempt(ctx: AttemptContext, quizId: string, body: unknown): Promise<Result<AttemptResponse, AppError>> {
  const quiz = loadQuiz(quizId, ctx.quizDir)
  if (!quiz) return fail({ code: 'unknown-item', message: `There is no quiz "${quizId}".` })

  const shape = AttemptBodySchema.safeParse(body)
  if (!shape.success) {
    return fail({
      code: 'invalid-fields',
      message: `The attempt is not valid: ${formatIssues(shape.error)}`,
      fields: shape.error.issues.map((i) => ({ path: i.path.join('.') || '(root)', message: i.message })),
    })
  }
  const answers = parseAnswers(quiz, shape.data.answers)
  if (!answers.ok) {
    return fail({ code: 'invalid-fields', message: answers.error.message, fields: [{ path: answers.error.path ?? 'answers', message: answers.error.message }] })
  }

  const policy = quiz.attempts
  const before = await countAttempts(ctx, quizId)
  if (policy.max !== undefined && before >= policy.max) {
    return fail({
      code: 'attempts-exhausted',
      message: `You have used all ${policy.max} attempts at this quiz; your ${policy.counts} attempt counts toward your grade.`,
    })
  }
  const n = before + 1

  const graded = await gradeAttempt(quiz, answers.value, ctx.deps)
  // A quiz whose key cannot be computed is a content bug that the quiz tests catch; it is not the learner's fault.
  if (!graded.ok) throw new Error(`content/quizzes/${quizId}.json: ${graded.error.message}`)
  const result = graded.value

  const passed = result.score >= passScore(ctx.catalog, quizId)
  const keyRevealed = isKeyRevealed(policy, n, passed)
  const questions = keyRevealed ? result.questions : result.questions.map(withoutKey)
  const score = attemptCredit(result.score, n, policy)
  const recorded = await recordAttempt(ctx.db, ctx.catalog, ctx.learner.id, {
    kind: 'quiz',
    itemId: quizId,
    submission: shape.data.answers,
    grade: () => ({ score, rawScore: result.score, passed, contentVersion: quizVersion(quiz), feedback: toStoredFeedback(questions) }),
  })
  if (!recorded.ok) return recorded

  const progress = await getProgress(ctx.db, ctx.catalog, ctx.learner)
  const item = progress.lessons.flatMap((l) => l.items).find((i) => i.kind === 'quiz' && i.id === quizId)
  return ok({
    quizId,
    score,
    rawScore: result.score,
    passed,
    keyRevealed,
    questions,
    attempt: { id: recorded.value.id, createdAt: recorded.value.createdAt, number: n },
    policy: {
      max: policy.max ?? null,
      remaining: policy.max === undefined ? null : policy.max - n,
      revealKeyAfter: policy.revealKeyAfter,
      penalty: policy.penalty,
      counts: policy.counts,
    },
    bestScore: item?.bestScore ?? null,
  })
}

/** Attempts made so far: a summary row of older attempts stands for attempt_count of them (progress/attempt-bounds.server.ts). */
async function countAttempts(ctx: AttemptContext, quizId: string): Promise<number> {
  const row = await ctx.db
    .selectFrom('attempt')
    .select((eb) => eb.fn.sum<number>('attempt_count').as('n'))
    .where('learner_id', '=', ctx.learner.id)
    .where('kind', '=', 'quiz')
    .where('item_id', '=', quizId)
    .executeTakeFirst()
  return Number(row?.n ?? 0)
}
