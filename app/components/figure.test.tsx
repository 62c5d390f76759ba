import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { Figure } from './figure'

const root = process.cwd()
const lessons = readdirSync(path.join(root, 'content/lessons')).filter((f) => f.endsWith('.mdx'))
// Every <Figure … /> in the lessons, with its string attributes.
const figures = lessons.flatMap((file) =>
  [...readFileSync(path.join(root, 'content/lessons', file), 'utf8').matchAll(/<Figure\b([\s\S]*?)\/>/g)].map((m) => {
    const attrs = Object.fromEntries([...(m[1] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((a) => [a[1], a[2]]))
    const size = (name: string) => Number(new RegExp(`\\b${name}=\\{(\\d+)\\}`).exec(m[1] ?? '')?.[1])
    return {
      file,
      src: attrs.src ?? '',
      narrow: attrs.narrow ?? '',
      narrowWidth: size('narrowWidth'),
      narrowHeight: size('narrowHeight'),
      alt: attrs.alt ?? '',
      caption: attrs.caption ?? '',
    }
  }),
)

describe('Figure', () => {
  it('scales the image to the column and links to the file at full size', () => {
    const html = renderToStaticMarkup(<Figure src="/diagrams/x.svg" alt="A diagram of x" caption="X." width={960} height={300} />)
    expect(html).toMatch(/<img src="\/diagrams\/x.svg" alt="A diagram of x" width="960" height="300" loading="lazy" class="[^"]*\bh-auto\b[^"]*\bmax-w-full\b/)
    expect(html).not.toContain('min-w-')
    expect(html).toMatch(/<figcaption[^>]*>X\. <a href="\/diagrams\/x.svg"[^>]*>Open full size<\/a><\/figcaption>/)
    expect(html).not.toContain('target=')
  })

  it('shows the narrow variant below 640 px, its shape reserved, and links to the wide file', () => {
    const html = renderToStaticMarkup(<Figure src="/diagrams/x.svg" narrow="/diagrams/x-narrow.svg" narrowWidth={360} narrowHeight={640} alt="A diagram of x" caption="X." width={960} height={300} />)
    expect(html).toContain('<picture><source media="(max-width: 639px)" srcSet="/diagrams/x-narrow.svg" width="360" height="640"/><img src="/diagrams/x.svg"')
    expect(html).toMatch(/<a href="\/diagrams\/x.svg"[^>]*>Open full size<\/a>/)
    expect(() => renderToStaticMarkup(<Figure src="/diagrams/x.svg" narrow="https://example.com/x.svg" alt="x" caption="x" />)).toThrow(/narrow .* must be a path under public/)
  })

  it('rejects a remote source', () => {
    expect(() => renderToStaticMarkup(<Figure src="//example.com/x.svg" alt="x" caption="x" />)).toThrow(/must be a path under public/)
  })
})

describe('every diagram in public/diagrams', () => {
  const diagrams = readdirSync(path.join(root, 'public/diagrams')).filter((f) => f.endsWith('.svg'))
  it.each(diagrams)('%s is shown in a lesson with alt text and a caption, and scales by its viewBox', (name) => {
    const uses = figures.filter((f) => f.src === `/diagrams/${name}` || f.narrow === `/diagrams/${name}`)
    expect(uses.length, `no lesson shows ${name}`).toBeGreaterThan(0)
    for (const f of uses) {
      expect(f.alt.length, `${f.file}: alt of ${name}`).toBeGreaterThanOrEqual(40)
      expect(f.caption.length, `${f.file}: caption of ${name}`).toBeGreaterThan(0)
    }
    expect(readFileSync(path.join(root, 'public/diagrams', name), 'utf8')).toMatch(/<svg[^>]*\bviewBox="0 0 \d+ \d+"/)
  })
})

// Issue 14: a diagram drawn for 960 px shrinks to 5–6 px labels in a phone's column, so each has a narrow variant
// (content/AUTHORING.md, "Figure"). At 360 px the column is 326 px wide (px-4 and the figure's border); a label of
// 12.5 user units in a 360-wide drawing renders at 11.3 px there. e2e/phone-layout.spec.ts measures it in the browser.
const NARROW_WIDTH = 360
const SMALLEST_LABEL = 12.5
const svgText = (file: string) => readFileSync(path.join(root, 'public', file), 'utf8')
/** The words of a drawing's labels, lower case, without the punctuation around them (10.77.0.10 stays whole). */
const labelWords = (svg: string) =>
  new Set(
    [...svg.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)]
      .flatMap((m) => (m[1] ?? '').replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#x27;|&apos;/g, "'").split(/\s+/))
      .map((w) => w.toLowerCase().replace(/^[^\w-]+|[^\w]+$/g, ''))
      .filter(Boolean),
  )
// Words of the wide drawing the narrow one says differently, because the arrangement changed.
const REWORDED: Record<string, string[]> = {
  // "configure the path" beside a bracket under two boxes; the narrow bracket says "set up".
  '/diagrams/container-packet-path.svg': ['configure'],
  // "Top row" and "Bottom row" are "Down from the laptop" and "Up from host1 itself" in the vertical drawing.
  '/diagrams/publishing-ports-netfilter.svg': ['top', 'bottom', 'row'],
}

describe('every lesson diagram has a narrow variant for phones', () => {
  it.each(figures.filter((f) => f.src.startsWith('/diagrams/')).map((f) => [f.src, f] as const))('%s', (_src, f) => {
    expect(f.narrow, `${f.file}: ${f.src} has no narrow variant`).toBe(f.src.replace(/\.svg$/, '-narrow.svg'))
    const narrow = svgText(f.narrow)
    const [, w, h] = /<svg[^>]*\bviewBox="0 0 (\d+) (\d+)"/.exec(narrow) ?? []
    expect(Number(w)).toBe(NARROW_WIDTH)
    expect([f.narrowWidth, f.narrowHeight], `${f.file}: narrowWidth/narrowHeight of ${f.narrow}`).toEqual([Number(w), Number(h)])
    const sizes = [...narrow.matchAll(/font-size="([\d.]+)"/g)].map((m) => Number(m[1]))
    expect(Math.min(...sizes), `${f.narrow}: its smallest label`).toBeGreaterThanOrEqual(SMALLEST_LABEL)
    expect(narrow).toMatch(/<title[^>]*>[^<]+<\/title>/)
    expect(narrow).toContain('<rect width="360"')
    // The same picture: every word on the wide drawing's labels is on the narrow one.
    const missing = [...labelWords(svgText(f.src))].filter((word) => !labelWords(narrow).has(word) && !(REWORDED[f.src] ?? []).includes(word))
    expect(missing, `${f.narrow} lacks words of ${f.src}`).toEqual([])
  })
})
