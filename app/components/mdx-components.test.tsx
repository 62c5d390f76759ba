import path from 'node:path'
import { getMDXComponent } from 'mdx-bundler/client/jsx'
import * as React from 'react'
import * as jsxRuntime from 'react/jsx-runtime'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it, vi } from 'vitest'
import { Figure } from './figure'
import { mdxComponents } from './mdx-components'

vi.mock('server-only', () => ({}))
const { loadLessons } = await import('@/lib/content/load.server')

describe('the intro lesson rendered with the MDX component map (as the lesson page does on the server)', async () => {
  const lessons = await loadLessons(path.join(process.cwd(), 'content', 'lessons'))
  const intro = lessons.find((l) => l.id === 'container-networking-intro')
  const Content = getMDXComponent(intro?.code ?? '', { React, _jsx_runtime: jsxRuntime })
  const html = renderToStaticMarkup(<Content components={mdxComponents} />)

  it('has the captioned driver table inside a focusable, labelled scroll box', () => {
    expect(html).toContain(`<div role="region" aria-label="Docker&#x27;s built-in network drivers" tabindex="0"`)
    expect(html).toMatch(/<caption[^>]*>Docker&#x27;s built-in network drivers<\/caption>/)
    // Header and five drivers; the lesson's other table (the trace stages) is not part of it.
    const drivers = html.split('aria-label="Docker&#x27;s built-in network drivers"')[1]?.split('</table>')[0] ?? ''
    expect(drivers.match(/<tr>/g)).toHaveLength(6)
  })

  it('has both diagrams as local images with alt text and captions', () => {
    for (const src of ['/diagrams/traditional-host-path.svg', '/diagrams/container-packet-path.svg']) {
      expect(html).toMatch(new RegExp(`<img src="${src}" alt="[^"]{40,}"`))
    }
    expect(html.match(/<figcaption/g)).toHaveLength(2)
  })

  it('has highlighted code blocks, each with a copy button', () => {
    expect(html.match(/data-code-block=""/g)).toHaveLength(2)
    expect(html.match(/aria-label="Copy code"/g)).toHaveLength(2)
    expect(html).toContain('--shiki-dark')
  })

  it('has the info panel and the four review questions', () => {
    expect(html).toContain('role="note" aria-label="Why bridge is the default"')
    for (const n of [1, 2, 3, 4]) expect(html).toContain(`<li id="review-q${n}">`)
  })
})

describe('Figure', () => {
  it('refuses an image from another host', () => {
    expect(() => renderToStaticMarkup(<Figure src="https://example.com/a.png" alt="a" caption="b" />)).toThrow(
      'must be a path under public/',
    )
  })
})
