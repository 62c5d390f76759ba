// Issue 7's acceptance, as a learner meets it through the API: solve every challenge with its reference solution,
// answer every quiz rightly, mark every lesson complete, and the course is complete with a course grade. Everything
// real: the lessons and grading.json of content/, the simulator replaying commands, the rubric grader, SQLite.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('server-only', () => ({}))

const { openTempDb, testContext, apiRequest, cookieFrom } = await import('./test-helpers')
const { loadLessons } = await import('../content/load.server')
const { parseGradingConfig } = await import('./catalog.server')
const { toCatalog } = await import('./grading')
const { handleChallengeAttempt } = await import('../challenges/api.server')
const { getSolutions } = await import('../challenges/solutions/index.server')
const { handleQuizAttempt } = await import('../quiz/api.server')
const { getQuiz } = await import('../quiz/quizzes.server')
const { gradeDeps } = await import('../quiz/engines.server')
const { computePredictKey } = await import('../quiz/grade')
const { handleGetProgress, handleLessonComplete } = await import('./api.server')

const root = process.cwd()
const grading = parseGradingConfig(JSON.parse(readFileSync(path.join(root, 'content', 'grading.json'), 'utf8')))

/** A sample answer the calibration set labels correct, for a free-text question graded by `rubricId`. */
function correctText(rubricId: string): string {
  const file = path.join(root, 'content', 'review', 'calibration', `${rubricId}.json`)
  const set = JSON.parse(readFileSync(file, 'utf8')) as { samples: { answer: string; label: string }[] }
  const sample = set.samples.find((s) => s.label === 'correct')
  if (!sample) throw new Error(`${file} has no sample labelled correct`)
  return sample.answer
}

function rightAnswers(quizId: string): Record<string, unknown> {
  const quiz = getQuiz(quizId)
  if (!quiz) throw new Error(`no quiz ${quizId}`)
  return Object.fromEntries(
    quiz.questions.map((q) => {
      switch (q.type) {
        case 'single':
          return [q.id, { optionId: q.options.find((o) => o.correct)?.id }]
        case 'multiple':
          return [q.id, { optionIds: q.options.filter((o) => o.correct).map((o) => o.id) }]
        case 'predict': {
          const key = computePredictKey(q, gradeDeps.runScenario)
          if (!key.ok) throw new Error(key.error.message)
          return [q.id, key.value.answererId === null ? { outcome: key.value.outcome } : { outcome: key.value.outcome, answererId: key.value.answererId }]
        }
        case 'text':
          return [q.id, { text: correctText(q.rubricId) }]
      }
    }),
  )
}

let temp: Awaited<ReturnType<typeof openTempDb>>
beforeEach(async () => {
  temp = await openTempDb()
})
afterEach(async () => {
  await temp.close()
})

describe('a learner finishes the course', () => {
  it('solves every challenge, passes every quiz, completes every lesson, and gets a course grade', async () => {
    const lessons = await loadLessons(path.join(root, 'content', 'lessons'))
    const ctx = testContext(temp.db, { catalog: toCatalog(lessons, grading) })
    // Every lesson of the course is graded, and grading.json names no lesson the course does not have.
    expect(Object.keys(grading.lessons).sort()).toEqual(lessons.map((l) => l.id).sort())

    // A first read stores no learner and sets no cookie; the first attempt does both.
    let cookie = cookieFrom(await handleGetProgress(apiRequest('/api/progress'), ctx))
    expect(cookie).toBeUndefined()
    const post = (url: string, body: unknown) => apiRequest(url, { body, cookie })

    for (const [lessonId, lesson] of Object.entries(grading.lessons)) {
      for (const item of lesson.items) {
        const res =
          item.kind === 'challenge'
            ? await handleChallengeAttempt(post(`/api/challenges/${item.id}/attempts`, { commands: getSolutions(item.id)?.reference ?? [] }), ctx, item.id)
            : await handleQuizAttempt(post(`/api/quizzes/${item.id}/attempts`, { answers: rightAnswers(item.id) }), ctx, item.id, { deps: gradeDeps })
        expect(res.status, `${lessonId}: ${item.kind} ${item.id}`).toBe(200)
        cookie = cookieFrom(res) ?? cookie
      }
      expect((await handleLessonComplete(post('/api/progress/complete', { lessonId }), ctx)).status).toBe(200)
    }

    expect(cookie).toBeDefined()
    const progress = (await (await handleGetProgress(apiRequest('/api/progress', { cookie }), ctx)).json()) as {
      course: { grade: number; percentComplete: number; completed: boolean; requiredDone: number; requiredTotal: number }
    }
    expect(progress.course.completed).toBe(true)
    expect(progress.course.requiredDone).toBe(progress.course.requiredTotal)
    expect(progress.course.percentComplete).toBe(100)
    // Free-text answers may score a little under 1 even when correct; everything else is full marks.
    expect(progress.course.grade).toBeGreaterThan(0.9)
  }, 120_000)
})
