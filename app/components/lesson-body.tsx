// A lesson's compiled MDX, rendered on the server with its static runs of blocks kept out of hydration (issue 14).
// The MDX's top-level blocks are grouped: each run of blocks with nothing interactive inside (paragraphs, headings,
// lists, tables, figures, info panels) goes into one <StaticHtml>, which the browser keeps as the server rendered it;
// the blocks between runs (a quiz, a challenge, a code block with its copy button) hydrate as before.
import type { getMDXComponent } from 'mdx-bundler/client/jsx'
import { Children, Fragment, isValidElement, type ReactElement, type ReactNode } from 'react'
import { Callout } from './callout'
import { Figure } from './figure'
import { InlineCode } from './inline-code'
import { StaticHtml } from './static-html'
import { Table } from './table'

/**
 * Server components that render only static HTML from their props and children. A component not listed here (a
 * client component, a quiz or challenge embed, a code block, which holds a copy button) makes its block interactive.
 */
const STATIC_COMPONENTS = new Set<unknown>([Fragment, Callout, Figure, InlineCode, Table])

/** True when `node` renders no client component: only HTML elements, text and the static components above. */
export function isStatic(node: ReactNode): boolean {
  if (node === null || node === undefined || typeof node === 'boolean' || typeof node === 'string' || typeof node === 'number') return true
  if (Array.isArray(node)) return node.every(isStatic)
  if (!isValidElement(node)) return false
  if (typeof node.type !== 'string' && !STATIC_COMPONENTS.has(node.type)) return false
  return isStatic((node.props as { children?: ReactNode }).children)
}

/**
 * The lesson's content with each run of static top-level blocks wrapped in one StaticHtml. Calls the MDX content
 * function directly (it is a plain function with no hooks) to see its top-level blocks.
 */
type Content = ReturnType<typeof getMDXComponent>
type Components = NonNullable<Parameters<Content>[0]['components']>

export function LessonBody({ content, components }: { content: Content; components: Components }) {
  const tree = content({ components }) as ReactNode
  const blocks = isValidElement(tree) && tree.type === Fragment ? Children.toArray((tree as ReactElement<{ children?: ReactNode }>).props.children) : [tree]
  const out: ReactNode[] = []
  let run: ReactNode[] = []
  const endRun = () => {
    // A run of whitespace alone (the line breaks MDX leaves between two interactive blocks) needs no wrapper.
    if (run.some((b) => typeof b !== 'string' || b.trim() !== '')) out.push(<StaticHtml key={`static-${out.length}`}>{run}</StaticHtml>)
    else out.push(...run)
    run = []
  }
  for (const block of blocks) {
    if (isStatic(block)) {
      run.push(block)
    } else {
      endRun()
      out.push(block)
    }
  }
  endRun()
  return out
}
