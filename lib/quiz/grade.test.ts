import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseAnswers } from './answers'
import { gradeAttempt, gradeMultiple, gradePredict, gradeSingle, multipleCredit, type GradeDeps, type PredictKey } from './grade'
import { loadQuiz } from './load.server'
import { QuizSchema, type MultipleQuestion, type PredictQuestion, type SingleQuestion } from './schema'

const intro = loadQuiz('container-networking-intro', path.join(process.cwd(), 'content', 'quizzes'))
if (!intro) throw new Error('container-networking-intro quiz missing')
const byId = <T>(id: string) => intro.questions.find((q) => q.id === id) as T
const single = byId<SingleQuestion>('where-dnat-happens')
const multiple = byId<MultipleQuestion>('host-driver-facts')
const predict = byId<PredictQuestion>('predict-published-port')

// Five options, three right (a, b, c) and two wrong (x, y): the partial-credit formula is easiest to read here.
const abcxy = QuizSchema.parse({
  id: 'maths',
  title: 'maths',
  questions: [{
    id: 'm',
    type: 'multiple',
    prompt: 'p',
    options: ['a', 'b', 'c', 'x', 'y'].map((id) => ({ id, text: id, correct: !'xy'.includes(id), explanation: `because ${id}` })),
  }],
}).questions[0] as MultipleQuestion

describe('multiple choice partial credit = max(0, (right picked − wrong picked) / right options)', () => {
  it.each([
    [['a', 'b', 'c'], 1],
    [['a', 'b'], 2 / 3],
    [['a'], 1 / 3],
    [['a', 'b', 'c', 'x'], 2 / 3],
    [['a', 'x'], 0],
    [['a', 'x', 'y'], 0],
    [['x'], 0],
    [[], 0],
    [['a', 'b', 'c', 'x', 'y'], 1 / 3],
  ])('%j scores %d', (picked, score) => {
    expect(multipleCredit(abcxy, picked)).toBeCloseTo(score, 10)
  })

  it('verdicts follow the score and every option comes back with its explanation', () => {
    expect(gradeMultiple(abcxy, ['a', 'b', 'c']).verdict).toBe('correct')
    const partly = gradeMultiple(abcxy, ['a', 'x'])
    expect(partly.verdict).toBe('incorrect')
    const some = gradeMultiple(abcxy, ['a', 'b'])
    expect(some.verdict).toBe('partial')
    expect(some.feedback).toEqual(['You missed 1 right option; read why below.'])
    expect(some.options?.map((o) => [o.id, o.correct, o.picked, o.explanation])).toEqual([
      ['a', true, true, 'because a'], ['b', true, true, 'because b'], ['c', true, false, 'because c'],
      ['x', false, false, 'because x'], ['y', false, false, 'because y'],
    ])
  })

  it('a repeated option id counts once', () => {
    const parsed = parseAnswers(intro, { 'host-driver-facts': { optionIds: ['own-ip', 'own-ip', 'shares-namespace'] } })
    expect(parsed.ok && parsed.value.get('host-driver-facts')).toEqual({ type: 'multiple', answer: { optionIds: ['own-ip', 'shares-namespace'] } })
  })
})

describe('single choice', () => {
  it('the correct option scores 1 and the picked option explains itself', () => {
    const right = gradeSingle(single, 'kernel-nat-prerouting')
    expect([right.verdict, right.score]).toEqual(['correct', 1])
    const wrong = gradeSingle(single, 'input-chain')
    expect([wrong.verdict, wrong.score]).toEqual(['incorrect', 0])
    expect(wrong.feedback[0]).toMatch(/FORWARD, not INPUT/)
    expect(wrong.options?.filter((o) => o.correct).map((o) => o.id)).toEqual(['kernel-nat-prerouting'])
  })
})

