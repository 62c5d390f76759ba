#!/usr/bin/env node
// The framework's scripts are requested after a prerendered page's first paint, not beside its stylesheet (issue 14).
//
// Next writes `<script src="/_next/static/…" async>` tags (and a `<link rel="preload" as="script">`) into the head of
// every page. On a phone's network those ~140 kB start downloading with the HTML and the stylesheet and share the
// connection with them, though the page needs none of them to show its text: lesson text is server-rendered and
// its islands load on demand. Lighthouse's mobile simulation counts every request that starts before the largest
// paint as holding it back, so a lesson's LCP was the time to download all the framework's code (1.7–2.3 s on a quiet
// machine), not the time to show its text (0.9 s).
//
// After `next build`, each prerendered page (<distDir>/server/app/**/*.html) gets those tags replaced by a list
// (a JSON data block, which never runs) and one loader that inserts the same scripts, in the same order and still
// async, once the browser reports the first paint (a PerformanceObserver of paint entries, which Chrome queues when
// the frame has been presented; a timer in requestAnimationFrame, which runs on the main thread right after the
// frame but can come before it is on screen, where there is no such observer), or after LOADER_FALLBACK_MS if no
// frame comes (a tab opened in the background). Nothing else changes: the inline
// RSC payload and chunk list run where they were, and hydration starts as soon as the scripts arrive, as before.
// The loader's text is the same on every page, so its CSP hash is too (read from the page like any inline script,
// lib/security/static-page-hashes.server.ts). Pages rendered on request (/sandbox, /instructor) are not touched.
//
//   node scripts/defer-scripts.mjs [distDir]     # default: NEXT_DIST_DIR or .next; scripts/start.mjs runs it
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const DEFERRED_LIST_ID = 'packet-path-deferred-scripts'
const LOADER_FALLBACK_MS = 500
export const LOADER = `(function(){var l=document.getElementById(${JSON.stringify(DEFERRED_LIST_ID)}),d=false;function go(){if(d)return;d=true;JSON.parse(l.textContent).forEach(function(u){var s=document.createElement('script');s.src=u;s.async=true;document.head.appendChild(s)})}try{new PerformanceObserver(function(list,o){o.disconnect();setTimeout(go,0)}).observe({type:'paint',buffered:true})}catch(e){requestAnimationFrame(function(){setTimeout(go,0)})}setTimeout(go,${LOADER_FALLBACK_MS})})()`

// Exactly the tags Next writes for its own chunks; anything else (a noModule polyfill, an inline script) stays.
const FRAMEWORK_SCRIPT = /<script src="(\/_next\/static\/[^"<>]+\.js)" async=""><\/script>/g
const SCRIPT_PRELOAD = /<link rel="preload" as="script"(?: fetchPriority="[a-z]+")? href="(\/_next\/static\/[^"<>]+\.js)"\/>/g

// The list and the loader that follows it, as written into a page: "</" cannot occur in the list (the URLs match
// [^<>]), so the data block cannot be closed early, and the loader has no "<" either.
const LIST_OPEN = `<script type="application/json" id="${DEFERRED_LIST_ID}">`
const DEFERRED = new RegExp(`${LIST_OPEN}([^<]*)</script><script>([^<]*)</script>`)
const deferredTail = (urls) => `${LIST_OPEN}${JSON.stringify(urls)}</script><script>${LOADER}</script>`

/**
 * The page with its framework scripts deferred, and the scripts' URLs in document order; `undefined` when there is
 * nothing to do (no such tags, or the page was deferred already by this loader). A page deferred by an earlier
 * loader gets this one: a build is deferred once, then kept.
 */
export function deferFrameworkScripts(html) {
  const earlier = DEFERRED.exec(html)
  if (earlier !== null) {
    if (earlier[2] === LOADER) return undefined
    const urls = JSON.parse(earlier[1])
    return { html: html.replace(earlier[0], () => deferredTail(urls)), urls }
  }
  const urls = []
  const keep = (url) => {
    if (!urls.includes(url)) urls.push(url)
    return ''
  }
  let out = html.replace(FRAMEWORK_SCRIPT, (_, url) => keep(url))
  if (urls.length === 0) return undefined
  // A preload of a deferred script would start the download it defers; one of anything else is left alone.
  out = out.replace(SCRIPT_PRELOAD, (tag, url) => (urls.includes(url) ? '' : tag))
  const end = out.lastIndexOf('</body>')
  if (end === -1) return undefined
  return { html: out.slice(0, end) + deferredTail(urls) + out.slice(end), urls }
}

/** The URLs a page deferred (bench:bundle counts them with the page's other scripts). */
export function deferredScriptUrls(html) {
  const deferred = DEFERRED.exec(html)
  return deferred ? JSON.parse(deferred[1]) : []
}

function htmlFiles(dir) {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return htmlFiles(full)
    return entry.name.endsWith('.html') ? [full] : []
  })
}

/** Defers the scripts of every prerendered page of a build; returns how many pages changed. Safe to run again. */
export function deferBuild(distDir) {
  let changed = 0
  for (const file of htmlFiles(path.join(distDir, 'server', 'app'))) {
    const deferred = deferFrameworkScripts(readFileSync(file, 'utf8'))
    if (!deferred) continue
    writeFileSync(`${file}.tmp`, deferred.html)
    renameSync(`${file}.tmp`, file)
    changed += 1
  }
  // Next copies a prerendered page into route-cache the first time it serves it; a copy made before this ran would
  // keep serving the old HTML, so it goes (Next makes it again from the file above).
  if (changed > 0) rmSync(path.join(distDir, 'server', 'route-cache'), { recursive: true, force: true })
  return changed
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
  const distDir = path.resolve(root, process.argv[2] ?? process.env.NEXT_DIST_DIR ?? '.next')
  if (!existsSync(path.join(distDir, 'server', 'app'))) {
    console.error(`defer-scripts: ${distDir} holds no prerendered pages (server/app); run \`next build\` first`)
    process.exit(2)
  }
  console.log(`defer-scripts: ${deferBuild(distDir)} prerendered pages now load the framework's scripts after their first paint`)
}
