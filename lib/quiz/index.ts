// Quizzes: the file format (QuizSchema), the public view the browser gets before an attempt, the pure grader,
// and the attempt response the client parses. Client-safe: nothing here reads files or holds a key. Loading files
// and wiring the simulator and the free-text grader live in quizzes.server.ts; storage is lib/progress.server.ts.
export { QuizSchema, AttemptBodySchema, OUTCOMES, formatIssues } from './schema'
export type { Quiz, Question, Outcome, AttemptBody } from './schema'
export { toPublicQuiz, findKeyFields } from './public-view'
export type { PublicQuiz, PublicQuestion } from './public-view'
export { parseAnswers } from './answers'
export type { QuizError, GivenAnswer } from './answers'
export { gradeAttempt, multipleCredit, computePredictKey } from './grade'
export type { AttemptResult, QuestionResult, GradeDeps } from './grade'
export { AttemptResponseSchema, postQuizAttempt } from './response'
export type { AttemptResponse, QuestionResultView } from './response'
