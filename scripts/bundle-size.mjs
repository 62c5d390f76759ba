#!/usr/bin/env node
// `npm run bench:bundle`: the JavaScript a learner's browser downloads to open a lesson page (first load), gzipped.
// Reads the prerendered lesson HTML from the last build, takes every script chunk it references (<script src> and
// <link rel="preload" as="script">; `noModule` polyfills are skipped, modern browsers never fetch them), gzips each
// file and sums. Issue 2's budget is 150 kB; the script exits 1 when a lesson page is over it.
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

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
  return [...urls].filter((u) => u.startsWith('/_next/'))
}

const kb = (bytes) => (bytes / 1024).toFixed(1)
let over = false
const pages = readdirSync(lessonsDir).filter((f) => f.endsWith('.html')).sort()
if (pages.length === 0) {
  console.error(`bench:bundle: ${path.relative(root, lessonsDir)} holds no .html files; is the build complete?`)
  process.exit(2)
}
for (const page of pages) {
  const html = readFileSync(path.join(lessonsDir, page), 'utf8')
  let raw = 0
  let gz = 0
  const rows = []
  for (const url of scriptUrls(html)) {
    const file = path.join(distDir, decodeURIComponent(url.replace(/^\/_next\//, '').split('?')[0]))
    if (!existsSync(file)) {
      console.error(`bench:bundle: ${page} references ${url}, which is not in ${path.relative(root, distDir)}`)
      process.exit(2)
    }
    const body = readFileSync(file)
    const zipped = gzipSync(body, { level: 9 }).length
    raw += body.length
    gz += zipped
    rows.push(`    ${kb(zipped).padStart(7)} kB gz  ${url}`)
  }
  const inline = (html.match(/<script>([\s\S]*?)<\/script>/g) ?? []).join('')
  console.log(`/lessons/${page.replace(/\.html$/, '')}`)
  console.log(rows.join('\n'))
  console.log(`  first-load JS: ${kb(gz)} kB gzipped (${kb(raw)} kB raw, ${rows.length} chunks); budget ${BUDGET_KB} kB`)
  console.log(`  inline scripts (theme + page data): ${kb(gzipSync(inline).length)} kB gzipped`)
  if (gz / 1024 > BUDGET_KB) over = true
}
if (over) {
  console.error(`bench:bundle: a lesson page is over the ${BUDGET_KB} kB budget`)
  process.exit(1)
}
