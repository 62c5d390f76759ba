import { afterAll, describe, expect, it } from 'vitest'
import { runScenario } from '../simulator'
import { compareWithRecording, type SimResult } from './compare'
import { listFiles, readRecording, readScenario, RECORDING_DIR } from './load'

// The simulator against what a real Docker Engine did (recorded by `npm run test:conformance -- --write`).
// Unverifiable items are skipped; version-sensitive ones are compared with their v29 expectation when given.
const files = listFiles(RECORDING_DIR)
const totals = { scenarios: 0, matched: 0, compared: 0, skipped: 0 }

describe('simulator matches the recorded engine', () => {
  it.each(files)('%s', (file) => {
    const rec = readRecording(file)
    const result = runScenario(readScenario(file) as Parameters<typeof runScenario>[0])
    totals.scenarios++
    if (!result.ok) throw new Error(`the simulator rejected ${file}: ${result.error.message}`)
    const cmp = compareWithRecording(result.value as SimResult, rec)
    totals.compared += cmp.compared
    totals.skipped += cmp.skipped
    if (cmp.mismatches.length === 0) totals.matched++
    expect(cmp.mismatches).toEqual([])
  })

  afterAll(() => {
    console.log(`conformance: ${totals.matched}/${files.length} recordings match (${totals.compared} items compared, ${totals.skipped} skipped as unverifiable or version-sensitive)`)
  })
})
