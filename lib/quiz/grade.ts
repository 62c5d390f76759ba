import type { AnsweredBy, Outcome as ProbeOutcome } from '@/simulator'
import type { GivenAnswer, Result } from './answers'
import type { Answerer, MultipleQuestion, Outcome, PredictQuestion, Question, Quiz, SingleQuestion, TextQuestion } from './schema'

// Pure grading: answers in, per-question verdicts out. The simulator and the free-text grader are passed in
// (grade-deps.server.ts wires the real ones), so this module has no server-only imports and vitest can run it
// against the real engines. Scoring rules are documented for authors in content/quizzes/README.md.

export type Verdict = 'correct' | 'partial' | 'incorrect' | 'unanswered'

type SimProbe = {
  outcome: ProbeOutcome
  answeredBy: AnsweredBy | null
  address?: string
  explanation: string
  trace: readonly unknown[]
}
export type RunScenario = (
  input: unknown,
) => { ok: true; value: { probes: readonly SimProbe[] } } | { ok: false; error: { message: string } }
export type GradeText = (
  rubricId: string,
  text: string,
) => { score: number; verdict: 'correct' | 'partial' | 'incorrect'; feedback: string[] }
export type GradeDeps = { runScenario: RunScenario; gradeAnswer: GradeText }

export type GradedOption = { id: string; text: string; correct: boolean; picked: boolean; explanation: string }
export type PredictKey = {
  outcome: Outcome
  answererId: string | null
  answererLabel: string | null
  explanation: string
  trace: unknown[]
}
export type QuestionResult = {
  questionId: string
  type: Question['type']
  verdict: Verdict
  score: number
  points: number
  feedback: string[]
  options?: GradedOption[]
  predict?: PredictKey
}
export type AttemptResult = { quizId: string; score: number; questions: QuestionResult[] }

function verdictFor(score: number): Verdict {
  if (score >= 1) return 'correct'
  return score <= 0 ? 'incorrect' : 'partial'
}

function gradedOptions(q: SingleQuestion | MultipleQuestion, picked: ReadonlySet<string>): GradedOption[] {
  return q.options.map((o) => ({ id: o.id, text: o.text, correct: o.correct, picked: picked.has(o.id), explanation: o.explanation }))
}

export function gradeSingle(q: SingleQuestion, optionId: string): Omit<QuestionResult, 'questionId' | 'type' | 'points'> {
  const picked = q.options.find((o) => o.id === optionId)
  const score = picked?.correct ? 1 : 0
  return { verdict: verdictFor(score), score, feedback: picked ? [picked.explanation] : [], options: gradedOptions(q, new Set([optionId])) }
}

/**
 * Partial credit: (correct options picked − wrong options picked) / correct options, floored at 0.
 * Picking everything therefore earns nothing on a question with as many wrong options as right ones.
 */
export function multipleCredit(q: MultipleQuestion, optionIds: readonly string[]): number {
  const picked = new Set(optionIds)
  const correct = q.options.filter((o) => o.correct)
  const right = correct.filter((o) => picked.has(o.id)).length
  const wrong = q.options.filter((o) => !o.correct && picked.has(o.id)).length
  return Math.max(0, (right - wrong) / correct.length)
}

export function gradeMultiple(q: MultipleQuestion, optionIds: readonly string[]): Omit<QuestionResult, 'questionId' | 'type' | 'points'> {
  const score = multipleCredit(q, optionIds)
  const picked = new Set(optionIds)
  const missed = q.options.filter((o) => o.correct && !picked.has(o.id)).length
  const wrong = q.options.filter((o) => !o.correct && picked.has(o.id)).length
  const feedback: string[] = []
  if (wrong > 0) feedback.push(`${wrong} of the options you picked ${wrong === 1 ? 'is' : 'are'} not right; read why below.`)
  if (missed > 0) feedback.push(`You missed ${missed} right option${missed === 1 ? '' : 's'}; read why below.`)
  return { verdict: verdictFor(score), score, feedback, options: gradedOptions(q, picked) }
}

function matchesAnswerer(a: Answerer, by: NonNullable<SimProbe['answeredBy']>): boolean {
  return a.host === by.host && a.container === by.container && (a.port === undefined || a.port === by.port)
}

