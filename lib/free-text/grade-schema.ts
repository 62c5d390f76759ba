// The grade as it crosses a boundary (CLI stdout, route handler response), so callers can parse it with zod.
import { z } from 'zod'

export const GradeSchema = z.strictObject({
  score: z.number().min(0).max(1),
  verdict: z.enum(['correct', 'partial', 'incorrect']),
  feedback: z.array(z.string().min(1)).min(1),
})
export type GradeJson = z.infer<typeof GradeSchema>
