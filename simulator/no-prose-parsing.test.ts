// Issue 16, "Reasons are data, sentences are for people": a probe's explanation is rendered from its typed reason
// (trace/explain.ts) and shown to learners; no code may read it back to decide something, or a reworded sentence
// would silently change nslookup's output or the terminal. This test reads every non-test source file of simulator/,
// conformance/, lib/ and app/ and fails on a match against an explanation or against the tracer's sentence fragments.
// Tests may assert sentences (that is how the wording is pinned), so they are not scanned.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

function sources(dir: string): string[] {
  return readdirSync(path.join(repo, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name)
    if (e.isDirectory()) return e.name === 'node_modules' || e.name.startsWith('.') ? [] : sources(rel)
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [rel] : []
  })
}

const TEXT_TESTS = '(match|matchAll|includes|startsWith|endsWith|split|replace|search|indexOf|slice)'
const PATTERNS: readonly (readonly [RegExp, string])[] = [
  [new RegExp(`explanation\\)?\\??\\.${TEXT_TESTS}\\(`), 'a string test on an explanation'],
  [/\.(test|exec|match)\([^)]*\bexplanation\b/, 'a regex run over an explanation'],
  [/(===|!==)\s*[\w.?]*\bexplanation\b|\bexplanation\s*(===|!==)/, 'an explanation compared as a value'],
  // The fragments code once decided on; a regex or string test on them means a sentence is being read back.
  [/(includes|startsWith|endsWith)\(\s*['"`](empty reply|Network is unreachable|No route to host|resolves to)/, 'a string test on a sentence fragment'],
  [/\/[^/\n]*( resolves to |reverse lookup|empty reply)[^/\n]*\//, 'a regex over a sentence fragment'],
]

function offences(source: string): string[] {
  // Comments may say what a sentence reads like; only code is checked.
  const isComment = (line: string) => /^\s*(\/\/|\/\*|\*)/.test(line)
  return source.split('\n').flatMap((line, i) => (isComment(line) ? [] : PATTERNS.flatMap(([re, what]) => (re.test(line) ? [`line ${i + 1}: ${what}: ${line.trim()}`] : []))))
}

describe('no code reads a probe explanation back', () => {
  const files = ['simulator', 'conformance', 'lib', 'app'].flatMap(sources)

  it('finds the source files', () => {
    expect(files.length).toBeGreaterThan(100)
  })

  it.each(files)('%s', (file) => {
    expect(offences(readFileSync(path.join(repo, file), 'utf8')), `${file} decides from a sentence; use ProbeResult.reason`).toEqual([])
  })

  it.each([
    ["if (r.explanation.startsWith(NET_UNREACHABLE)) return 'x'"],
    ["return r.explanation.includes('empty reply') ? a : b"],
    ['const m = / resolves to (.+)\\.$/.exec(r.explanation)'],
    ['text: client === r.explanation ? client : other'],
    ["const net = reasonText.startsWith('Network is unreachable')"],
  ])('recognises %s', (line) => {
    expect(offences(line)).not.toEqual([])
  })

  it('lets code show an explanation, and comments quote sentences', () => {
    expect(offences('return { text: `${client}\\n# ${r.explanation}`, tone }')).toEqual([])
    expect(offences('/** Sends one attempt; resolves to the parsed grade. */')).toEqual([])
  })
})
