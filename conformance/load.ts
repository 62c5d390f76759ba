/**
 * Reads the committed scenarios and recordings (used by the vitest suites; the recorder has its own loader
 * that also validates scenarios it is about to run).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { formatIssues, RecordingSchema, ScenarioSchema, type Recording } from './schema'

const HERE = fileURLToPath(new URL('.', import.meta.url))
export const SCENARIO_DIR = join(HERE, 'scenarios')
export const RECORDING_DIR = join(HERE, 'recordings')

export const SCENARIO_FILE = /^\d{3}-[a-z0-9-]+\.json$/

export function listFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => SCENARIO_FILE.test(f))
    .sort()
}

/** The scenario as raw JSON (what the simulator gets) after checking it against the format. */
export function readScenario(file: string): unknown {
  const json: unknown = JSON.parse(readFileSync(join(SCENARIO_DIR, file), 'utf8'))
  const parsed = ScenarioSchema.safeParse(json)
  if (!parsed.success) throw new Error(`scenarios/${file}: invalid scenario:\n${formatIssues(parsed.error)}`)
  return json
}

export function readRecording(file: string): Recording {
  const parsed = RecordingSchema.safeParse(JSON.parse(readFileSync(join(RECORDING_DIR, file), 'utf8')))
  if (!parsed.success) throw new Error(`recordings/${file}: invalid recording:\n${formatIssues(parsed.error)}`)
  return parsed.data
}
