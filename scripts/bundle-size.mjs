#!/usr/bin/env node
// `npm run bench:bundle`: the JavaScript a learner's browser downloads to open a lesson page, the home page, /progress
// or /review (first load), gzipped. Reads the prerendered HTML from the last build, takes every script chunk it references (<script src> and
// <link rel="preload" as="script">, and the list scripts/defer-scripts.mjs loads after the first paint; `noModule` polyfills are skipped, modern browsers never fetch them), gzips each
// file and sums. Issue 2's budget is 150 kB for the lesson pages (and issue 14's for /review); the script exits 1 when
// one of them is over it. The home page and /progress are reported only. Islands fetched after hydration
// are not counted here: e2e/quiz-review.spec.ts measures what /review loads before any interaction in the browser.
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { deferredScriptUrls } from './defer-scripts.mjs'

const BUDGET_KB = 150
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const distDir = path.join(root, process.env.NEXT_DIST_DIR || '.next')
const lessonsDir = path.join(distDir, 'server', 'app', 'lessons')

if (!existsSync(lessonsDir)) {
  console.error(`bench:bundle: no prerendered lessons in ${path.relative(root, lessonsDir)}; run \`npx next build\` first.`)
  process.exit(2)
}

/** Script URLs under /_next/ that the HTML makes the browser load. */
function scriptUrls(html) {
  const urls = new Set()
  for (const tag of html.match(/<script\b[^>]*>/g) ?? []) {
    if (/\bnoModule\b/i.test(tag)) continue
    const src = /\bsrc="([^"]+)"/.exec(tag)?.[1]
    if (src) urls.add(src)
  }
  for (const tag of html.match(/<link\b[^>]*>/g) ?? []) {
    if (!/\brel="preload"/.test(tag) || !/\bas="script"/.test(tag)) continue
    const href = /\bhref="([^"]+)"/.exec(tag)?.[1]
    if (href) urls.add(href)
  }
  for (const url of deferredScriptUrls(html)) urls.add(url)
  return [...urls].filter((u) => u.startsWith('/_next/'))
}

const kb = (bytes) => (bytes / 1024).toFixed(1)
let over = false
const lessonPages = readdirSync(lessonsDir).filter((f) => f.endsWith('.html')).sort()
if (lessonPages.length === 0) {
  console.error(`bench:bundle: ${path.relative(root, lessonsDir)} holds no .html files; is the build complete?`)
  process.exit(2)
}
const pages = [
  ...lessonPages.map((f) => ({ route: `/lessons/${f.replace(/\.html$/, '')}`, file: path.join(lessonsDir, f), budget: true })),
  ...[['/review', 'review.html', true], ['/', 'index.html', false], ['/progress', 'progress.html', false]].map(([route, f, budget]) => ({
    route,
    file: path.join(distDir, 'server', 'app', f),
    budget,
  })),
].filter((p) => existsSync(p.file))
for (const { route, file: htmlFile, budget } of pages) {
  const html = readFileSync(htmlFile, 'utf8')
  let raw = 0
  let gz = 0
  const rows = []
  for (const url of scriptUrls(html)) {
    const file = path.join(distDir, decodeURIComponent(url.replace(/^\/_next\//, '').split('?')[0]))
    if (!existsSync(file)) {
      console.error(`bench:bundle: ${route} references ${url}, which is not in ${path.relative(root, distDir)}`)
      process.exit(2)
    }
    const body = readFileSync(file)
    const zipped = gzipSync(body, { level: 9 }).length
    raw += body.length
    gz += zipped
    rows.push(`    ${kb(zipped).padStart(7)} kB gz  ${url}`)
  }
  const inline = (html.match(/<script>([\s\S]*?)<\/script>/g) ?? []).join('')
  console.log(route)
  console.log(rows.join('\n'))
  console.log(`  first-load JS: ${kb(gz)} kB gzipped (${kb(raw)} kB raw, ${rows.length} chunks); ${budget ? `budget ${BUDGET_KB} kB` : 'reported only'}`)
  console.log(`  inline scripts (theme + page data): ${kb(gzipSync(inline).length)} kB gzipped`)
  if (budget && gz / 1024 > BUDGET_KB) over = true
}
if (over) {
  console.error(`bench:bundle: a page is over the ${BUDGET_KB} kB budget`)
  process.exit(1)
}
