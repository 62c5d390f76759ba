import type { ComponentProps } from 'react'
import { CopyButton } from './copy-button'
import { StaticHtml } from './static-html'

/**
 * A <pre> that rehype-pretty-code highlighted at build time, plus the copy button (the only client part). The <pre>,
 * a span per token, is kept out of hydration (static-html.tsx); the button reads its text from the DOM.
 */
export function CodeBlock(props: ComponentProps<'pre'>) {
  return (
    <div data-code-block="" className="relative">
      <StaticHtml>
        <pre {...props} />
      </StaticHtml>
      <CopyButton />
    </div>
  )
}
