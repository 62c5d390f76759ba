import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Script, createContext } from 'node:vm'
import { afterEach, describe, expect, it } from 'vitest'
import { inlineScripts } from '@/lib/security/csp'
import { DEFERRED_LIST_ID, LOADER, deferBuild, deferFrameworkScripts, deferredScriptUrls } from './defer-scripts.mjs'

// The shape `next build` writes (Next 16, Turbopack): async chunk tags and a low-priority preload in the head, inline
// RSC payload and chunk list in the body, the runtime's own tag after the chunk list, a noModule polyfill.
const PAGE = [
  '<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/>',
  '<link rel="stylesheet" href="/_next/static/chunks/a.css" data-precedence="next"/>',
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/runtime.js"/>',
  '<script src="/_next/static/chunks/one.js" async=""></script><script src="/_next/static/chunks/two.js" async=""></script>',
  '<script>theme()</script><script src="/_next/static/chunks/polyfill.js" noModule=""></script></head>',
  '<body><main><h1>Publishing ports</h1><p>Text with <code>&lt;script src="/_next/static/chunks/x.js" async=""&gt;</code></p></main>',
  '<script>(self.__next_f=self.__next_f||[]).push([0])</script>',
  '<script id="_R_">(globalThis["TURBOPACK"]||(globalThis["TURBOPACK"]=[])).push({"otherChunks":[]})</script>',
  '<script src="/_next/static/chunks/runtime.js" async=""></script>',
  '<script src="/_next/static/chunks/one.js" async=""></script></body></html>',
].join('')

describe('deferFrameworkScripts', () => {
  it('replaces the framework chunk tags and their preload by a list, in document order, loaded by one inline loader', () => {
    const deferred = deferFrameworkScripts(PAGE)
    expect(deferred?.urls).toEqual(['/_next/static/chunks/one.js', '/_next/static/chunks/two.js', '/_next/static/chunks/runtime.js'])
    const html = deferred!.html
    expect(html).not.toMatch(/<script src="\/_next\/static\/chunks\/(one|two|runtime)\.js"/)
    expect(html).not.toContain('rel="preload" as="script"')
    expect(deferredScriptUrls(html)).toEqual(deferred!.urls)
    // What needs no change stays where it was: stylesheet, inline scripts, the polyfill, the page's text (which
    // merely quotes a tag).
    for (const kept of ['<link rel="stylesheet"', '<script>theme()</script>', 'noModule=""', '&lt;script src="/_next/static/chunks/x.js"', '<script id="_R_">']) {
      expect(html).toContain(kept)
    }
    // The list and the loader come last in the body, after the chunk list the runtime reads.
    expect(html.indexOf(`id="${DEFERRED_LIST_ID}"`)).toBeGreaterThan(html.indexOf('<script id="_R_">'))
    expect(html.endsWith(`<script>${LOADER}</script></body></html>`)).toBe(true)
    // The loader is an inline script like any other, so the page's CSP hashes (read from this HTML) allow it.
    expect(inlineScripts(html)).toContain(LOADER)
  })

  it('leaves a page alone that has no framework scripts or was deferred already', () => {
    expect(deferFrameworkScripts('<html><body><p>static</p></body></html>')).toBeUndefined()
    const once = deferFrameworkScripts(PAGE)!.html
    expect(deferFrameworkScripts(once)).toBeUndefined()
  })

  it('brings a page deferred by an earlier loader up to this one, keeping its list', () => {
    const once = deferFrameworkScripts(PAGE)!.html
    const older = once.replace(`<script>${LOADER}</script>`, '<script>oldLoader()</script>')
    const updated = deferFrameworkScripts(older)
    expect(updated?.html).toBe(once)
    expect(updated?.urls).toEqual(deferredScriptUrls(once))
  })

  it('keeps a preload of a script it does not defer', () => {
    const page = PAGE.replace('href="/_next/static/chunks/runtime.js"/>', 'href="/_next/static/chunks/other.js"/>').replace(
      '<script src="/_next/static/chunks/runtime.js" async=""></script>',
      '',
    )
    expect(deferFrameworkScripts(page)!.html).toContain('href="/_next/static/chunks/other.js"')
  })
})

