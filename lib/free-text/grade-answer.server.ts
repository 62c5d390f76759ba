// The entry point the app uses. 'server-only' makes a build fail if a client component imports it, so rubric
// data (the answer keys) never ships to the browser. The engine itself stays free of it so vitest and the CLI can
// load it under plain Node.
import 'server-only'

export { gradeAnswer, parseQuestionId, warmReviewedAnswers } from './rubrics'
export { GradeSchema } from './grade-schema'
export type { Grade, Verdict } from './grade'
export { REVIEW_QUESTION_IDS, ReviewQuestionIdSchema, type ReviewQuestionId } from './rubric-schema'
