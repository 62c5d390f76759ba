import { createHash } from 'node:crypto'
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { API_POLICY, hasMalformedEncoding, inlineScripts, pageHashes, pagePolicy, prerenderedFile, scriptHash } from '.'

const directives = (policy: string) => new Map(policy.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)] as const))

describe('inlineScripts and scriptHash', () => {
  it('takes the text of inline scripts only, as the browser hashes it', () => {
    const html = '<script src="/_next/a.js" async=""></script><script>self.__next_f.push([0])</script><script id="_R_">x&amp;y</script><SCRIPT type="x">\n</SCRIPT>'
    expect(inlineScripts(html)).toEqual(['self.__next_f.push([0])', 'x&amp;y', '\n'])
    const expected = createHash('sha256').update('self.__next_f.push([0])').digest('base64')
    expect(scriptHash('self.__next_f.push([0])')).toBe(`'sha256-${expected}'`)
  })
})

describe('pagePolicy', () => {
  it('allows only this origin, the given hashes and nonce, and refuses framing', () => {
    const d = directives(pagePolicy({ hashes: ["'sha256-a'", "'sha256-a'", "'sha256-b'"], nonce: 'n0nce' }))
    expect(d.get('default-src')).toEqual(["'self'"])
    expect(d.get('script-src')).toEqual(["'self'", "'sha256-a'", "'sha256-b'", "'nonce-n0nce'"])
    expect(d.get('style-src')).toEqual(["'self'"])
    expect(d.get('style-src-attr')).toEqual(["'unsafe-inline'"])
    expect(d.get('connect-src')).toEqual(["'self'"])
    expect(d.get('frame-ancestors')).toEqual(["'none'"])
    expect(d.get('object-src')).toEqual(["'none'"])
    // Nothing anywhere names another host or lets inline script or eval run.
    expect(pagePolicy({ hashes: [] })).not.toMatch(/https?:|\*|unsafe-eval|'unsafe-inline'; script/)
    expect(directives(pagePolicy({ hashes: [] }, true)).get('script-src')).toContain("'unsafe-eval'")
  })

  it('lets API answers load nothing and be framed by nobody', () => {
    expect(directives(API_POLICY).get('default-src')).toEqual(["'none'"])
    expect(directives(API_POLICY).get('frame-ancestors')).toEqual(["'none'"])
  })
})

describe('pageHashes', () => {
  let dir = ''
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('hashes the prerendered HTML of a page, and of the 404 page, and looks up nothing else', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'pp-csp-'))
    mkdirSync(path.join(dir, 'lessons'))
    writeFileSync(path.join(dir, 'index.html'), '<script>home()</script>')
    writeFileSync(path.join(dir, 'lessons', 'intro.html'), '<script src="/x.js"></script><script>intro()</script>')
    writeFileSync(path.join(dir, '_not-found.html'), '<script>missing()</script>')
    const h = pageHashes(dir)
    expect(h.forPage('/')).toEqual([scriptHash('home()')])
    expect(h.forPage('/lessons/intro')).toEqual([scriptHash('intro()')])
    expect(h.forPage('/lessons/other')).toBeUndefined()
    expect(h.notFound()).toEqual([scriptHash('missing()')])
    expect(prerenderedFile(dir, '/../etc/passwd')).toBeUndefined()
    expect(prerenderedFile(dir, '/lessons/%2e%2e')).toBeUndefined()
    expect(prerenderedFile(dir, '/_not-found')).toBeUndefined()
  })
})

describe('hasMalformedEncoding', () => {
  it.each([
    ['/lessons/%FF', true],
    ['/api/challenges/%E0%A4%A/attempts', true],
    ['/api/quizzes/%/attempts', true],
    ['/lessons/intro', false],
    ['/lessons/caf%C3%A9', false],
    ['/sandbox', false],
  ])('%s → %s', (pathname, bad) => {
    expect(hasMalformedEncoding(pathname)).toBe(bad)
  })
})
