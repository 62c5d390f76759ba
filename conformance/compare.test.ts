import { describe, expect, it } from 'vitest'
import { compareWithRecording, coreError, diffRecordings, errorMatches } from './compare'
import type { Recording } from './schema'

const recording: Recording = {
  engine: 'docker 20.10.24',
  scenario: 'x.json',
  result: {
    steps: [{ ok: true }, { ok: false, error: 'driver failed programming external connectivity on endpoint web2 (<id>): Bind for 0.0.0.0:8080 failed: port is already allocated' }],
    probes: [
      { outcome: 'delivered', answeredBy: { host: 'host1', container: 'web', port: 80 }, observed: 'pp-answer' },
      { outcome: 'timeout', observed: 'no answer' },
      { outcome: 'unresolved', observed: 'NXDOMAIN' },
    ],
  },
  versionSensitive: [{ item: 'probes[1]', reason: 'D3: internal networks have no default route in v25+', v29: { outcome: 'unreachable' } }],
  unverifiable: [{ item: 'probes[2]', reason: 'no IPVS' }],
}

describe('errorMatches', () => {
  it('ignores the v28+ prefix and compares the core text', () => {
    const v29 = 'failed to set up container networking: driver failed programming external connectivity on endpoint web2 (abc): Bind for 0.0.0.0:8080 failed: port is already allocated'
    expect(errorMatches(v29, recording.result.steps[1]?.error ?? '')).toBe(true)
    expect(errorMatches('network web2 not found', recording.result.steps[1]?.error ?? '')).toBe(false)
    expect(coreError('docker: Error response from daemon: network nope not found.')).toBe('network nope not found')
  })
})

describe('compareWithRecording', () => {
  const good = {
    steps: [{ ok: true }, { ok: false, error: 'Bind for 0.0.0.0:8080 failed: port is already allocated' }],
    probes: [{ outcome: 'delivered', answeredBy: { host: 'host1', container: 'web', port: 80 } }, { outcome: 'unreachable' }, { outcome: 'delivered' }],
  }
  it('uses the v29 expectation for version-sensitive items and skips unverifiable ones', () => {
    expect(compareWithRecording(good, recording)).toEqual({ compared: 4, skipped: 1, mismatches: [] })
  })
  it('reports each difference with its item', () => {
    const bad = { ...good, probes: [{ outcome: 'delivered', answeredBy: { host: 'host1', container: 'api', port: 80 } }, { outcome: 'timeout' }, { outcome: 'delivered' }] }
    expect(compareWithRecording(bad, recording).mismatches).toEqual([
      'probes[0]: answeredBy {"host":"host1","container":"api","port":80}, engine {"host":"host1","container":"web","port":80}',
      'probes[1]: outcome timeout, engine unreachable',
    ])
  })
})

describe('diffRecordings', () => {
  it('ignores the raw observed text but not outcomes', () => {
    const same = structuredClone(recording)
    same.result.probes[0] = { ...same.result.probes[0], observed: 'other text' } as Recording['result']['probes'][number]
    expect(diffRecordings(same, recording)).toEqual([])
    const changed = structuredClone(recording)
    changed.result.probes[1] = { outcome: 'refused', observed: 'x' }
    expect(diffRecordings(changed, recording)).toHaveLength(1)
  })
})
