// Test helper: the standard office LAN used across the unit tests (two Docker hosts and a laptop), with steps
// applied in order. Not part of the public surface.
import { applyCommand, createWorld, type StepResult, type World } from './model'
import { ScenarioSchema, type ScenarioInput } from './parse/scenario'
import { runProbe, type ProbeResult } from './trace'

export const OFFICE: ScenarioInput = {
  lans: [{ name: 'office', subnet: '10.77.0.0/24', gateway: '10.77.0.1' }],
  hosts: [
    { name: 'host1', docker: true, nics: [{ name: 'eth0', lan: 'office', ip: '10.77.0.10' }] },
    { name: 'host2', docker: true, nics: [{ name: 'eth0', lan: 'office', ip: '10.77.0.11' }] },
    { name: 'laptop', docker: false, nics: [{ name: 'eth0', lan: 'office', ip: '10.77.0.50' }], services: [{ port: 8000 }] },
  ],
}

export type Lab = { world: World; results: StepResult[]; probe: (from: string, line: string) => ProbeResult }

export function lab(steps: readonly (readonly [string, string])[], base: ScenarioInput = OFFICE): Lab {
  let world = createWorld(ScenarioSchema.parse(base))
  const results: StepResult[] = []
  for (const [host, line] of steps) {
    const r = applyCommand(world, host, line)
    world = r.world
    results.push(r.result)
  }
  return { world, results, probe: (from, line) => runProbe(world, from, line) }
}

export function on1(...lines: string[]): (readonly [string, string])[] {
  return lines.map((l) => ['host1', l] as const)
}
