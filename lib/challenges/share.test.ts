import { describe, expect, it } from 'vitest'
import { applyCommand, createWorld } from '@/simulator'
import { PRESETS } from './presets'
import { decodeCommands, encodeCommands, exportBash } from './share'

const cmds = [
  { on: 'host1', run: "docker run -d --name web -p 8080:80 nginx" },
  { on: 'laptop', run: "curl http://10.77.0.10:8080 # it's ü" },
]

describe('share links', () => {
  it('round-trips commands, including quotes and non-ASCII', () => {
    expect(decodeCommands(encodeCommands(cmds))).toEqual({ ok: true, commands: cmds })
  })
  it.each([
    ['not base64 JSON', '%%%', /damaged/],
    ['wrong shape', btoa(JSON.stringify([{ on: 'h' }])), /0\.run/],
  ])('%s → a message', (_n, param, message) => {
    const d = decodeCommands(param)
    expect(d.ok).toBe(false)
    if (!d.ok) expect(d.message).toMatch(message)
  })
})

describe('exportBash', () => {
  it('groups commands by host and quotes them for ssh', () => {
    expect(exportBash('Host + LAN laptop', cmds)).toBe(
      [
        '#!/usr/bin/env bash',
        '# Packet Path sandbox: Host + LAN laptop. Reproduces these commands on real Docker hosts.',
        '# Each block runs on the machine named in its header (over ssh; adjust the host names to yours).',
        'set -euo pipefail',
        '',
        '# --- on host1 ---',
        "ssh host1 'docker run -d --name web -p 8080:80 nginx'",
        '',
        '# --- on laptop ---',
        "ssh laptop 'curl http://10.77.0.10:8080 # it'\\''s ü'",
        '',
      ].join('\n'),
    )
  })
})

describe('presets', () => {
  it('are the four worlds of the issue, and each builds', () => {
    expect(PRESETS.map((p) => p.id)).toEqual(['single-host', 'host-and-laptop', 'two-swarm-nodes', 'home-router'])
    for (const p of PRESETS) {
      let world = createWorld(p.world)
      for (const step of p.world.steps) {
        const r = applyCommand(world, step.on, step.run)
        expect(r.result, `${p.id}: ${step.run}`).toMatchObject({ ok: true })
        world = r.world
      }
    }
  })
})
