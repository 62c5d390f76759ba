// Grading one challenge attempt: replay the commands, run every check's probe, judge the constraints, and for each
// failed check find the first hop where the learner's packet left the path the reference solution's packet takes.
// Pure: the server calls it with the reference solution; the browser may call it without one.
import { runProbe, type Hop, type Outcome, type ProbeResult, type World } from '@/simulator'
import { checkConstraint, type ConstraintResult } from './constraints'
import { replayCommands } from './replay'
import type { Challenge, ChallengeCheck, Command } from './schema'

export type Divergence = { index: number; expected: Hop | null; actual: Hop | null; message: string }

export type CheckResult = {
  id: string
  label: string
  passed: boolean
  expected: ChallengeCheck['expect']
  outcome: Outcome
  answeredBy: ProbeResult['answeredBy']
  explanation: string
  trace: Hop[]
  divergence: Divergence | null
}

export type GradeReport = { passed: boolean; checks: CheckResult[]; constraints: ConstraintResult[] }

const hopKey = (h: Hop) => `${h.stage}@${h.at}`

function formatHop(h: Hop): string {
  return `${h.at} (${h.stage}): ${h.note}`
}

/** The first index where the two hop sequences differ in place or stage; null when they are the same path. */
export function findDivergence(expected: readonly Hop[], actual: readonly Hop[]): Divergence | null {
  const n = Math.max(expected.length, actual.length)
  for (let i = 0; i < n; i++) {
    const e = expected[i] ?? null
    const a = actual[i] ?? null
    if (e !== null && a !== null && hopKey(e) === hopKey(a)) continue
    const message =
      a === null
        ? `Your packet stopped after hop ${i}; the expected path goes on to ${formatHop(e as Hop)}.`
        : e === null
          ? `Your packet went past the expected end to ${formatHop(a)}.`
          : `At hop ${i + 1} your packet went to ${formatHop(a)}, but the expected path goes to ${formatHop(e)}.`
    return { index: i, expected: e, actual: a, message }
  }
  // Same places, different fate (e.g. DNAT to a port nothing listens on): the first hop whose note differs.
  const i = actual.findIndex((a, k) => a.note !== expected[k]?.note)
  if (i === -1) return null
  const a = actual[i] as Hop
  const e = expected[i] as Hop
  return { index: i, expected: e, actual: a, message: `At hop ${i + 1} (${a.at}) your packet met "${a.note}", where the expected path has "${e.note}".` }
}

export function isCheckPassed(check: ChallengeCheck, probe: ProbeResult): boolean {
  if (probe.outcome !== check.expect.outcome) return false
  const want = check.expect.answeredBy
  if (want === undefined) return true
  return probe.answeredBy !== null && probe.answeredBy.host === want.host && probe.answeredBy.container === want.container
}

export function runChecks(world: World, challenge: Pick<Challenge, 'checks' | 'constraints'>, expectedWorld: World | null): GradeReport {
  const checks = challenge.checks.map((check): CheckResult => {
    const probe = runProbe(world, check.from, check.run)
    const passed = isCheckPassed(check, probe)
    const expectedTrace = expectedWorld === null ? null : runProbe(expectedWorld, check.from, check.run).trace
    return {
      id: check.id,
      label: check.label,
      passed,
      expected: check.expect,
      outcome: probe.outcome,
      answeredBy: probe.answeredBy,
      explanation: probe.explanation,
      trace: probe.trace,
      divergence: passed || expectedTrace === null ? null : findDivergence(expectedTrace, probe.trace),
    }
  })
  const constraints = challenge.constraints.map((c) => checkConstraint(world, c))
  return { passed: checks.every((c) => c.passed) && constraints.every((c) => c.passed), checks, constraints }
}

/** Grades `commands`; with `reference`, failed checks also say where the packet left the reference path. */
export function gradeChallenge(challenge: Challenge, commands: readonly Command[], reference?: readonly Command[]): GradeReport {
  const learner = replayCommands(challenge, commands).world
  const expected = reference === undefined ? null : replayCommands(challenge, reference).world
  return runChecks(learner, challenge, expected)
}
