// A quiz's attempt policy applied to one graded attempt (pure): the credit after the per-attempt penalty, whether
// the key may be shown, and the key taken out of each question's result when it may not. The policy itself is the
// quiz file's "attempts" field (schema.ts, content/quizzes/README.md).
import type { QuestionResult } from './grade'
import type { QuizAttemptPolicy } from './schema'

/** The credit for attempt number `n` (1-based): the score less the penalty for each earlier attempt. */
export function attemptCredit(score: number, n: number, policy: QuizAttemptPolicy): number {
  const factor = Math.max(0, 1 - policy.penalty * (n - 1))
  return Math.round(score * factor * 1e6) / 1e6
}

/** The key shows after a pass, from the revealKeyAfter-th attempt on, and on the last attempt allowed. */
export function isKeyRevealed(policy: QuizAttemptPolicy, n: number, passed: boolean): boolean {
  if (passed) return true
  if (typeof policy.revealKeyAfter === 'number' && n >= policy.revealKeyAfter) return true
  return policy.max !== undefined && n >= policy.max
}

function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : many
}

/**
 * A question's result without the key: the verdict and score stay (right, partly right, wrong), and the feedback
 * says what kind of mistake it is without naming the right option or the simulator's answer. Text answers keep
 * the rubric's feedback: it is about what the learner wrote, and there is no option to give away.
 */
export function withoutKey(q: QuestionResult): QuestionResult {
  const { options, predict: _predict, ...rest } = q
  if (q.verdict === 'unanswered' || q.type === 'text') return { ...rest, feedback: q.feedback }
  if (q.verdict === 'correct') return { ...rest, feedback: ['Right.'] }
  if (q.type === 'multiple' && options) {
    const wrong = options.filter((o) => o.picked && !o.correct).length
    const missed = options.filter((o) => !o.picked && o.correct).length
    const feedback: string[] = []
    if (wrong > 0) feedback.push(`${wrong} of the options you picked ${plural(wrong, 'is', 'are')} not right.`)
    if (missed > 0) feedback.push(`You missed ${missed} right ${plural(missed, 'option', 'options')}.`)
    return { ...rest, feedback }
  }
  if (q.type === 'predict') {
    return { ...rest, feedback: [q.verdict === 'partial' ? 'The outcome is right, but not who answers.' : 'That is not what happens to this packet.'] }
  }
  return { ...rest, feedback: ['Not right: read the lesson section again and think about where the packet goes.'] }
}
