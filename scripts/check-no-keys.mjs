#!/usr/bin/env node
// After `next build`: prove that no quiz key or rubric reached what the browser can download.
// Scans every file under .next/static (JS/CSS chunks) and the prerendered pages (.next/server/app/**/*.html,
// *.rsc, *.segment.rsc: the HTML and the RSC payload sent to the browser) for
//   - the text of every option explanation in content/quizzes/*.json (shown only after a graded attempt), and
//   - the feedback texts of the rubrics in content/review/rubrics/*.json and the reviewers' reasons in
//     content/review/calibration/*.json (shown only after grading),
//   - the hint texts of every challenge in content/challenges/*.json (served one rung at a time by the hints API,
//     which counts them; a hint in the page would make that count meaningless),
//   - the second author's near-miss explanations (lib/challenges/solutions/second-author/*.json, server-only),
// skipping texts that are public anyway (question prompts, option texts, and anything the lessons themselves say: a
// reviewer's reason may repeat a lesson's sentence, "Kubernetes does not use Docker's overlay driver"). Exit 1 and
// list the hits when any is found.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const dist = path.resolve(root, process.env.NEXT_DIST_DIR || '.next')
const MIN_NEEDLE = 24

function walk(dir, keep) {
  if (!existsSync(dir)) return []
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name)
    return statSync(p).isDirectory() ? walk(p, keep) : keep(p) ? [p] : []
  })
}

function readJsonDir(dir) {
  return walk(dir, (p) => p.endsWith('.json')).map((file) => ({ file, data: JSON.parse(readFileSync(file, 'utf8')) }))
}

function strings(value, out = []) {
  if (typeof value === 'string') out.push(value)
  else if (Array.isArray(value)) value.forEach((v) => strings(v, out))
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => strings(v, out))
  return out
}

// Pages escape quotes and apostrophes, and bundles escape other characters; the longest plain run of a text
// (letters, digits, spaces, simple punctuation) survives all of those unchanged.
function needleOf(text) {
  const runs = text.match(/[A-Za-z0-9 ,.;:()-]+/g) ?? []
  const longest = runs.sort((a, b) => b.length - a.length)[0]?.trim() ?? ''
  return longest.length >= MIN_NEEDLE ? longest : null
}

const quizzes = readJsonDir(path.join(root, 'content', 'quizzes'))
const publicTexts = new Set()
const markers = []
for (const { file, data } of quizzes) {
  for (const q of data.questions ?? []) {
    publicTexts.add(q.prompt)
    for (const o of q.options ?? []) {
      publicTexts.add(o.text)
      markers.push({ source: `${path.relative(root, file)} ${q.id}/${o.id} explanation`, text: o.explanation })
    }
  }
}
// From the rubrics, the texts a learner sees only after grading: point and wrong-claim labels and feedback, and
// the praise. Concept phrasings are left out: they are ordinary words that the lessons use too.
for (const { file, data } of readJsonDir(path.join(root, 'content', 'review', 'rubrics'))) {
  const items = [...(data.points ?? []), ...(data.wrongClaims ?? [])]
  for (const s of strings([items.map((i) => [i.label, i.feedback]), data.praise])) {
    markers.push({ source: `${path.relative(root, file)} rubric feedback`, text: s })
  }
}
// The reviewed answers' reasons: a grade they settle quotes the closest one, only after grading (lib/free-text/neighbours.ts).
for (const { file, data } of readJsonDir(path.join(root, 'content', 'review', 'calibration'))) {
  for (const s of data.samples ?? []) markers.push({ source: `${path.relative(root, file)} ${s.id} why`, text: s.why })
}
// Challenge hints: the server hands them out one rung at a time and records each (issue 12).
const challenges = readJsonDir(path.join(root, 'content', 'challenges'))
for (const { file, data } of challenges) {
  for (const [i, h] of (data.hints ?? []).entries()) markers.push({ source: `${path.relative(root, file)} hint ${i + 1} (${h.level})`, text: h.text })
}
// The second author's test solutions are server-only: their "why" texts are long and distinctive.
for (const { file, data } of readJsonDir(path.join(root, 'lib', 'challenges', 'solutions', 'second-author'))) {
  for (const m of data.nearMisses ?? []) markers.push({ source: `${path.relative(root, file)} ${m.name}`, text: m.why })
}
// The lessons are public: a reviewer's reason may repeat one of their sentences.
for (const file of walk(path.join(root, 'content', 'lessons'), (p) => p.endsWith('.mdx'))) publicTexts.add(readFileSync(file, 'utf8'))
const needles = [...new Map(markers.flatMap((m) => {
  const n = needleOf(m.text)
  return n && ![...publicTexts].some((t) => t.includes(n)) ? [[n, m.source]] : []
})).entries()]

if (!existsSync(dist)) {
  console.error(`check-no-keys: ${path.relative(root, dist)} does not exist; run \`next build\` first`)
  process.exit(2)
}
const files = [
  ...walk(path.join(dist, 'static'), () => true),
  ...walk(path.join(dist, 'server', 'app'), (p) => /\.(html|rsc)$/.test(p)),
]
const hits = []
for (const file of files) {
  const body = readFileSync(file, 'utf8')
  for (const [needle, source] of needles) if (body.includes(needle)) hits.push({ file: path.relative(dist, file), source, needle })
}
console.log(`check-no-keys: ${needles.length} key and hint texts from ${quizzes.length} quizzes, the rubrics and reviewed answers, ${challenges.length} challenges and the second author's solutions, searched in ${files.length} files`)
if (hits.length > 0) {
  for (const h of hits) console.error(`  LEAK ${path.relative(root, dist)}/${h.file}: ${h.source}: "${h.needle}"`)
  process.exit(1)
}
console.log(`check-no-keys: no key found in ${path.relative(root, dist)}/static or the prerendered pages`)