/** Runs the question's world in the simulator and reads the key off the probe result; nothing is stored. */
export function computePredictKey(q: PredictQuestion, runScenario: RunScenario): Result<PredictKey> {
  const res = runScenario({ ...q.scenario, probes: [q.probe] })
  const where = `question "${q.id}"`
  if (!res.ok) return { ok: false, error: { code: 'invalid-quiz', message: `${where}: the simulator rejected the scenario: ${res.error.message}` } }
  const probe = res.value.probes[0]
  if (!probe) return { ok: false, error: { code: 'invalid-quiz', message: `${where}: the simulator returned no probe result` } }
  if (probe.outcome === 'error') {
    return { ok: false, error: { code: 'invalid-quiz', message: `${where}: the probe itself fails (${probe.explanation}); fix the probe command` } }
  }
  let answerer: Answerer | null = null
  if (probe.outcome === 'delivered' && probe.answeredBy) {
    const by = probe.answeredBy
    answerer = q.answerers.find((a) => matchesAnswerer(a, by)) ?? null
    if (!answerer) {
      const who = `${by.host}/${by.container ?? '(host process)'}:${by.port ?? '-'}`
      return { ok: false, error: { code: 'invalid-quiz', message: `${where}: the simulator says ${who} answers, but no answerer in "answerers" matches it` } }
    }
  }
  return {
    ok: true,
    value: { outcome: probe.outcome, answererId: answerer?.id ?? null, answererLabel: answerer?.label ?? null, explanation: probe.explanation, trace: [...probe.trace] },
  }
}

/**
 * Predict the packet: the outcome is worth the question when it is not "delivered"; when it is, the right outcome
 * with the wrong (or no) answerer earns half, since the learner saw the packet arrive but not where.
 */
export function gradePredict(
  q: PredictQuestion,
  given: { outcome: Outcome; answererId?: string },
  key: PredictKey,
): Omit<QuestionResult, 'questionId' | 'type' | 'points'> {
  const keyText = key.outcome === 'delivered' && key.answererLabel ? `delivered, answered by ${key.answererLabel}` : key.outcome
  let score = 0
  const feedback: string[] = []
  if (given.outcome !== key.outcome) {
    feedback.push(`You predicted "${given.outcome}", but the simulator's result is "${keyText}".`)
  } else if (key.outcome !== 'delivered' || given.answererId === key.answererId) {
    score = 1
    feedback.push(`Right: ${keyText}.`)
  } else {
    score = 0.5
    const picked = q.answerers.find((a) => a.id === given.answererId)?.label
    feedback.push(`The packet is delivered, but it is answered by ${key.answererLabel ?? 'another listener'}${picked ? `, not ${picked}` : ''}.`)
  }
  feedback.push(key.explanation)
  return { verdict: verdictFor(score), score, feedback, predict: key }
}

export async function gradeText(q: TextQuestion, text: string, gradeAnswer: GradeText): Promise<Omit<QuestionResult, 'questionId' | 'type' | 'points'>> {
  const r = await gradeAnswer(q.rubricId, text)
  return { verdict: r.verdict, score: Math.min(1, Math.max(0, r.score)), feedback: r.feedback }
}

async function gradeQuestion(q: Question, given: GivenAnswer, deps: GradeDeps): Promise<Result<QuestionResult>> {
  const head = { questionId: q.id, type: q.type, points: q.points }
  if (q.type === 'single' && given.type === 'single') return { ok: true, value: { ...head, ...gradeSingle(q, given.answer.optionId) } }
  if (q.type === 'multiple' && given.type === 'multiple') return { ok: true, value: { ...head, ...gradeMultiple(q, given.answer.optionIds) } }
  if (q.type === 'text' && given.type === 'text') return { ok: true, value: { ...head, ...(await gradeText(q, given.answer.text, deps.gradeAnswer)) } }
  if (q.type === 'predict' && given.type === 'predict') {
    const key = computePredictKey(q, deps.runScenario)
    if (!key.ok) return key
    return { ok: true, value: { ...head, ...gradePredict(q, given.answer, key.value) } }
  }
  return { ok: false, error: { code: 'invalid-answer', path: `answers.${q.id}`, message: `answers.${q.id}: the answer does not fit a ${q.type} question` } }
}

/**
 * Grades one attempt. Unanswered questions score 0 and get no key (no explanations), so a learner who answers one
 * question learns nothing about the others. The quiz score is the points-weighted mean over all questions.
 */
export async function gradeAttempt(quiz: Quiz, answers: ReadonlyMap<string, GivenAnswer>, deps: GradeDeps): Promise<Result<AttemptResult>> {
  const questions: QuestionResult[] = []
  for (const q of quiz.questions) {
    const given = answers.get(q.id)
    if (!given) {
      questions.push({ questionId: q.id, type: q.type, points: q.points, verdict: 'unanswered', score: 0, feedback: ['Not answered in this attempt.'] })
      continue
    }
    const graded = await gradeQuestion(q, given, deps)
    if (!graded.ok) return graded
    questions.push(graded.value)
  }
  const total = questions.reduce((s, r) => s + r.points, 0)
  const earned = questions.reduce((s, r) => s + r.score * r.points, 0)
  return { ok: true, value: { quizId: quiz.id, score: total === 0 ? 0 : earned / total, questions } }
}
