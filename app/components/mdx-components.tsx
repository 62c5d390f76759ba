/**
 * Every component a lesson can use, in one map passed to the compiled MDX. Add new lesson widgets here
 * (e.g. `Challenge`, `Quiz`); lowercase keys replace the HTML elements Markdown produces. A new server component that
 * renders only static HTML may also go in lesson-body.tsx's STATIC_COMPONENTS, so its blocks are not hydrated; one
 * with a client component inside must not (it would never become interactive).
 */
import type { ComponentType } from 'react'
import { Callout } from './callout'
import { CodeBlock } from './code-block'
import { Figure } from './figure'
import { InlineCode } from './inline-code'
import { QuizEmbed } from './quiz-embed'
import { ChallengeEmbed } from './sim/challenge-embed'
import { Table } from './table'

// MDX hands each component whatever props the author wrote; the components' own prop types document them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const mdxComponents: Record<string, ComponentType<any>> = {
  Callout,
  InfoPanel: Callout,
  Figure,
  Table,
  Quiz: QuizEmbed,
  Challenge: ChallengeEmbed,
  pre: CodeBlock,
  code: InlineCode,
}
