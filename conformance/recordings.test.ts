import { describe, expect, it } from 'vitest'
import { listFiles, readRecording, readScenario, RECORDING_DIR, SCENARIO_DIR } from './load'
import { ScenarioSchema } from './schema'
import { parseProbeCommand } from './probe-command'

// The suite itself, checked without Docker: enough recorded scenarios, each recording valid and in step with its scenario.
const scenarios = listFiles(SCENARIO_DIR)
const recordings = listFiles(RECORDING_DIR)

describe('conformance recordings', () => {
  it('has at least 60 recorded scenarios, one recording per scenario', () => {
    expect(recordings.length).toBeGreaterThanOrEqual(60)
    expect(recordings).toEqual(scenarios)
  })

  it.each(recordings)('%s has one result per step and probe, and annotations name real items', (file) => {
    const scenario = ScenarioSchema.parse(readScenario(file))
    const rec = readRecording(file)
    expect(rec.scenario).toBe(file)
    expect(rec.result.steps).toHaveLength(scenario.steps.length)
    expect(rec.result.probes).toHaveLength(scenario.probes.length)
    for (const a of [...(rec.versionSensitive ?? []), ...(rec.unverifiable ?? [])]) {
      const [, kind, index] = /^(steps|probes)\[(\d+)\]$/.exec(a.item) ?? []
      const list = kind === 'steps' ? rec.result.steps : rec.result.probes
      expect(Number(index)).toBeLessThan(list.length)
    }
    for (const p of scenario.probes) expect(parseProbeCommand(p.run).ok).toBe(true)
  })
})
