// Grading one challenge attempt: replay the commands, run every check's probe, judge the constraints, and for each
// failed check find the first hop where the learner's packet left the path the reference solution's packet takes.
// Pure: the server calls it with the reference solution; the browser may call it without one.
import { joinMachine, runCommandLine, runProbe, type Hop, type Outcome, type ProbeResult, type World } from '@/simulator'
import { checkConstraint, type ConstraintResult } from './constraints'
import { isProbeLine, replayCommands, type Replay } from './replay'
import type { Challenge, ChallengeCheck, Command } from './schema'

export type Divergence = { index: number; expected: Hop | null; actual: Hop | null; message: string }

export type CheckResult = {
  id: string
  label: string
  verifies: readonly string[]
  passed: boolean
  expected: ChallengeCheck['expect']
  outcome: Outcome
  answeredBy: ProbeResult['answeredBy']
  explanation: string
  trace: Hop[]
  divergence: Divergence | null
}

/** A requirement the goal states, met when every check and constraint that verifies it passed. */
export type RequirementResult = { id: string; text: string; passed: boolean }

export type GradeReport = { passed: boolean; checks: CheckResult[]; constraints: ConstraintResult[]; requirements: RequirementResult[] }

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
  const never = check.expect.neverReaches
  if (never !== undefined && probe.trace.some((h) => h.stage === 'container-app' && h.at === `${never.host}:${never.container}`)) return false
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
  return { outcome: 'error', answeredBy: null, reason: { kind: 'failed', message: explanation }, explanation, trace: [{ stage: 'os', kind: 'host-stack', at: from, packet: { src: '0.0.0.0', dst: '0.0.0.0', proto: 'tcp' }, note: explanation }] }
}

/** The world a check probes: with `join`, a new machine named `from` joins the LAN first. */
function worldForCheck(world: World, check: ChallengeCheck): World {
  if (check.join === undefined) return world
  const joined = joinMachine(world, { name: check.from, lan: check.join.lan, ip: check.join.ip })
  if (!joined.ok) throw new Error(`check ${check.id}: ${joined.error.message}`)
  return joined.value
}

/** How a check's probe ends in this world (a joining machine joins first). */
export function runCheck(world: World, check: ChallengeCheck): ProbeResult {
  return runCheckProbe(worldForCheck(world, check), check.from, check.run)
}

/**
 * Runs every check and constraint on the replayed world. A check's `expect.neverReaches` fails it when the probe's
 * packets got to that container (say, a rule that drops only the replies: the scanner's requests still reach web).
 */
export function runChecks(replay: Pick<Replay, 'start' | 'world' | 'history'>, challenge: Pick<Challenge, 'checks' | 'constraints' | 'requirements'>, expectedWorld: World | null): GradeReport {
  const world = replay.world
  const checks = challenge.checks.map((check): CheckResult => {
    const probe = runCheck(world, check)
    const passed = isCheckPassed(check, probe)
    return {
      id: check.id,
      label: check.label,
      verifies: check.verifies,
      passed,
      expected: check.expect,
      outcome: probe.outcome,
      answeredBy: probe.answeredBy,
      explanation: probe.explanation,
      trace: probe.trace,
      // The reference packet is traced only for a check that failed: a passed check has nothing to compare.
      divergence: passed || expectedWorld === null ? null : findDivergence(runCheck(expectedWorld, check).trace, probe.trace),
    }
  })
  const constraints = challenge.constraints.map((c) => checkConstraint(world, c, replay))
  const failed = new Set([...checks, ...constraints].filter((c) => !c.passed).flatMap((c) => c.verifies))
  const requirements = challenge.requirements.map((r) => ({ id: r.id, text: r.text, passed: !failed.has(r.id) }))
  return { passed: checks.every((c) => c.passed) && constraints.every((c) => c.passed), checks, constraints, requirements }
}

// The world a reference solution builds, once per loaded challenge and solution (worlds are immutable).
const referenceWorlds = new WeakMap<readonly Command[], { for: Challenge['world']; world: World }>()

function referenceWorld(challenge: Challenge, reference: readonly Command[]): World {
  const known = referenceWorlds.get(reference)
  if (known && known.for === challenge.world) return known.world
  const world = replayCommands(challenge, reference).world
  referenceWorlds.set(reference, { for: challenge.world, world })
  return world
}

/** Grades a replay of the learner's commands; with `reference`, failed checks also say where the packet left its path. */
export function gradeReplay(challenge: Challenge, learner: Replay, reference?: readonly Command[]): GradeReport {
  return runChecks(learner, challenge, reference === undefined ? null : referenceWorld(challenge, reference))
}

/** Grades `commands`; with `reference`, failed checks also say where the packet left the reference path. */
export function gradeChallenge(challenge: Challenge, commands: readonly Command[], reference?: readonly Command[]): GradeReport {
  return gradeReplay(challenge, replayCommands(challenge, commands), reference)
}
