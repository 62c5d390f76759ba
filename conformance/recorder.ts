/**
 * Records one scenario on a fresh test bed: build the namespaces and engines, run the steps in order, run
 * the probes, then tear everything down (also when a step throws). The caller adds annotations.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { Cleanup, throwIfAborting, track, untrack } from './cleanup'
import { killContainerCgroups, wipeContainers } from './engine'
import { buildOwnerMap, runProbe } from './probes'
import type { Recording, RecordedProbe, RecordedStep, Scenario } from './schema'
import { runStep, type SwarmTokens } from './steps'
import { buildTestbed, type Testbed } from './testbed'

export type RecordInput = { file: string; scenario: Scenario; prefix: string; workRoot: string; rootfsTar: string }

export async function recordScenario(input: RecordInput): Promise<Recording> {
  const cleanup = track(new Cleanup())
  const dir = join(input.workRoot, input.prefix)
  mkdirSync(dir, { recursive: true })
  cleanup.addDir(dir)
  const containerIds: string[] = []
  let bed: Testbed | undefined
  try {
    bed = await buildTestbed(input.scenario, input.prefix, dir, input.rootfsTar, cleanup)
    const tokens: SwarmTokens = {}
    const steps: RecordedStep[] = []
    for (const step of input.scenario.steps) {
      throwIfAborting()
      steps.push(await runStep(step.run, step.on, bed, tokens))
    }
    const owners = await buildOwnerMap(bed)
    const probes: RecordedProbe[] = []
    for (const probe of input.scenario.probes) {
      throwIfAborting()
      probes.push(await runProbe(probe.run, probe.from, bed, owners))
    }
    const version = [...bed.engines.values()][0]?.version ?? 'no engine'
    return { engine: `docker ${version}`, scenario: input.file, result: { steps, probes } }
  } finally {
    for (const engine of bed?.engines.values() ?? []) containerIds.push(...(await wipeContainers(engine).catch(() => [])))
    const problems = await cleanup.run()
    killContainerCgroups(containerIds)
    untrack(cleanup)
    if (problems.length > 0) process.stderr.write(`conformance: cleanup of ${input.file}: ${problems.join('; ')}\n`)
  }
}
