// The real engines behind quiz grading: the simulator computes predict-the-packet keys, the rubric grader
// grades text answers. Kept apart from grade.ts so the grading rules stay pure, and server-only because the
// rubrics are answer keys that must never be bundled for the browser.
import 'server-only'
import { gradeAnswer, parseQuestionId } from '@/lib/free-text/grade-answer.server'
import { runScenario } from '@/simulator'
import type { GradeDeps } from './grade'

export const gradeDeps: GradeDeps = {
  runScenario,
  gradeAnswer: (rubricId, text) => {
    const id = parseQuestionId(rubricId)
    // Every quiz's rubricId is checked against the rubrics by engines.server.test.ts; reaching this is a content bug.
    if (!id.ok) throw new Error(`rubricId "${rubricId}": ${id.error.message}`)
    const grade = gradeAnswer(id.value, text)
    return { score: grade.score, verdict: grade.verdict, feedback: [...grade.feedback] }
  },
}
