import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { isFresh } from './ts-bundle.mjs'

describe('isFresh', () => {
  const dirs: string[] = []
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))

  /** Two checkouts side by side, each with lib/a.ts, and a bundle built from `from`'s file. */
  function setUp(from: 'one' | 'two') {
    const base = mkdtempSync(path.join(tmpdir(), 'ts-bundle-'))
    dirs.push(base)
    for (const c of ['one', 'two']) {
      mkdirSync(path.join(base, c, 'lib'), { recursive: true })
      writeFileSync(path.join(base, c, 'lib', 'a.ts'), 'export const a = 1')
      utimesSync(path.join(base, c, 'lib', 'a.ts'), 1000, 1000)
    }
    const outfile = path.join(base, 'bundle.mjs')
    writeFileSync(outfile, '')
    writeFileSync(`${outfile}.inputs.json`, JSON.stringify([path.join(base, from, 'lib', 'a.ts')]))
    return { base, outfile }
  }

  it('is fresh for the checkout it was built from while no input changed', () => {
    const { base, outfile } = setUp('one')
    expect(isFresh(outfile, path.join(base, 'one'))).toBe(true)
    utimesSync(path.join(base, 'one', 'lib', 'a.ts'), Date.now() / 1000 + 60, Date.now() / 1000 + 60)
    expect(isFresh(outfile, path.join(base, 'one'))).toBe(false)
  })

  it('is never fresh for another checkout (a bundle copied along with node_modules)', () => {
    const { base, outfile } = setUp('one')
    expect(isFresh(outfile, path.join(base, 'two'))).toBe(false)
  })
})
