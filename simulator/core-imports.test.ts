// The simulator's core (parse → model → trace, and the surface files beside them) runs unchanged in the browser, on
// the server and in the CLI, so it may import only itself and zod. This test reads every non-test source file of the
// core and fails on an import of node:*, React, Next, the app or lib/ (STYLE.md, "Shape of the project"). The CLI,
// the benchmark and the real-engine conformance harness (conformance/) are the places allowed to touch node:*.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = path.dirname(fileURLToPath(import.meta.url))
const CORE_FOLDERS = ['parse', 'model', 'trace']
const OUTSIDE_CORE = new Set(['cli.ts', 'testing.ts'])

function coreFiles(): string[] {
  const isSource = (f: string) => f.endsWith('.ts') && !f.endsWith('.test.ts')
  const top = readdirSync(root).filter((f) => isSource(f) && !OUTSIDE_CORE.has(f))
  const nested = CORE_FOLDERS.flatMap((dir) => readdirSync(path.join(root, dir)).filter(isSource).map((f) => path.join(dir, f)))
  return [...top, ...nested]
}

/** Every module specifier a file imports or re-exports, static or dynamic. */
export function importedSpecifiers(source: string): string[] {
  const pattern = /(?:\bimport\s[^'"]*?from\s*|\bexport\s[^'"]*?from\s*|\bimport\s*\(\s*|\bimport\s+)['"]([^'"]+)['"]/g
  return [...source.matchAll(pattern)].flatMap((m) => (m[1] === undefined ? [] : [m[1]]))
}

function forbiddenReason(specifier: string): string | null {
  if (specifier.startsWith('node:')) return 'a Node built-in'
  if (/^(fs|path|os|child_process|crypto|url|util|http|net)$/.test(specifier)) return 'a Node built-in'
  if (specifier === 'react' || specifier.startsWith('react/') || specifier.startsWith('react-dom')) return 'React'
  if (specifier === 'next' || specifier.startsWith('next/')) return 'Next'
  if (specifier.startsWith('@/')) return "the app's alias (lib/ or app/)"
  if (/(^|\/)\.\.\/(lib|app)(\/|$)/.test(specifier)) return 'lib/ or app/'
  if (specifier.startsWith('.') || specifier === 'zod' || specifier.startsWith('zod/')) return null
  return 'a package other than zod'
}

describe('the simulator core imports only itself and zod', () => {
  it('finds the core files', () => {
    expect(coreFiles().length).toBeGreaterThan(40)
  })

  it.each(coreFiles())('%s', (file) => {
    const source = readFileSync(path.join(root, file), 'utf8')
    const bad = importedSpecifiers(source).flatMap((s) => {
      const reason = forbiddenReason(s)
      return reason ? [`${s} (${reason})`] : []
    })
    expect(bad, `${file} imports what the pure core may not`).toEqual([])
  })

  it.each([
    ["import { readFileSync } from 'node:fs'", 'a Node built-in'],
    ["import React from 'react'", 'React'],
    ["export { x } from '../lib/db/connection.server'", 'lib/ or app/'],
    ["const m = await import('@/lib/queries')", "the app's alias (lib/ or app/)"],
    ["import 'server-only'", 'a package other than zod'],
  ])('recognises %s', (line, reason) => {
    expect(importedSpecifiers(line).map(forbiddenReason)).toEqual([reason])
  })
})
