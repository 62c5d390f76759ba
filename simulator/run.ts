// runScenario: validate the file, build the world, apply the steps in order, then trace every probe.
import { runCommandLine } from './command-line'
import { createWorld, type StepResult } from './model'
import { formatIssue, ScenarioSchema } from './parse/scenario'
import type { Result, SimError } from './result'
import { runProbe, type ProbeResult } from './trace'

export type ScenarioResult = { steps: StepResult[]; probes: ProbeResult[] }

export function runScenario(input: unknown): Result<ScenarioResult, SimError> {
  const parsed = ScenarioSchema.safeParse(input)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const path = issue === undefined ? '' : issue.path.map(String).join('.')
    const message = issue === undefined ? 'invalid scenario' : formatIssue(issue, input)
    return { ok: false, error: { code: 'invalid-field', message, path } }
  }
  let world = createWorld(parsed.data)
  const steps: StepResult[] = []
  for (const step of parsed.data.steps) {
    const r = runCommandLine(world, step.on, step.run)
    world = r.world
    steps.push(r.result)
  }
  const probes = parsed.data.probes.map((p) => runProbe(world, p.from, p.run))
  return { ok: true, value: { steps, probes } }
}

export function formatSimError(e: SimError): string {
  return e.message
}
