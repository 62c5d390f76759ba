// The shape of a rubric file (content/review/rubrics/review-qN.json). A rubric names concepts (each a list of
// phrasings), builds claims out of them (concepts that must meet in one sentence, the last one being the predicate
// whose negation counts), and groups claims into the points a good answer makes and the wrong claims it must avoid.
import { z } from 'zod'
import { formatZodPath } from '../../simulator/parse/zod-path'

export const REVIEW_QUESTION_IDS = ['review-q1', 'review-q2', 'review-q3', 'review-q4'] as const
export const ReviewQuestionIdSchema = z.enum(REVIEW_QUESTION_IDS, {
  error: () => `must be one of ${REVIEW_QUESTION_IDS.join(', ')}`,
})
export type ReviewQuestionId = z.infer<typeof ReviewQuestionIdSchema>

const IdSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case, like "host-driver"')

export const ClaimSchema = z.strictObject({
  /** concept ids that must all occur in one sentence; the last is the predicate */
  all: z.array(IdSchema).min(1),
  /** true: the claim is made when the predicate is negated ("does not share the host IP") */
  negated: z.boolean().default(false),
  /** the claim is about this subject: the nearest subject mention before the predicate must be this concept */
  subject: IdSchema.optional(),
  /** how many words the other concepts may be from the predicate */
  span: z.number().int().min(1).max(40).default(12),
  /** true: the other concepts must sit in the predicate's clause, not only its sentence ("the bridge does the DNAT",
   * but not "bridge, iptables (DNAT in)" or the steps "DNAT -> docker0" of an arrow chain) */
  sameClause: z.boolean().default(false),
})
export type Claim = z.infer<typeof ClaimSchema>

const FeedbackSchema = z.string().min(10).regex(/[.!?]$/, 'must be one sentence ending in . ! or ?')

export const PointSchema = z.strictObject({
  id: IdSchema,
  label: z.string().min(3),
  weight: z.number().positive().default(1),
  claims: z.array(ClaimSchema).min(1),
  /** vaguer ways of making the point ("uses NAT"): enough for partial, never for correct */
  vague: z.array(ClaimSchema).default([]),
  /** shown when the point is missing or vague: one sentence that says what to add */
  feedback: FeedbackSchema,
  section: IdSchema,
})
export type Point = z.infer<typeof PointSchema>

export const WrongClaimSchema = z.strictObject({
  id: IdSchema,
  label: z.string().min(3),
  /** a central wrong claim makes the answer incorrect; a minor one caps it at partial */
  central: z.boolean(),
  claims: z.array(ClaimSchema).min(1),
  /** shown when the claim is made: one sentence that says what is true instead */
  feedback: FeedbackSchema,
  section: IdSchema,
})
export type WrongClaim = z.infer<typeof WrongClaimSchema>

export const RubricSchema = z
  .strictObject({
    questionId: ReviewQuestionIdSchema,
    question: z.string().min(10),
    /** other wordings of the question (the lesson's), so a pasted copy of any of them is recognised */
    questionVariants: z.array(z.string().min(10)).default([]),
    /** lesson section anchors, kept here so an author can move them when lessons change */
    sections: z.record(IdSchema, z.string().regex(/^\/lessons\/[a-z0-9-]+#[a-z0-9-]+$/, 'must look like /lessons/slug#anchor')),
    /** concepts that can be the subject of a claim (the drivers, say); used to attribute a predicate */
    subjects: z.array(IdSchema).default([]),
    /** the subject of a predicate when the answer names none (an answer to the macvlan question is about macvlan) */
    defaultSubject: IdSchema.optional(),
    concepts: z.record(IdSchema, z.array(z.string().min(1)).min(1)),
    points: z.array(PointSchema).min(1),
    wrongClaims: z.array(WrongClaimSchema),
    verdict: z.strictObject({
      /** points that a correct answer must all make */
      correctAll: z.array(IdSchema),
      /** groups of points: a correct answer makes at least one point of each group */
      correctAnyOf: z.array(z.array(IdSchema).min(1)).default([]),
      /** how many points a correct answer makes at least, whichever they are */
      minPoints: z.number().int().min(0).default(0),
    }),
    /** feedback when every point is made */
    praise: FeedbackSchema,
  })
  .superRefine((rubric, ctx) => {
    const concepts = new Set(Object.keys(rubric.concepts))
    const points = new Set(rubric.points.map((p) => p.id))
    const sections = new Set(Object.keys(rubric.sections))
    const missing = (path: (string | number)[], kind: string, id: string) =>
      ctx.addIssue({ code: 'custom', path, message: `unknown ${kind} "${id}"` })
    rubric.subjects.forEach((id, i) => concepts.has(id) || missing(['subjects', i], 'concept', id))
    if (rubric.defaultSubject !== undefined && !rubric.subjects.includes(rubric.defaultSubject)) {
      missing(['defaultSubject'], 'subject', rubric.defaultSubject)
    }
    const checkItem = (list: 'points' | 'wrongClaims', item: Point | WrongClaim, i: number) => {
      if (!sections.has(item.section)) missing([list, i, 'section'], 'section', item.section)
      const checkClaim = (key: 'claims' | 'vague') => (claim: Claim, c: number) => {
        claim.all.forEach((id, k) => concepts.has(id) || missing([list, i, key, c, 'all', k], 'concept', id))
        if (claim.subject !== undefined && !rubric.subjects.includes(claim.subject)) {
          missing([list, i, key, c, 'subject'], 'subject', claim.subject)
        }
      }
      item.claims.forEach(checkClaim('claims'))
      if ('vague' in item) item.vague.forEach(checkClaim('vague'))
    }
    rubric.points.forEach((p, i) => checkItem('points', p, i))
    rubric.wrongClaims.forEach((w, i) => checkItem('wrongClaims', w, i))
    rubric.verdict.correctAll.forEach((id, i) => points.has(id) || missing(['verdict', 'correctAll', i], 'point', id))
    rubric.verdict.correctAnyOf.forEach((group, g) =>
      group.forEach((id, i) => points.has(id) || missing(['verdict', 'correctAnyOf', g, i], 'point', id)),
    )
    const ids = [...rubric.points.map((p) => p.id), ...rubric.wrongClaims.map((w) => w.id)]
    const dup = ids.find((id, i) => ids.indexOf(id) !== i)
    if (dup !== undefined) ctx.addIssue({ code: 'custom', path: ['points'], message: `duplicate id "${dup}"` })
  })
export type Rubric = z.infer<typeof RubricSchema>

/** "points[1].claims[0].all[2]: unknown concept \"dnat\"", for the author who broke the file. */
export function formatRubricIssues(file: string, error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      return `${file}: ${formatZodPath(issue.path) || '(root)'}: ${issue.message}`
    })
    .join('\n')
}