describe('predict the packet scoring', () => {
  const delivered: PredictKey = { outcome: 'delivered', answererId: 'api', answererLabel: 'the container "api"', explanation: 'DNAT to api', trace: [] }
  const refused: PredictKey = { outcome: 'refused', answererId: null, answererLabel: null, explanation: 'nothing listens', trace: [] }
  it.each([
    ['right outcome and answerer', delivered, { outcome: 'delivered', answererId: 'api' }, 1, 'correct'],
    ['right outcome, wrong answerer', delivered, { outcome: 'delivered', answererId: 'web' }, 0.5, 'partial'],
    ['right outcome, no answerer', delivered, { outcome: 'delivered' }, 0.5, 'partial'],
    ['wrong outcome', delivered, { outcome: 'timeout' }, 0, 'incorrect'],
    ['right non-delivered outcome', refused, { outcome: 'refused' }, 1, 'correct'],
    ['delivered when it is refused', refused, { outcome: 'delivered', answererId: 'api' }, 0, 'incorrect'],
  ] as const)('%s', (_name, key, given, score, verdict) => {
    const r = gradePredict(predict, given, key)
    expect([r.score, r.verdict]).toEqual([score, verdict])
    expect(r.feedback.at(-1)).toBe(key.explanation)
  })
})

describe('gradeAttempt', () => {
  const unusedDeps: GradeDeps = {
    runScenario: () => { throw new Error('the simulator must not run when no predict question is answered') },
    gradeAnswer: () => { throw new Error('the free-text grader must not run when no text question is answered') },
  }

  it('unanswered questions score 0 and reveal no key; the quiz score is points-weighted over all questions', async () => {
    const parsed = parseAnswers(intro, { 'where-dnat-happens': { optionId: 'kernel-nat-prerouting' }, 'host-driver-facts': { optionIds: ['shares-namespace', 'no-nat'] } })
    if (!parsed.ok) throw new Error(parsed.error.message)
    const r = await gradeAttempt(intro, parsed.value, unusedDeps)
    if (!r.ok) throw new Error(r.error.message)
    expect(r.value.questions.map((q) => [q.questionId, q.verdict, q.score])).toEqual([
      ['where-dnat-happens', 'correct', 1],
      ['host-driver-facts', 'partial', 2 / 3],
      ['predict-published-port', 'unanswered', 0],
      ['host-vs-bridge', 'unanswered', 0],
    ])
    expect(r.value.score).toBeCloseTo((1 + 2 / 3) / 4, 10)
    const hidden = r.value.questions.filter((q) => q.verdict === 'unanswered')
    expect(hidden.every((q) => q.options === undefined && q.predict === undefined)).toBe(true)
  })
})

describe('parseAnswers names the question on bad input', () => {
  it.each([
    [{ nope: { optionId: 'a' } }, 'unknown-question', /answers\.nope: quiz "container-networking-intro" has no question "nope"/],
    [{ 'where-dnat-happens': { optionIds: ['a'] } }, 'invalid-answer', /answers\.where-dnat-happens: a single question takes \{ "optionId"/],
    [{ 'where-dnat-happens': { optionId: 'zzz' } }, 'invalid-answer', /answers\.where-dnat-happens: no option "zzz"/],
    [{ 'host-driver-facts': { optionIds: 'own-ip' } }, 'invalid-answer', /answers\.host-driver-facts: a multiple question takes/],
    [{ 'predict-published-port': { outcome: 'lost' } }, 'invalid-answer', /answers\.predict-published-port: a predict question takes .*outcome/],
    [{ 'predict-published-port': { outcome: 'delivered', answererId: 'db' } }, 'invalid-answer', /answererId: no answerer "db"/],
    [{ 'host-vs-bridge': { text: 'x'.repeat(2001) } }, 'invalid-answer', /host-vs-bridge\.text: keep the answer under 2000 characters/],
    [{ 'host-vs-bridge': { text: 'ok', extra: 1 } }, 'invalid-answer', /Unrecognized key: "extra"/],
  ])('%j', (answers, code, message) => {
    const r = parseAnswers(intro, answers)
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.error.code).toBe(code)
      expect(r.error.message).toMatch(message)
    }
  })
})
