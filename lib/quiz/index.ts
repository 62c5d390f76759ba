// Quizzes: the file format (QuizSchema), the public view the browser gets before an attempt, the pure grader,
// and the attempt response the client parses. Client-safe: nothing here reads files or holds a key. Loading files
// and wiring the simulator and the free-text grader live in quizzes.server.ts; storage is lib/progress/store.server.ts.
// Client components are the exception to "import from the index": they import response-schema.ts's and
// public-view.ts's types directly (lib/queries.ts sends the attempt), because this index re-exports the zod
// schemas and would put zod in a lesson's first-load JavaScript.
export { QuizSchema, AttemptBodySchema, OUTCOMES, formatIssues } from './schema'
export type { Quiz, Question, Outcome, AttemptBody } from './schema'
export { toPublicQuiz, findKeyFields } from './public-view'
export type { PublicQuiz, PublicQuestion } from './public-view'
export { parseAnswers } from './answers'
export type { QuizError, GivenAnswer } from './answers'
export { gradeAttempt, multipleCredit, computePredictKey } from './grade'
export type { AttemptResult, QuestionResult, GradeDeps } from './grade'
export { AttemptResponseSchema, QuestionResultSchema } from './response-schema'
export type { AttemptResponse, QuestionResultView } from './response-schema'
