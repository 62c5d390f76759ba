#!/usr/bin/env node
// `npm run bench:lighthouse`: Lighthouse 12 (mobile preset: simulated slow 4G and a 4× slower CPU) against a built
// server, for every lesson page, the home page, /sandbox and /review, a few runs each. Each run of a page follows a
// run of /bench/reference (the first lesson's text in the same app with no islands), so every page is compared with
// the framework's floor measured beside it in the same sitting. Prints one table of medians and the load average.
//
//   npm run bench:lighthouse                         # builds if the sources changed, serves on BENCH_PORT
//   BENCH_URL=http://localhost:3000 npm run bench:lighthouse   # an already running server
//   BENCH_RUNS=5 BENCH_PAGES=/,/sandbox npm run bench:lighthouse
//   BENCH_SAVE=/tmp/lh npm run bench:lighthouse      # also writes every run's Lighthouse JSON there, to read its audits
//
// Issue 14's targets, reported per page, never asserted on: every lesson ≥ 95 and within 3 points of the reference,
// script transferred before any interaction ≤ 150 kB, LCP ≤ 1.5 s, TBT ≤ 200 ms, CLS 0; /sandbox ≥ 90.
// Chromium: CHROME_PATH (default Debian's /usr/bin/chromium), headless, with the flags in the common brief.
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'
import { CHROMIUM_FLAGS } from './chromium-path.mjs'
import { freePort, waitFor } from './server-helpers.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const runs = Number(process.env.BENCH_RUNS ?? 3)
// BENCH_PORT (the course server) and BENCH_CHROME_PORT (Chromium's DevTools port); a free port when unset.
const fixedPort = (name) => (process.env[name] ? Number(process.env[name]) : undefined)
const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium'
const REFERENCE = '/bench/reference'
const CHROME_FLAGS = ['--headless=new', ...CHROMIUM_FLAGS]
const saveDir = process.env.BENCH_SAVE

if (!Number.isInteger(runs) || runs < 1) {
  console.error(`bench:lighthouse: BENCH_RUNS must be a whole number ≥ 1, got "${process.env.BENCH_RUNS}"`)
  process.exit(2)
}

