// Challenge files (content/challenges/<id>.json) and the attempt body, as zod schemas. A challenge is data: the start
// world in the simulator's scenario format, the goal in words, the checks (probes with the outcome each must have),
// constraints on how the world may be built, a hint ladder and points. Reference solutions are not here: they live
// in lib/challenges/solutions/ and never reach the browser.
import { z } from 'zod'
import { ScenarioSchema } from '@/simulator'

const IdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lowercase letters, digits and "-"')
const NameSchema = z.string().min(1).max(64)

export const OutcomeSchema = z.enum(['delivered', 'refused', 'timeout', 'unreachable', 'unresolved', 'error'])

export const ChallengeCheckSchema = z.strictObject({
  id: IdSchema,
  label: z.string().min(1),
  from: NameSchema,
  run: z.string().min(1),
  expect: z.strictObject({
    outcome: OutcomeSchema,
    answeredBy: z.strictObject({ host: NameSchema, container: NameSchema.nullable() }).optional(),
  }),
})
export type ChallengeCheck = z.infer<typeof ChallengeCheckSchema>

export const ConstraintSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('forbid-network-mode'), mode: z.literal('host'), message: z.string().min(1) }),
  z.strictObject({
    kind: z.literal('require-driver'),
    host: NameSchema,
    container: NameSchema,
    driver: z.enum(['bridge', 'macvlan', 'ipvlan', 'overlay']),
    parent: NameSchema.optional(),
    message: z.string().min(1),
  }),
])
export type Constraint = z.infer<typeof ConstraintSchema>

export const HintSchema = z.strictObject({ level: z.enum(['nudge', 'concept', 'command']), text: z.string().min(1) })
export type Hint = z.infer<typeof HintSchema>

export const ChallengeSchema = z
  .strictObject({
    id: IdSchema,
    title: z.string().min(1),
    goal: z.string().min(1),
    world: ScenarioSchema,
    checks: z.array(ChallengeCheckSchema).min(1, 'a challenge needs at least one check'),
    constraints: z.array(ConstraintSchema).default([]),
    hints: z.array(HintSchema).min(3, 'a hint ladder needs at least three rungs: nudge, concept, command'),
    points: z.number().int().positive(),
  })
  .superRefine((c, ctx) => {
    if (c.world.probes.length > 0) ctx.addIssue({ code: 'custom', path: ['world', 'probes'], message: 'put probes in "checks", not in the world' })
    const names = new Set([...c.world.hosts.map((h) => h.name), ...c.world.internet.map((h) => h.name), ...c.world.routers.map((r) => r.name)])
    c.checks.forEach((k, i) => {
      if (!names.has(k.from)) ctx.addIssue({ code: 'custom', path: ['checks', i, 'from'], message: `no machine named "${k.from}" in the world` })
    })
  })
export type Challenge = z.infer<typeof ChallengeSchema>

/**
 * What a challenge page may carry: everything but the hint texts, which the server hands out one rung at a time
 * (GET/POST /api/challenges/<id>/hints). `hintLevels` lets the page label the next rung (the command rung counts
 * as the reference).
 */
export type PublicChallenge = Omit<Challenge, 'hints'> & { hintLevels: Hint['level'][] }

export function toPublicChallenge(challenge: Challenge): PublicChallenge {
  const { hints, ...rest } = challenge
  return { ...rest, hintLevels: hints.map((h) => h.level) }
}

/** One command as typed in the terminal: on which host, and the line. */
export const CommandSchema = z.strictObject({
  on: NameSchema,
  run: z.string().min(1, 'a command cannot be empty').max(1000, 'a command is at most 1000 characters'),
})
export type Command = z.infer<typeof CommandSchema>

/**
 * POST /api/challenges/<id>/attempts. Anything the client might claim about passing or help is not a field here:
 * the server counts the hints it served (lib/challenges/help.server.ts).
 */
export const ChallengeAttemptBodySchema = z.strictObject({
  commands: z.array(CommandSchema).max(300, 'at most 300 commands per attempt'),
})
export type ChallengeAttemptBody = z.infer<typeof ChallengeAttemptBodySchema>

export function formatIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`).join('; ')
}
