// One quiz attempt, end to end on the server: check the body, grade it with the quiz's key (computed by the
// simulator for predict questions), store it in the learner's record through the progress layer, and answer with
// the verdicts and explanations. The route handler only reads the request and maps the error code to a status.
import 'server-only'
import { fail, ok, type AppError, type Result } from '../api/errors'
import { quizVersion } from '../content/version.server'
import type { Db } from '../db/connection.server'
import type { Catalog } from '../progress/grading'
import { recordAttemptFor, type Learner } from '../progress/store.server'
import { parseAnswers } from './answers'
import { gradeAttempt, type GradeDeps, type QuestionResult } from './grade'
import { loadQuiz } from './load.server'
import { attemptCredit, isKeyRevealed, withoutKey } from './policy'
import type { AttemptResponse } from './response-schema'
import { AttemptBodySchema, formatIssues } from './schema'

export type AttemptContext = { db: Db; catalog: Catalog; learner: Learner; deps: GradeDeps; quizDir?: string }
/** `learnerId`: the learner the cookie names; none, or one that is not stored, gets a new learner. */
export type AttemptForContext = Omit<AttemptContext, 'learner'> & { learnerId: string | undefined }

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
  return (await submitQuizAttemptFor({ ...ctx, learnerId: ctx.learner.id }, quizId, body)).result
}

type Submitted = { learnerId: string | undefined; created: boolean; result: Result<AttemptResponse, AppError> }

/**
 * submitQuizAttempt, also saying which learner it was stored for and whether that learner was created by it (the
 * handler then sets the cookie). The learner is looked up or created in the attempt's own transaction.
 */
export async function submitQuizAttemptFor(ctx: AttemptForContext, quizId: string, body: unknown): Promise<Submitted> {
  const refuse = (error: AppError): Submitted => ({ learnerId: undefined, created: false, result: fail(error) })
  const quiz = loadQuiz(quizId, ctx.quizDir)
  if (!quiz) return refuse({ code: 'unknown-item', message: `There is no quiz "${quizId}".` })

  const shape = AttemptBodySchema.safeParse(body)
  if (!shape.success) {
    return refuse({
      code: 'invalid-fields',
      message: `The attempt is not valid: ${formatIssues(shape.error)}`,
      fields: shape.error.issues.map((i) => ({ path: i.path.join('.') || '(root)', message: i.message })),
    })
  }
  const answers = parseAnswers(quiz, shape.data.answers)
  if (!answers.ok) {
    return refuse({ code: 'invalid-fields', message: answers.error.message, fields: [{ path: answers.error.path ?? 'answers', message: answers.error.message }] })
  }

  const policy = quiz.attempts
  // Graded before the write transaction (a predict question runs the simulator); the attempt number, and with it the
  // credit and whether the key is shown, is read inside it, so two racing attempts never share a number.
  const graded = await gradeAttempt(quiz, answers.value, ctx.deps)
  // A quiz whose key cannot be computed is a content bug that the quiz tests catch; it is not the learner's fault.
  if (!graded.ok) throw new Error(`content/quizzes/${quizId}.json: ${graded.error.message}`)
  const result = graded.value
  const passed = result.score >= passScore(ctx.catalog, quizId)
  let n = 0
  let keyRevealed = false
  let questions = result.questions
  let score = 0
  const stored = await recordAttemptFor(ctx.db, ctx.catalog, ctx.learnerId, {
    kind: 'quiz',
    itemId: quizId,
    submission: shape.data.answers,
    grade: (_, { previous }) => {
      // A summary row of older attempts stands for attempt_count of them (progress/attempt-bounds.server.ts).
      const before = previous.reduce((total, r) => total + r.attempt_count, 0)
      if (policy.max !== undefined && before >= policy.max) {
        return fail({
          code: 'attempts-exhausted',
          message: `You have used all ${policy.max} attempts at this quiz; your ${policy.counts} attempt counts toward your grade.`,
        })
      }
      n = before + 1
      keyRevealed = isKeyRevealed(policy, n, passed)
      questions = keyRevealed ? result.questions : result.questions.map(withoutKey)
      score = attemptCredit(result.score, n, policy)
      return { score, rawScore: result.score, passed, contentVersion: quizVersion(quiz), feedback: toStoredFeedback(questions) }
    },
  })
  const recorded = stored.result
  if (!recorded.ok) return { ...stored, result: recorded }
  return {
    ...stored,
    result: ok({
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
      bestScore: recorded.value.best?.best ?? null,
    }),
  }
}
