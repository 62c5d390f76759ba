import type { ComponentProps } from 'react'
import { KeepCommand } from './keep-options'

/**
 * `code` in a lesson. A code block's <code> (rehype-pretty-code marks it with data-language) is left as highlighted;
 * inline code keeps each flag with its value on one line (KeepCommand), so `-p 80:8080` never reads "-" / "p 80:8080".
 */
export function InlineCode(props: ComponentProps<'code'> & { 'data-language'?: string }) {
  const { children, ...rest } = props
  if (props['data-language'] !== undefined || typeof children !== 'string') return <code {...props} />
  return (
    <code {...rest}>
      <KeepCommand text={children} />
    </code>
  )
}