describe('the loader', () => {
  /** Runs the loader against a minimal document; `frame()` paints a frame, `timers()` runs due timers. */
  function run(list: string[]) {
    const appended: string[] = []
    const frames: (() => void)[] = []
    const timers: { fn: () => void; ms: number }[] = []
    const context = createContext({
      document: {
        getElementById: (id: string) => (id === DEFERRED_LIST_ID ? { textContent: JSON.stringify(list) } : null),
        createElement: () => ({ src: '', async: false }),
        head: { appendChild: (el: { src: string; async: boolean }) => appended.push(`${el.src}${el.async ? ' async' : ''}`) },
      },
      requestAnimationFrame: (fn: () => void) => frames.push(fn),
      setTimeout: (fn: () => void, ms: number) => timers.push({ fn, ms }),
      JSON,
    })
    new Script(LOADER).runInContext(context)
    return {
      appended,
      frame: () => frames.splice(0).forEach((f) => f()),
      timers: (upTo: number) => {
        const due = timers.filter((t) => t.ms <= upTo)
        for (const t of due) timers.splice(timers.indexOf(t), 1)
        due.forEach((t) => t.fn())
      },
    }
  }

  it('without a paint observer: requests nothing before the first frame, then every script once, in order, async', () => {
    const page = run(['/a.js', '/b.js'])
    page.timers(0)
    expect(page.appended).toEqual([])
    page.frame()
    page.timers(0)
    expect(page.appended).toEqual(['/a.js async', '/b.js async'])
    page.timers(10_000)
    expect(page.appended).toHaveLength(2)
  })

  it('waits for the first paint entry where the browser reports paints, and loads once', () => {
    const appended: string[] = []
    const timers: (() => void)[] = []
    let observer: ((list: unknown, o: { disconnect: () => void }) => void) | undefined
    let observed: unknown
    let disconnected = false
    const context = createContext({
      document: {
        getElementById: () => ({ textContent: JSON.stringify(['/a.js']) }),
        createElement: () => ({ src: '', async: false }),
        head: { appendChild: (el: { src: string }) => appended.push(el.src) },
      },
      PerformanceObserver: class {
        constructor(fn: typeof observer) {
          observer = fn
        }
        observe(options: unknown) {
          observed = options
        }
      },
      requestAnimationFrame: () => {
        throw new Error('no frame timer where paints are observed')
      },
      setTimeout: (fn: () => void, ms: number) => (ms === 0 ? timers.push(fn) : undefined),
      JSON,
    })
    new Script(LOADER).runInContext(context)
    expect(observed).toEqual({ type: 'paint', buffered: true })
    timers.splice(0).forEach((t) => t())
    expect(appended).toEqual([])
    observer!([], { disconnect: () => (disconnected = true) })
    timers.splice(0).forEach((t) => t())
    expect(appended).toEqual(['/a.js'])
    expect(disconnected).toBe(true)
  })

  it('loads the scripts without a frame (a tab opened in the background) after its fallback timer', () => {
    const page = run(['/a.js'])
    page.timers(10_000)
    expect(page.appended).toEqual(['/a.js async'])
  })
})

describe('deferBuild', () => {
  const dirs: string[] = []
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))

  it('defers every prerendered page under server/app, once, and drops route-cache copies of the old pages', () => {
    const dist = mkdtempSync(path.join(tmpdir(), 'defer-scripts-'))
    dirs.push(dist)
    const app = path.join(dist, 'server', 'app')
    mkdirSync(path.join(app, 'lessons'), { recursive: true })
    mkdirSync(path.join(dist, 'server', 'route-cache', 'APP_PAGE'), { recursive: true })
    writeFileSync(path.join(app, 'index.html'), PAGE)
    writeFileSync(path.join(app, 'lessons', 'intro.html'), PAGE)
    writeFileSync(path.join(app, 'lessons', 'intro.rsc'), 'not html')
    expect(deferBuild(dist)).toBe(2)
    expect(existsSync(path.join(dist, 'server', 'route-cache'))).toBe(false)
    expect(deferredScriptUrls(readFileSync(path.join(app, 'lessons', 'intro.html'), 'utf8'))).toHaveLength(3)
    expect(readFileSync(path.join(app, 'lessons', 'intro.rsc'), 'utf8')).toBe('not html')
    expect(deferBuild(dist)).toBe(0)
  })
})
