// Grading one challenge attempt: replay the commands, run every check's probe, judge the constraints, and for each
// failed check find the first hop where the learner's packet left the path the reference solution's packet takes.
// Pure: the server calls it with the reference solution; the browser may call it without one.
import { runCommandLine, runProbe, type Hop, type Outcome, type ProbeResult, type World } from '@/simulator'
import { checkConstraint, type ConstraintResult } from './constraints'
import { isProbeLine, replayCommands } from './replay'
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

// Where a hop is, in words a learner knows from lesson 1's path (Internet → Router → NIC → OS → Docker → plugin → app).
const STAGE_WORDS: Readonly<Record<Hop['stage'], string>> = {
  internet: 'the internet',
  router: 'the router',
  'host-nic': "the host's NIC",
  os: "the host's kernel: routing and iptables",
  'docker-engine': "Docker Engine's own processes (docker-proxy, the embedded DNS)",
  'network-plugin': 'the network driver',
  'container-app': 'the container',
}

function place(h: Hop): string {
  return `${h.at} (${STAGE_WORDS[h.stage]})`
}

function sentence(note: string): string {
  return /[.!?]$/.test(note) ? note : `${note}.`
}

/**
 * The first index where the two hop sequences differ in place or stage; null when they are the same path.
 * The message tells what happened to the learner's packet and only *where* the reference packet goes: the reference
 * hop's note would name the fix (e.g. the exact iptables rule), which the hint ladder reveals step by step instead.
 */
export function findDivergence(expected: readonly Hop[], actual: readonly Hop[]): Divergence | null {
  const n = Math.max(expected.length, actual.length)
  for (let i = 0; i < n; i++) {
    const e = expected[i] ?? null
    const a = actual[i] ?? null
    if (e !== null && a !== null && hopKey(e) === hopKey(a)) continue
    const last = actual[i - 1]
    const message =
      a === null
        ? `Your packet ended at hop ${i}, ${last === undefined ? 'before it left' : `${place(last)}: ${sentence(last.note)}`} In a working setup it goes on to ${place(e as Hop)}.`
        : e === null
          ? `Your packet went further than in a working setup, where it ends at hop ${i}. At hop ${i + 1} it reached ${place(a)}: ${sentence(a.note)}`
          : `At hop ${i + 1} your packet went to ${place(a)}: ${sentence(a.note)} In a working setup it goes to ${place(e)} instead.`
    return { index: i, expected: e, actual: a, message }
  }
  // Same places, different fate (e.g. DNAT to a port nothing listens on): the first hop whose note differs.
  const i = actual.findIndex((a, k) => a.note !== expected[k]?.note)
  if (i === -1) return null
  const a = actual[i] as Hop
  const e = expected[i] as Hop
  return { index: i, expected: e, actual: a, message: `At hop ${i + 1}, ${place(a)}, your packet met this: ${sentence(a.note)} In a working setup the packet passes the same place with a different result.` }
}

export function isCheckPassed(check: ChallengeCheck, probe: ProbeResult): boolean {
  if (probe.outcome !== check.expect.outcome) return false
  const want = check.expect.answeredBy
  if (want === undefined) return true
  return probe.answeredBy !== null && probe.answeredBy.host === want.host && probe.answeredBy.container === want.container
}

/**
 * A check's probe: a probe line (curl, ping, nslookup, nc, docker exec …), or a foreground `docker run --rm …` whose
 * command is one, for a container whose image has no client (postgres): `docker run --rm --network container:db
 * alpine ping -c 1 10.77.0.50` probes from db's namespace, as on a real host. The world it runs in is not kept.
 */
export function runCheckProbe(world: World, from: string, run: string): ProbeResult {
  if (isProbeLine(run)) return runProbe(world, from, run)
  const r = runCommandLine(world, from, run)
  if (r.probe !== undefined) return r.probe.result
  const explanation = r.result.ok ? `"${run}" runs no probe: a check runs curl, wget, ping, nslookup or nc, through docker exec or a foreground docker run` : r.result.error
  return { outcome: 'error', answeredBy: null, explanation, trace: [{ stage: 'os', kind: 'host-stack', at: from, packet: { src: '0.0.0.0', dst: '0.0.0.0', proto: 'tcp' }, note: explanation }] }
}

export function runChecks(world: World, challenge: Pick<Challenge, 'checks' | 'constraints'>, expectedWorld: World | null): GradeReport {
  const checks = challenge.checks.map((check): CheckResult => {
    const probe = runCheckProbe(world, check.from, check.run)
    const passed = isCheckPassed(check, probe)
    const expectedTrace = expectedWorld === null ? null : runCheckProbe(expectedWorld, check.from, check.run).trace
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
