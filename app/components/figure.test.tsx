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
    return { file, src: attrs.src ?? '', narrow: attrs.narrow ?? '', alt: attrs.alt ?? '', caption: attrs.caption ?? '' }
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
