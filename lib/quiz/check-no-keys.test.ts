import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadChallenge } from '../challenges/load.server'
import { toPublicChallenge } from '../challenges/schema'
import { loadQuiz } from './load.server'
import { toPublicQuiz } from './public-view'

// scripts/check-no-keys.mjs runs after `next build`; here it runs on a hand-made build folder, to prove it finds
// a key when there is one and stays quiet on a page that holds only the public view.
const script = path.join(process.cwd(), 'scripts', 'check-no-keys.mjs')

function fakeBuild(files: Record<string, string>): string {
  const dist = mkdtempSync(path.join(tmpdir(), 'keys-'))
  for (const [rel, body] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dist, rel)), { recursive: true })
    writeFileSync(path.join(dist, rel), body)
  }
  return dist
}
const run = (dist: string) => spawnSync(process.execPath, [script], { env: { ...process.env, NEXT_DIST_DIR: dist }, encoding: 'utf8' })

describe('check-no-keys', () => {
  const quiz = loadQuiz('container-networking-intro')
  if (!quiz) throw new Error('container-networking-intro quiz missing')
  const publicPage = `<script>self.__next_f.push(${JSON.stringify(JSON.stringify(toPublicQuiz(quiz)))})</script>`

  it('passes a build whose page and chunks carry only the public view', () => {
    const r = run(fakeBuild({ 'static/chunks/app.js': 'console.log("quiz island")', 'server/app/review.html': publicPage }))
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
  })

  it('fails and names the file when an explanation is in a chunk, even HTML-escaped', () => {
    const q = quiz.questions[0]
    const explanation = q && 'options' in q ? q.options[1]?.explanation ?? '' : ''
    const escaped = explanation.replace(/'/g, '&#x27;').replace(/"/g, '&quot;')
    const r = run(fakeBuild({ 'static/chunks/leaky.js': `var k=${JSON.stringify({ correct: true, explanation })}`, 'server/app/x.html': escaped }))
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(/LEAK .*\/static\/chunks\/leaky\.js: .*container-networking-intro\.json where-dnat-happens\/daemon-copies explanation/)
    expect(r.stderr).toMatch(/LEAK .*\/server\/app\/x\.html/)
  })

  it('fails when a challenge hint is in a page (hints are served one rung at a time by the server)', () => {
    const challenge = loadChallenge('expose-nginx-8080')
    const hint = challenge?.hints[1]?.text ?? ''
    expect(hint.length).toBeGreaterThan(30)
    const r = run(fakeBuild({ 'server/app/lessons/intro.rsc': `5:["$","div",null,{"hints":[${JSON.stringify(hint)}]}]` }))
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(/LEAK .*\/server\/app\/lessons\/intro\.rsc: content\/challenges\/expose-nginx-8080\.json hint 2 \(concept\)/)
  })

  it("fails when a reviewer's reason from the reviewed answers is in a chunk (it is shown only in a grade's feedback)", () => {
    const r = run(fakeBuild({ 'static/chunks/review.js': 'var w="Confuses an overlay network with an HTTP load balancer."' }))
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(/LEAK .*\/static\/chunks\/review\.js: content\/review\/calibration\/review-q4\.sa3-holdout\.json q4-sa3-008 why/)
  })

  it("passes a lesson page that says what a reviewer's reason also says (the lesson is public)", () => {
    // q4-sa24-032's reason, "Kubernetes does not use Docker's swarm overlay.", opens with the lesson's own words.
    const lesson = 'Kubernetes does not use Docker&#x27;s overlay driver. Its network model has three rules'
    const r = run(fakeBuild({ 'server/app/lessons/overlay-and-orchestrators.html': `<p>${lesson}</p>` }))
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
  })

  it('passes a page carrying the public view of a challenge', () => {
    const challenge = loadChallenge('expose-nginx-8080')
    if (!challenge) throw new Error('expose-nginx-8080 missing')
    const r = run(fakeBuild({ 'server/app/lessons/intro.html': `<script>${JSON.stringify(toPublicChallenge(challenge))}</script>` }))
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
  })
})
