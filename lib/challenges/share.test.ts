import { describe, expect, it } from 'vitest'
import { applyCommand, createWorld } from '@/simulator'
import { findPreset, PRESETS } from './presets'
import { startWorld } from './replay'
import { commandOutcomes, decodeCommands, encodeCommands, exportBash, toShareUrl } from './share'

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
  const start = startWorld(findPreset('host-and-laptop'))
  it('groups commands by host and quotes them for ssh', () => {
    const ok = [
      { on: 'host1', run: 'docker run -d --name web -p 8080:80 nginx' },
      { on: 'host1', run: "docker network create it's" },
    ]
    expect(commandOutcomes(start, ok)).toEqual([true, false])
    expect(exportBash('Host + LAN laptop', start, ok.slice(0, 1))).toBe(
      [
        '#!/usr/bin/env bash',
        '# Packet Path sandbox: Host + LAN laptop. Reproduces these commands on real Docker hosts.',
        '# Each block runs on the machine named in its header (over ssh; adjust the host names to yours).',
        'set -euo pipefail',
        '',
        '# --- on host1 ---',
        "ssh host1 'docker run -d --name web -p 8080:80 nginx'",
        '',
      ].join('\n'),
    )
  })
  it('exports only the commands that succeeded and lists the ones left out', () => {
    const mixed = [
      { on: 'host1', run: 'docker network create backend' },
      { on: 'host1', run: 'docker network rm bridge' },
      { on: 'laptop', run: 'docker ps' },
      { on: 'host1', run: "docker run -d --name db --network backend -e X='a b' redis" },
      { on: 'host1', run: 'docker run --rm alpine ping -c 1 10.9.9.9' },
    ]
    expect(commandOutcomes(start, mixed)).toEqual([true, false, false, true, false])
    const script = exportBash('Host + LAN laptop', start, mixed)
    expect(script).toContain('# Left out: 3 commands that failed in the simulator')
    expect(script).toContain('#   on host1: docker network rm bridge\n#   on laptop: docker ps\n')
    expect(script.indexOf('# Left out')).toBeLessThan(script.indexOf('set -euo pipefail'))
    const body = script.slice(script.indexOf('set -euo pipefail'))
    expect(body).toContain("ssh host1 'docker network create backend'")
    expect(body).toContain("ssh host1 'docker run -d --name db --network backend -e X='\\''a b'\\'' redis'")
    expect(body).not.toMatch(/network rm bridge|laptop|ping/)
  })
  it('keeps a left-out command with a newline on comment lines', () => {
    const script = exportBash('t', start, [{ on: 'laptop', run: 'docker ps\nrm -rf /' }])
    expect(script).toContain('# Left out: 1 command that failed')
    expect(script).toContain('#   on laptop: docker ps rm -rf /\n')
    expect(script.split('\n').filter((l) => l.includes('rm -rf')).every((l) => l.startsWith('#'))).toBe(true)
  })
})

describe('exportBash with hostile fields', () => {
  const start = startWorld(findPreset('host-and-laptop'))
  const good = { on: 'host1', run: 'docker network create backend' }
  /** Every line bash would run: not blank, not a comment. */
  const runnable = (script: string) => script.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'))

  it.each([
    ['a newline in the host name', { on: 'host1\ntouch /tmp/pwned', run: 'docker ps' }],
    ['a command substitution as host name', { on: '$(touch /tmp/pwned)', run: 'docker ps' }],
    ['a host name that is an ssh option', { on: '-oProxyCommand=touch /tmp/pwned', run: 'docker ps' }],
    ['a carriage return in the host name', { on: 'host1\r', run: 'docker ps' }],
    ['a newline in the command', { on: 'host1', run: 'docker network create x\ntouch /tmp/pwned' }],
    ['a carriage return in the command', { on: 'host1', run: 'docker network create x\rtouch /tmp/pwned' }],
    ['an escape sequence in the command', { on: 'host1', run: 'docker network create x\u001b[2Ktouch /tmp/pwned' }],
    ['a line separator in the command', { on: 'host1', run: 'docker network create x\u2028touch /tmp/pwned' }],
  ])('%s: left out, on a comment line, and nothing of it runs', (_name, hostile) => {
    const script = exportBash('Host + LAN laptop', start, [good, hostile])
    expect(runnable(script)).toEqual(['set -euo pipefail', "ssh host1 'docker network create backend'"])
    expect(script).toMatch(/# Left out: 1 command (that failed in the simulator|with a control character or a host name a script cannot carry safely)[^\n]*:\n# {3}on /)
    // Every line that mentions the payload is a comment, and no control character but the line breaks is printed.
    expect(script.split('\n').filter((l) => l.includes('pwned')).every((l) => l.startsWith('#   on '))).toBe(true)
    expect(script).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/)
  })

  it('leaves out a command the simulator accepts when it carries a control character', () => {
    const accepted = [
      { on: 'host1', run: 'docker network create x\u001b[2K' },
      { on: 'host1', run: 'docker network create y\u2028touch' },
      { on: 'host1', run: 'docker ps\n' },
    ]
    expect(commandOutcomes(start, accepted)).toEqual([true, true, true])
    const script = exportBash('t', start, [good, ...accepted])
    expect(script).toContain(
      '# Left out: 3 commands with a control character or a host name a script cannot carry safely:\n' +
        '#   on host1: docker network create x [2K\n#   on host1: docker network create y touch\n#   on host1: docker ps\n',
    )
    expect(runnable(script)).toEqual(['set -euo pipefail', "ssh host1 'docker network create backend'"])
  })

  it('folds a title with a newline onto its comment line', () => {
    const script = exportBash('Lab\ntouch /tmp/pwned\r', start, [good])
    expect(script.split('\n')[1]).toBe('# Packet Path sandbox: Lab touch /tmp/pwned. Reproduces these commands on real Docker hosts.')
    expect(runnable(script)).toEqual(['set -euo pipefail', "ssh host1 'docker network create backend'"])
  })
})

describe('toShareUrl', () => {
  it('builds a /sandbox link that decodes back', () => {
    const r = toShareUrl('http://localhost:3000', 'single-host', cmds)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    const url = new URL(r.url)
    expect(url.pathname).toBe('/sandbox')
    expect(url.searchParams.get('preset')).toBe('single-host')
    expect(decodeCommands(url.searchParams.get('cmds') ?? '')).toEqual({ ok: true, commands: cmds })
  })
  it('leaves cmds out when there are no commands', () => {
    expect(toShareUrl('http://x', 'single-host', [])).toEqual({ ok: true, url: 'http://x/sandbox?preset=single-host' })
  })
  it('refuses a link over about 8 KB, saying what to do instead', () => {
    const many = Array.from({ length: 200 }, (_v, i) => ({ on: 'host1', run: `docker network create network-with-a-long-name-${i}` }))
    const r = toShareUrl('http://localhost:3000', 'single-host', many)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.message).toMatch(/too big to share as a link \(\d+ KB.*Export as bash/)
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
