// A second author's solutions (issue 11): written from the goal text and the world only, never the reference, hints
// or checks. Each correct one must solve its challenge and each near miss must fail, graded exactly as an attempt is
// (gradeChallenge, as grade.test.ts). Disagreements and how each was settled: solutions/second-author/SETTLED.md.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { gradeChallenge, type GradeReport } from './grade'
import { challengeDir, loadChallenge } from './load.server'
import { CommandSchema } from './schema'
import { AWAITING } from './solutions/second-author/awaiting'

const DIR = path.join(process.cwd(), 'lib', 'challenges', 'solutions', 'second-author')

const CaseSchema = z.strictObject({ name: z.string().min(1), commands: z.array(CommandSchema).min(1) })
const FileSchema = z.strictObject({
  id: z.string(),
  correct: z.array(CaseSchema),
  nearMisses: z.array(CaseSchema.extend({ why: z.string().min(1) })),
})
type SecondAuthorFile = z.infer<typeof FileSchema>

const files: SecondAuthorFile[] = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => {
    const parsed = FileSchema.parse(JSON.parse(readFileSync(path.join(DIR, f), 'utf8')))
    if (`${parsed.id}.json` !== f) throw new Error(`${f}: id "${parsed.id}" must match the file name`)
    return parsed
  })

const challengeIds = readdirSync(challengeDir())
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''))
  .sort()

function why(report: GradeReport): string {
  const failed = [...report.checks.filter((c) => !c.passed).map((c) => `check ${c.id}: ${c.outcome}: ${c.explanation}`), ...report.constraints.filter((c) => !c.passed).map((c) => `constraint: ${c.message}`)]
  return failed.join('\n') || '(every check and constraint passed)'
}

describe('the second author', () => {
  it('wrote at least 8 correct solutions and 8 near misses for every challenge, and nothing else', () => {
    expect(files.map((f) => f.id)).toEqual(challengeIds)
    for (const f of files) {
      expect(f.correct.length, f.id).toBeGreaterThanOrEqual(8)
      expect(f.nearMisses.length, f.id).toBeGreaterThanOrEqual(8)
      const names = [...f.correct, ...f.nearMisses].map((c) => c.name)
      expect(new Set(names).size, `${f.id}: case names are unique`).toBe(names.length)
    }
  })

  it('has no stale "awaiting" tag: each names a case that exists', () => {
    for (const [id, cases] of Object.entries(AWAITING)) {
      const f = files.find((x) => x.id === id)
      const names = new Set([...(f?.correct ?? []), ...(f?.nearMisses ?? [])].map((c) => c.name))
      for (const name of Object.keys(cases)) expect(names.has(name), `${id} / ${name}`).toBe(true)
    }
  })
})

describe.each(files)('$id (second author)', (file) => {
  const challenge = loadChallenge(file.id)!
  const cases = [...file.correct.map((c) => ({ ...c, solves: true })), ...file.nearMisses.map((c) => ({ ...c, solves: false }))]

  it.each(cases)('$name', ({ name, commands, solves }) => {
    const report = gradeChallenge(challenge, commands)
    const awaits = AWAITING[file.id]?.[name]
    if (awaits !== undefined) {
      // Still judged wrong until the simulator gap closes; when this fails, the fix landed: remove the tag.
      expect(report.passed, `${file.id} / ${name} is judged right now (${awaits} landed?): remove its entry from awaiting.ts`).toBe(!solves)
      return
    }
    expect(report.passed, `${file.id} / ${name} should ${solves ? 'solve' : 'fail'}:\n${why(report)}`).toBe(solves)
    if (!solves) {
      // A near miss fails a requirement the goal states, and the report says which.
      expect(report.requirements.some((r) => !r.passed)).toBe(true)
    }
  })
})