async function startServer() {
  if (process.env.BENCH_URL) {
    const url = process.env.BENCH_URL.replace(/\/$/, '')
    return { url, ready: () => waitFor(`${url}${REFERENCE}`, { exitCode: null }, 60_000), stop: () => {} }
  }
  const port = fixedPort('BENCH_PORT') ?? (await freePort())
  const dataDir = mkdtempSync(path.join(tmpdir(), 'packet-path-lighthouse-'))
  console.log(`bench:lighthouse: starting the course on port ${port} (DATA_DIR ${dataDir}); builds first if the sources changed`)
  const child = spawn(process.execPath, [path.join(root, 'scripts', 'start.mjs')], {
    cwd: root,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  const url = `http://127.0.0.1:${port}`
  await waitFor(`${url}${REFERENCE}`, child, 15 * 60_000)
  return {
    url,
    ready: () => waitFor(`${url}${REFERENCE}`, child, 60_000),
    stop: () => {
      child.kill('SIGTERM')
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** The lesson pages, in course order, as the home page links them. */
async function lessonPaths(url) {
  const html = await (await fetch(`${url}/`)).text()
  return [...new Set([...html.matchAll(/href="(\/lessons\/[a-z0-9-]+)"/g)].map((m) => m[1]))]
}

function metrics(lhr) {
  const audit = (id) => lhr.audits[id]?.numericValue ?? NaN
  const requests = lhr.audits['network-requests']?.details?.items ?? []
  const scripts = requests.filter((r) => r.resourceType === 'Script')
  return {
    score: Math.round((lhr.categories.performance.score ?? 0) * 100),
    lcp: audit('largest-contentful-paint'),
    tbt: audit('total-blocking-time'),
    cls: audit('cumulative-layout-shift'),
    scriptKb: scripts.reduce((sum, r) => sum + (r.transferSize ?? 0), 0) / 1024,
    scriptRequests: scripts.length,
    requests: requests.length,
  }
}

/** CLS as measured: 0 only when nothing moved; a tiny shift (1e-5) shows as such instead of rounding to 0.000. */
const formatCls = (cls) => (cls === 0 ? '0' : cls >= 0.001 ? cls.toFixed(3) : cls.toExponential(1))

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2
}

function verdict(page, m, ref) {
  const misses = []
  const lesson = page.startsWith('/lessons/')
  if (lesson && m.score < 95) misses.push('score < 95')
  if (lesson && m.score < ref.score - 3) misses.push(`> 3 below reference`)
  if (page === '/sandbox' && m.score < 90) misses.push('score < 90')
  if (page !== '/sandbox' && m.scriptKb > 150) misses.push('script > 150 kB')
  if (m.lcp > 1500) misses.push('LCP > 1.5 s')
  if (m.tbt > 200) misses.push('TBT > 200 ms')
  if (m.cls > 0) misses.push('CLS > 0')
  return misses.length === 0 ? 'meets targets' : misses.join(', ')
}

/**
 * One Lighthouse run of `target`. A run whose page did not load (Chrome shows an interstitial when a server worker is
 * being replaced and the connection is refused) is measured again once the server answers, up to twice; a run that
 * loaded is never repeated, so no figure is picked.
 */
async function measure(server, chrome, target) {
  for (let attempt = 1; ; attempt++) {
    const result = await lighthouse(`${server.url}${target}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] })
    if (result?.lhr && !result.lhr.runtimeError) return result
    const why = result?.lhr.runtimeError?.message ?? 'no result'
    if (attempt === 3) throw new Error(`${target}: Lighthouse failed ${attempt} times, last: ${why}`)
    process.stderr.write(`\nbench:lighthouse: ${target} did not load (${why}); measuring it again once the server answers\n`)
    await server.ready()
  }
}

async function main() {
  const loadBefore = loadavg()
  const server = await startServer()
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: CHROME_FLAGS, port: fixedPort('BENCH_CHROME_PORT') })
  try {
    const only = process.env.BENCH_PAGES?.split(',').filter(Boolean)
    const pages = only ?? [...(await lessonPaths(server.url)), '/', '/sandbox', '/review']
    const results = new Map(pages.map((p) => [p, { page: [], ref: [] }]))
    const total = runs * pages.length * 2
    let done = 0
    for (let run = 0; run < runs; run++) {
      for (const page of pages) {
        for (const [which, target] of [['ref', REFERENCE], ['page', page]]) {
          const result = await measure(server, chrome, target)
          results.get(page)[which].push(metrics(result.lhr))
          if (saveDir) {
            mkdirSync(saveDir, { recursive: true })
            const name = `${(which === 'ref' ? REFERENCE : page).replace(/^\//, '').replace(/\//g, '_') || 'home'}.${which}-for-${page.replace(/\//g, '_')}.run${run + 1}.json`
            writeFileSync(path.join(saveDir, name), result.report)
          }
          done += 1
          process.stderr.write(`\rbench:lighthouse: ${done}/${total} runs`)
        }
      }
    }
    process.stderr.write('\n')
    const loadAfter = loadavg()
    const med = (ms, key) => median(ms.map((m) => m[key]))
    const summarise = (ms) => Object.fromEntries(Object.keys(ms[0]).map((k) => [k, med(ms, k)]))
    console.log(`\nLighthouse 12 mobile preset, ${runs} runs per page, medians; each run follows a run of ${REFERENCE}.`)
    console.log('| page | perf | ref perf | LCP | TBT | CLS | script kB (gz) | script req | requests | targets |')
    console.log('|---|---|---|---|---|---|---|---|---|---|')
    for (const page of pages) {
      const r = results.get(page)
      const m = summarise(r.page)
      const ref = summarise(r.ref)
      const row = [
        page,
        `${m.score} (${r.page.map((x) => x.score).join('/')})`,
        ref.score,
        `${(m.lcp / 1000).toFixed(2)} s`,
        `${Math.round(m.tbt)} ms`,
        formatCls(m.cls),
        m.scriptKb.toFixed(1),
        m.scriptRequests,
        m.requests,
        verdict(page, m, ref),
      ]
      console.log(`| ${row.join(' | ')} |`)
    }
    const ref = summarise(pages.flatMap((p) => results.get(p).ref))
    console.log(`| ${REFERENCE} (all runs) | ${ref.score} | | ${(ref.lcp / 1000).toFixed(2)} s | ${Math.round(ref.tbt)} ms | ${formatCls(ref.cls)} | ${ref.scriptKb.toFixed(1)} | ${ref.scriptRequests} | ${ref.requests} | |`)
    const fmt = (l) => l.map((x) => x.toFixed(2)).join(' ')
    console.log(`\nload average (1/5/15 min): before ${fmt(loadBefore)}, after ${fmt(loadAfter)}`)
  } finally {
    chrome.kill()
    server.stop()
  }
}

main().catch((e) => {
  console.error(`bench:lighthouse: ${e.message}`)
  process.exit(1)
})
