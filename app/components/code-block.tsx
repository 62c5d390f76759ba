import type { ComponentProps } from 'react'
import { CopyButton } from './copy-button'

/** A <pre> that rehype-pretty-code highlighted at build time, plus the copy button (the only client part). */
export function CodeBlock(props: ComponentProps<'pre'>) {
  return (
    <div data-code-block="" className="relative">
      <pre {...props} />
      <CopyButton />
    </div>
  )
}
