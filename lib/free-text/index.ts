// Free-text grading for the review questions: a deterministic rubric engine that runs in-process, with no
// external service. text.ts tokenises (case, punctuation, contractions, stems, sentences and clauses);
// phrase-match.ts finds rubric phrasings with spelling tolerance; claims.ts decides whether a claim is made
// (concepts in one sentence, negation, attribution to a subject); grade.ts turns points and wrong claims into a
// verdict, a score and feedback; neighbours.ts settles an answer the rubric leaves undecided by the closest reviewed
// answers (content/review/calibration, read by reviewed-answers.ts). Rubric data lives in content/review/rubrics and
// is validated by RubricSchema.
// Leaves to others: storing attempts (lib/quiz/attempt.server.ts, through lib/quiz/engines.server.ts) and the review
// page. App code imports grade-answer.server.ts, never this module from a client component, because the rubrics are
// answer keys.
export { gradeAnswer, gradeByRubric, getRubric, parseQuestionId } from './rubrics'
export type { Grade, Verdict } from './grade'
export { GradeSchema } from './grade-schema'
export {
  REVIEW_QUESTION_IDS,
  ReviewQuestionIdSchema,
  RubricSchema,
  type ReviewQuestionId,
  type Rubric,
} from './rubric-schema'
