// The CLI as a black box: exit codes, one JSON document on stdout, the bad field named on stderr.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '..')
const tmp = mkdtempSync(join(tmpdir(), 'sim-cli-'))

function sim(file: string) {
  return spawnSync(process.execPath, [join(root, 'scripts/run-ts.mjs'), 'simulator/cli.ts', file], { cwd: root, encoding: 'utf8' })
}

function write(name: string, text: string): string {
  const p = join(tmp, name)
  writeFileSync(p, text)
  return p
}

describe('npm run sim', () => {
  it('prints one JSON document and exits 0 for a valid scenario', () => {
    const r = sim(join(root, 'simulator/fixtures/office-bridge-basics.json'))
    expect(r.status).toBe(0)
    const doc = JSON.parse(r.stdout) as { steps: unknown[]; probes: { outcome: string }[] }
    expect(doc.probes[0]?.outcome).toBe('delivered')
  }, 20000)

  it.each([
    ['missing.json', null, 'cannot read the file'],
    ['broken.json', '{ "lans": [', 'not valid JSON'],
    ['bad-ip.json', JSON.stringify({ lans: [{ name: 'l', subnet: '10.0.0.0/24' }], hosts: [{ name: 'h', nics: [{ name: 'eth0', lan: 'l', ip: '10.0.0.300' }] }] }), 'hosts[0].nics[0].ip: "10.0.0.300" is not an IPv4 address'],
    ['bad-lan.json', JSON.stringify({ hosts: [{ name: 'h', nics: [{ name: 'eth0', lan: 'nowhere', ip: '10.0.0.3' }] }] }), 'hosts[0].nics[0].lan: "nowhere" no LAN named "nowhere"'],
  ])('%s exits 2 naming the problem', (name, text, message) => {
    const file = text === null ? join(tmp, name) : write(name, text)
    const r = sim(file)
    expect(r.status).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toContain(message)
  }, 20000)
})
