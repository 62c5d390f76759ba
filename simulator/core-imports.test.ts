// The simulator's core (parse → model → trace, and the surface files beside them) runs unchanged in the browser, on
// the server and in the CLI, so it may import only itself and zod. This test reads every non-test source file of the
// core and fails on an import of node:*, React, Next, the app or lib/, or of anything outside simulator/ (STYLE.md,
// "Shape of the project"). The CLI and the benchmark are the places inside simulator/ allowed to touch node:*; the
// real-engine conformance harness lives apart, in the repository's conformance/ folder, and imports the simulator
// through its index like any other user.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
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

/** A relative import that climbs out of simulator/ (into conformance/, scripts/, …). */
function leavesSimulator(file: string, specifier: string): boolean {
  if (!specifier.startsWith('.')) return false
  const target = path.resolve(path.dirname(path.join(root, file)), specifier)
  return path.relative(root, target).startsWith('..')
}

describe('the simulator core imports only itself and zod', () => {
  it('finds the core files', () => {
    expect(coreFiles().length).toBeGreaterThan(40)
  })

  it('keeps the node-only conformance harness out of simulator/', () => {
    expect(existsSync(path.join(root, 'conformance'))).toBe(false)
    expect(existsSync(path.join(root, '..', 'conformance', 'run.ts'))).toBe(true)
  })

  it.each(coreFiles())('%s', (file) => {
    const source = readFileSync(path.join(root, file), 'utf8')
    const bad = importedSpecifiers(source).flatMap((s) => {
      const reason = forbiddenReason(s) ?? (leavesSimulator(file, s) ? 'outside simulator/' : null)
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

  it('recognises an import that leaves simulator/', () => {
    expect(leavesSimulator('trace/probe.ts', '../../conformance/schema')).toBe(true)
    expect(leavesSimulator('trace/probe.ts', '../model/world')).toBe(false)
  })
})
