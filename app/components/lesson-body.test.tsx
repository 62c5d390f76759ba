import path from 'node:path'
import { getMDXComponent } from 'mdx-bundler/client/jsx'
import * as React from 'react'
import * as jsxRuntime from 'react/jsx-runtime'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it, vi } from 'vitest'
import { Callout } from './callout'
import { CodeBlock } from './code-block'
import { CopyButton } from './copy-button'
import { isStatic, LessonBody } from './lesson-body'
import { mdxComponents } from './mdx-components'

vi.mock('server-only', () => ({}))
const { loadLessons } = await import('@/lib/content/load.server')

describe('isStatic', () => {
  it('takes HTML elements, text and the static server components as static', () => {
    expect(isStatic(<p>Text with <code>docker run</code> and <a href="/x">a link</a></p>)).toBe(true)
    expect(isStatic(<Callout title="Note"><p>plain</p></Callout>)).toBe(true)
    expect(isStatic(['text', null, false, 3])).toBe(true)
  })

  it('takes a block with a client component or a code block anywhere inside it as interactive', () => {
    expect(isStatic(<CopyButton />)).toBe(false)
    expect(isStatic(<div><p>before</p><CodeBlock><code>ls</code></CodeBlock></div>)).toBe(false)
    expect(isStatic(<Callout title="Try it"><ul><li><CopyButton text="x" /></li></ul></Callout>)).toBe(false)
  })
})

describe('every lesson rendered through LessonBody', async () => {
  const lessons = await loadLessons(path.join(process.cwd(), 'content', 'lessons'))

  it.each(lessons.map((l) => [l.id, l] as const))('%s: the same HTML as the plain MDX render, with static runs wrapped', (_id, lesson) => {
    const Content = getMDXComponent(lesson.code, { React, _jsx_runtime: jsxRuntime })
    const plain = renderToStaticMarkup(<Content components={mdxComponents} />)
    const body = renderToStaticMarkup(<LessonBody content={Content} components={mdxComponents} />)
    expect(body).toContain('data-static-html=""')
    // Removing the wrappers (each one's opening tag and the closing tag that balances it) gives the plain render back
    // (its code blocks have their own wrapper around the <pre>).
    expect(unwrap(body)).toBe(unwrap(plain))
    expect(body.length).toBeGreaterThan(plain.length)
    // Nothing interactive sits inside a kept run: no quiz, no challenge, no copy button.
    for (const run of staticRuns(body)) {
      expect(run).not.toMatch(/<fieldset|data-island=|aria-label="Copy code"/)
    }
  })
})

/** The HTML inside each top-level `data-static-html` wrapper. */
function staticRuns(html: string): string[] {
  const runs: string[] = []
  const open = '<div data-static-html="" class="contents">'
  for (let at = html.indexOf(open); at !== -1; at = html.indexOf(open, at + 1)) {
    runs.push(html.slice(at + open.length, closingDiv(html, at + open.length)))
  }
  return runs
}

/** The index of the `</div>` that closes a <div> whose content starts at `from`. */
function closingDiv(html: string, from: number): number {
  let depth = 1
  const tag = /<div\b|<\/div>/g
  tag.lastIndex = from
  for (let m = tag.exec(html); m !== null; m = tag.exec(html)) {
    depth += m[0] === '</div>' ? -1 : 1
    if (depth === 0) return m.index
  }
  throw new Error('unbalanced <div> in the rendered lesson')
}

function unwrap(html: string): string {
  const open = '<div data-static-html="" class="contents">'
  let out = html
  for (let at = out.indexOf(open); at !== -1; at = out.indexOf(open)) {
    const end = closingDiv(out, at + open.length)
    out = out.slice(0, at) + out.slice(at + open.length, end) + out.slice(end + '</div>'.length)
  }
  return out
}
