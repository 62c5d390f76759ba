import { describe, expect, it } from 'vitest'
import { currentWorld, newSession, runLine } from './session'
import { startWorld } from '../challenges/replay'
import { findPreset } from '../challenges/presets'
import { contentVersion, keptSessionKeys, MAX_SAVED_LINES, parseSavedSession, savedSessionKey, toSavedText } from './saved-session'

describe('saved terminal sessions', () => {
  it('round-trips the lines and the host selection', () => {
    const lines = [
      { on: 'host1', run: 'docker run -d --name web -p 8080:80 nginx' },
      { on: 'laptop', run: 'curl http://10.77.0.10:8080' },
    ]
    expect(parseSavedSession(toSavedText(lines, 'laptop'))).toEqual({ lines, machine: 'laptop' })
  })

  it('replaying the saved lines gives the same world and log as typing them', () => {
    const start = startWorld(findPreset('host-and-laptop'))
    const typed = [
      { on: 'host1', run: 'docker run -d --name web -p 8080:80 nginx' },
      { on: 'host1', run: 'docker run -d --name db redis' },
      { on: 'host1', run: 'undo' },
      { on: 'laptop', run: 'curl http://10.77.0.10:8080' },
    ]
    const live = typed.reduce((s, l) => runLine(s, l.on, l.run), newSession(start))
    const saved = parseSavedSession(toSavedText(typed, 'host1'))
    expect(saved).not.toBeNull()
    const restored = saved!.lines.reduce((s, l) => runLine(s, l.on, l.run), newSession(start))
    expect(restored.commands).toEqual(live.commands)
    expect(restored.log).toEqual(live.log)
    expect(currentWorld(restored)).toEqual(currentWorld(live))
  })

  it('ignores what is not a saved session', () => {
    for (const text of [null, '', 'not json', '42', '{"lines":"x","machine":"host1"}', '{"lines":[],"machine":""}', '{"lines":[{"on":"host1"}],"machine":"host1"}', '{"lines":[{"on":"host1","run":""}],"machine":"host1"}']) {
      expect(parseSavedSession(text)).toBeNull()
    }
  })

  it('keeps only the newest lines of a very long session', () => {
    const lines = Array.from({ length: MAX_SAVED_LINES + 5 }, (_, i) => ({ on: 'host1', run: `docker ps # ${i}` }))
    const saved = parseSavedSession(toSavedText(lines, 'host1'))
    expect(saved?.lines).toHaveLength(MAX_SAVED_LINES)
    expect(saved?.lines[0]?.run).toBe('docker ps # 5')
  })

  it('names the content version in the key, so a changed world starts afresh', () => {
    const a = contentVersion({ world: { hosts: ['host1'] } })
    const b = contentVersion({ world: { hosts: ['host1', 'laptop'] } })
    expect(a).toMatch(/^[0-9a-f]{8}$/)
    expect(a).not.toBe(b)
    expect(contentVersion({ world: { hosts: ['host1'] } })).toBe(a)
    expect(savedSessionKey('challenge', 'expose-nginx-8080', a)).toBe(`packet-path:challenge:expose-nginx-8080:${a}`)
  })
})

describe('keptSessionKeys', () => {
  it('finds every version kept for one preset, and no other preset whose id starts the same', () => {
    const keys = [
      savedSessionKey('sandbox', 'single-host', 'aaaa0001'),
      savedSessionKey('sandbox', 'single-host', 'bbbb0002'),
      savedSessionKey('sandbox', 'single-host-two', 'cccc0003'),
      savedSessionKey('challenge', 'single-host', 'dddd0004'),
      'theme',
    ]
    expect(keptSessionKeys(keys, 'sandbox', 'single-host')).toEqual([keys[0], keys[1]])
    expect(keptSessionKeys(keys, 'sandbox', 'home-router')).toEqual([])
  })
})
