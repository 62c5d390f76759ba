// Challenge files (content/challenges/<id>.json) and the attempt body, as zod schemas. A challenge is data: the start
// world in the simulator's scenario format, the goal in words, the requirements the goal states, the checks (probes
// with the outcome each must have) and constraints (final-state rules) that verify them, a hint ladder and points.
// Reference solutions are not here: they live in lib/challenges/solutions/ and never reach the browser.
import { z } from 'zod'
import { OutcomeSchema, ScenarioSchema } from '@/simulator'
import { goalText, parseGoal } from './goal'

const IdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lowercase letters, digits and "-"')
const NameSchema = z.string().min(1).max(64)

export { OutcomeSchema }

/** The requirements of the goal this check or constraint verifies (ids from the challenge's `requirements`). */
const VerifiesSchema = z.array(IdSchema).min(1, 'name the requirement(s) this verifies')

export const ChallengeCheckSchema = z.strictObject({
  id: IdSchema,
  label: z.string().min(1),
  verifies: VerifiesSchema,
  // A machine that joins the LAN just before the probe (and probes as `from`): "any machine that joins later".
  join: z.strictObject({ lan: NameSchema, ip: z.string().min(1) }).optional(),
  from: NameSchema,
  run: z.string().min(1),
  expect: z.strictObject({
    outcome: OutcomeSchema,
    answeredBy: z.strictObject({ host: NameSchema, container: NameSchema.nullable() }).optional(),
    // The probe's packets must not get to this container at all (dropped on the way in, not only the reply).
    neverReaches: z.strictObject({ host: NameSchema, container: NameSchema }).optional(),
  }),
})
export type ChallengeCheck = z.infer<typeof ChallengeCheckSchema>

const Message = z.string().min(1)
const CidrText = z.string().regex(/^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/, 'a CIDR prefix like 10.77.0.192/27')
// A container of the final world, by host and name.
const Where = { verifies: VerifiesSchema, host: NameSchema, container: NameSchema, message: Message }

export const ConstraintSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('forbid-network-mode'), verifies: VerifiesSchema, mode: z.literal('host'), message: Message }),
  z.strictObject({
    kind: z.literal('require-driver'),
    ...Where,
    driver: z.enum(['bridge', 'macvlan', 'ipvlan', 'overlay']),
    parent: NameSchema.optional(),
    // true: a network the learner created (not the default bridge).
    userDefined: z.boolean().optional(),
  }),
  // The container runs this image (any tag or registry prefix: nginx:1.27 and docker.io/library/nginx are nginx).
  z.strictObject({ kind: z.literal('image'), ...Where, image: NameSchema }),
  // The container's network mode (none: no interface but loopback).
  z.strictObject({ kind: z.literal('network-mode'), ...Where, mode: z.enum(['none', 'host', 'default']) }),
  // Its published ports: none at all, or only ports whose host port Docker picked (-P, -p 80, -p 127.0.0.1::80).
  z.strictObject({ kind: z.literal('published-ports'), ...Where, allow: z.enum(['none', 'automatic']) }),
  // Its addresses came from Docker's IPAM, not from --ip.
  z.strictObject({ kind: z.literal('automatic-address'), ...Where }),
  // The same container as in the start world (same ID), never stopped, restarted or removed on the way.
  z.strictObject({ kind: z.literal('keep-container'), ...Where }),
  // Every rule the start world had in this chain is still there (in order), except the ones listed (as typed in the world's steps).
  z.strictObject({ kind: z.literal('keep-rules'), verifies: VerifiesSchema, host: NameSchema, chain: z.enum(['INPUT', 'FORWARD', 'OUTPUT', 'DOCKER-USER']), except: z.array(z.string().min(1)), message: Message }),
  // The host routes the whole prefix through an interface of this kind (ip route add PREFIX dev SHIM).
  z.strictObject({ kind: z.literal('route'), verifies: VerifiesSchema, host: NameSchema, to: CidrText, devKind: z.enum(['macvlan', 'vlan', 'physical']), message: Message }),
  // A swarm service with this image and exactly this many tasks.
  z.strictObject({ kind: z.literal('service'), verifies: VerifiesSchema, service: NameSchema, image: NameSchema, tasks: z.number().int().positive(), message: Message }),
])
export type Constraint = z.infer<typeof ConstraintSchema>

export const HintSchema = z.strictObject({ level: z.enum(['nudge', 'concept', 'command']), text: z.string().min(1) })
export type Hint = z.infer<typeof HintSchema>

/** One thing the goal asks for, in words a learner reads when it is not met. */
export const RequirementSchema = z.strictObject({ id: IdSchema, text: z.string().min(1) })
export type Requirement = z.infer<typeof RequirementSchema>

export const ChallengeSchema = z
  .strictObject({
    id: IdSchema,
    title: z.string().min(1),
    // Marked up: every sentence ends with "[#requirement-id …]" or "[-]" (lib/challenges/goal.ts); parsed, it is plain.
    goal: z.string().min(1),
    requirements: z.array(RequirementSchema).min(1, 'list the requirements the goal states'),
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
      if (k.join === undefined && !names.has(k.from)) ctx.addIssue({ code: 'custom', path: ['checks', i, 'from'], message: `no machine named "${k.from}" in the world` })
      if (k.join !== undefined && names.has(k.from)) ctx.addIssue({ code: 'custom', path: ['checks', i, 'from'], message: `"${k.from}" joins the LAN, so it must be a new name, not a machine of the world` })
      if (k.join !== undefined && !c.world.lans.some((l) => l.name === k.join?.lan)) ctx.addIssue({ code: 'custom', path: ['checks', i, 'join', 'lan'], message: `no LAN named "${k.join.lan}" in the world` })
    })
    // Requirements: each is stated by a goal sentence and verified by a check or a constraint; every id used exists.
    const ids = new Set<string>()
    c.requirements.forEach((r, i) => {
      if (ids.has(r.id)) ctx.addIssue({ code: 'custom', path: ['requirements', i, 'id'], message: `requirement "${r.id}" is listed twice` })
      ids.add(r.id)
    })
    const goal = parseGoal(c.goal)
    for (const p of goal.problems) ctx.addIssue({ code: 'custom', path: ['goal'], message: p })
    const stated = new Set(goal.sentences.flatMap((s) => s.requirements))
    for (const id of stated) if (!ids.has(id)) ctx.addIssue({ code: 'custom', path: ['goal'], message: `the goal tags "#${id}", which is not in "requirements"` })
    const verified = new Set<string>()
    const refer = (list: readonly string[], path: (string | number)[]) =>
      list.forEach((id) => {
        verified.add(id)
        if (!ids.has(id)) ctx.addIssue({ code: 'custom', path, message: `verifies "${id}", which is not in "requirements"` })
      })
    c.checks.forEach((k, i) => refer(k.verifies, ['checks', i, 'verifies']))
    c.constraints.forEach((k, i) => refer(k.verifies, ['constraints', i, 'verifies']))
    c.requirements.forEach((r, i) => {
      if (!stated.has(r.id)) ctx.addIssue({ code: 'custom', path: ['requirements', i], message: `no goal sentence states "${r.id}": tag the sentence with [#${r.id}]` })
      if (!verified.has(r.id)) ctx.addIssue({ code: 'custom', path: ['requirements', i], message: `no check or constraint verifies "${r.id}"` })
    })
  })
  // Learners (and the browser bundle) get the goal without its markup.
  .transform((c) => ({ ...c, goal: goalText(c.goal) }))
export type Challenge = z.output<typeof ChallengeSchema>

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
