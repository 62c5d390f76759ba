// The CLI as a black box: spawn it the way the npm script does (scripts/run-ts.mjs), feed stdin, check exit code, stdout, stderr.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { GradeSchema } from './grade-schema'

const root = fileURLToPath(new URL('../../', import.meta.url))

function run(args: string[], input: string) {
  const result = spawnSync(process.execPath, ['scripts/run-ts.mjs', 'lib/free-text/cli.ts', ...args], { cwd: root, input, encoding: 'utf8' })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

describe('grade-answer CLI', () => {
  it('prints exactly one JSON grade for an answer on stdin and exits 0', () => {
    const { code, stdout, stderr } = run(['review-q2'], 'Host mode is faster because there is no NAT.\n')
    expect(stderr).toBe('')
    expect(code).toBe(0)
    expect(stdout.trim().split('\n')).toHaveLength(1)
    const grade = GradeSchema.parse(JSON.parse(stdout))
    expect(grade.verdict).toBe('partial')
  }, 60_000)

  it('grades empty stdin as incorrect rather than failing', () => {
    const { code, stdout } = run(['review-q4'], '')
    expect(code).toBe(0)
    expect(GradeSchema.parse(JSON.parse(stdout)).verdict).toBe('incorrect')
  }, 60_000)

  it.each([
    [['review-q9'], /unknown review question "review-q9": use one of review-q1, review-q2, review-q3, review-q4/],
    [[], /expected exactly one question id, got 0/],
    [['review-q1', 'review-q2'], /expected exactly one question id, got 2/],
  ])('rejects arguments %j with exit 2 and a message on stderr', (args, message) => {
    const { code, stdout, stderr } = run(args, 'anything')
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toMatch(message)
    expect(stderr).toMatch(/usage: npm run --silent grade-answer -- <review-q1\|/)
  }, 60_000)
})
