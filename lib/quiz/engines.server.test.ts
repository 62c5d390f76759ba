import { describe, expect, it, vi } from 'vitest'

vi.mock('server-only', () => ({}))

const { gradeDeps } = await import('./engines.server')
const { computePredictKey, gradeAttempt } = await import('./grade')
const { parseAnswers } = await import('./answers')
const { loadAllQuizzes, loadQuiz } = await import('./load.server')
const { ScenarioSchema, runScenario } = await import('@/simulator')
const { parseQuestionId } = await import('@/lib/free-text')
type PredictQuestion = Extract<ReturnType<typeof loadAllQuizzes>[number]['questions'][number], { type: 'predict' }>

// Grading through the real simulator and the real rubric grader: no stand-ins. The predict key is whatever the
// simulator computes, so these tests also catch a quiz whose world stopped meaning what its author intended.
const quizzes = loadAllQuizzes()
const predicts = quizzes.flatMap((quiz) => quiz.questions.flatMap((q) => (q.type === 'predict' ? [[`${quiz.id}/${q.id}`, q] as const] : [])))
const texts = quizzes.flatMap((quiz) => quiz.questions.flatMap((q) => (q.type === 'text' ? [[`${quiz.id}/${q.id}`, q.rubricId] as const] : [])))

describe('every predict question works in the real simulator', () => {
  it.each(predicts)('%s: the world is a valid scenario, every step succeeds, and the answerer is listed', (_id, q) => {
    expect(ScenarioSchema.safeParse({ ...q.scenario, probes: [q.probe] }).success).toBe(true)
    const run = runScenario({ ...q.scenario, probes: [q.probe] })
    if (!run.ok) throw new Error(run.error.message)
    expect(run.value.steps.filter((s) => !s.ok)).toEqual([])
    const key = computePredictKey(q, gradeDeps.runScenario)
    if (!key.ok) throw new Error(key.error.message)
    expect(key.value.explanation).not.toBe('')
    expect(key.value.trace.length).toBeGreaterThan(0)
  })
})

describe('every text question names a rubric the grader has', () => {
  it.each(texts)('%s → %s', (_id, rubricId) => {
    expect(parseQuestionId(rubricId).ok).toBe(true)
  })
})

describe('the lesson quiz graded end to end with the real engines', () => {
  const intro = loadQuiz('container-networking-intro')
  if (!intro) throw new Error('container-networking-intro quiz missing')
  const grade = async (answers: Record<string, unknown>) => {
    const parsed = parseAnswers(intro, answers)
    if (!parsed.ok) throw new Error(parsed.error.message)
    const r = await gradeAttempt(intro, parsed.value, gradeDeps)
    if (!r.ok) throw new Error(r.error.message)
    return r.value.questions.filter((q) => q.verdict !== 'unanswered')
  }

  // Docker facts §3 (25): a published port is DNAT-ed in nat PREROUTING to the container that published it,
  // so the laptop's curl to host1:8081 is answered by "api" on its port 80, not by a host process.
  it.each([
    [{ outcome: 'delivered', answererId: 'api' }, 'correct', 1],
    [{ outcome: 'delivered', answererId: 'host1-process' }, 'partial', 0.5],
    [{ outcome: 'delivered' }, 'partial', 0.5],
    [{ outcome: 'refused' }, 'incorrect', 0],
  ])('predict %j → %s', async (answer, verdict, score) => {
    const [q] = await grade({ 'predict-published-port': answer })
    expect([q?.verdict, q?.score]).toEqual([verdict, score])
    expect(q?.predict).toMatchObject({ outcome: 'delivered', answererId: 'api' })
    expect(q?.feedback.at(-1)).toMatch(/api/)
  })

  it('a text answer gets the rubric grader verdict and feedback', async () => {
    const good =
      'Host networking shares the host network stack, so there is no NAT and it is a little faster, but there is no isolation ' +
      'and ports conflict with the host and other containers. A bridge network isolates each container in its own namespace ' +
      'with a private IP so many containers can use port 80, but you need -p port publishing (NAT) to reach it from outside.'
    const [q] = await grade({ 'host-vs-bridge': { text: good } })
    expect(q?.verdict).not.toBe('incorrect')
    expect(q?.feedback.length).toBeGreaterThan(0)
    const [bad] = await grade({ 'host-vs-bridge': { text: 'host mode gives the container its own IP address on docker0 and needs -p' } })
    expect(bad?.verdict).toBe('incorrect')
    expect(bad?.feedback.join(' ')).toMatch(/\S+\.$/)
  })

  it('a world the simulator rejects is reported as a content error that names the field', () => {
    const q = intro.questions.find((x): x is PredictQuestion => x.type === 'predict')
    if (!q) throw new Error('no predict question')
    const broken: PredictQuestion = { ...q, scenario: { ...q.scenario, hosts: [{ name: 'host1', docker: true, nics: [{ name: 'eth0', lan: 'office', ip: '10.77.0.300' }] }] } }
    const key = computePredictKey(broken, gradeDeps.runScenario)
    expect(key.ok).toBe(false)
    if (!key.ok) expect(key.error.message).toMatch(/question "predict-published-port": the simulator rejected the scenario: .*10\.77\.0\.300/)
  })

  it('an answerer list that misses who really answers is a content error', () => {
    const q = intro.questions.find((x): x is PredictQuestion => x.type === 'predict')
    if (!q) throw new Error('no predict question')
    const key = computePredictKey({ ...q, answerers: q.answerers.filter((a) => a.id !== 'api') }, gradeDeps.runScenario)
    expect(key).toEqual({ ok: false, error: { code: 'invalid-quiz', message: 'question "predict-published-port": the simulator says host1/api:80 answers, but no answerer in "answerers" matches it' } })
  })
})
