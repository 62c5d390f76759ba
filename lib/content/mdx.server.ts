import 'server-only'
import { bundleMDX } from 'mdx-bundler'
import rehypePrettyCode, { type Options as PrettyCodeOptions } from 'rehype-pretty-code'
import type { LessonError } from './lessons'
import { rehypeHeadingIds } from './mdx-heading-ids'

// Highlighting happens here, at build time, so lesson pages ship no highlighter. Both themes are emitted as CSS
// variables (--shiki-light / --shiki-dark) and globals.css picks one from the `dark` class.
const PRETTY_CODE: PrettyCodeOptions = {
  theme: { light: 'github-light', dark: 'github-dark' },
  keepBackground: false,
  defaultLang: 'plaintext',
  // Inline code stays a plain <code> with its text, so the lesson's `code` component can keep each flag on one line
  // (inline-code.tsx); the highlighter split it into token spans the browser could break between.
  bypassInlineCode: true,
}

// react/jsx-runtime is provided by the page (getMDXComponent's globals), so lessons compile without React inside.
const JSX_CONFIG = {
  jsxLib: { varName: 'React', package: 'react' },
  jsxRuntime: { varName: '_jsx_runtime', package: 'react/jsx-runtime' },
}

export type CompiledMdx = { code: string; frontmatter: unknown }

export async function compileMdx(
  file: string,
  source: string,
): Promise<{ ok: true; value: CompiledMdx } | { ok: false; errors: LessonError[] }> {
  try {
    const result = await bundleMDX({
      source,
      jsxConfig: JSX_CONFIG,
      mdxOptions(options) {
        options.rehypePlugins = [...(options.rehypePlugins ?? []), rehypeHeadingIds, [rehypePrettyCode, PRETTY_CODE]]
        return options
      },
      // esbuild would also print the failure to stderr; the caller reports it with the file name instead.
      esbuildOptions: (options) => ({ ...options, logLevel: 'silent' }),
    })
    return { ok: true, value: { code: result.code, frontmatter: result.frontmatter } }
  } catch (error) {
    return { ok: false, errors: toLessonErrors(file, error) }
  }
}

type EsbuildMessage = { text?: string; detail?: unknown }

/** mdx-bundler throws esbuild's BuildFailure (with `errors`) for MDX problems, or a YAML error for front matter. */
function toLessonErrors(file: string, error: unknown): LessonError[] {
  const messages: EsbuildMessage[] =
    typeof error === 'object' && error !== null && Array.isArray((error as { errors?: unknown }).errors)
      ? (error as { errors: EsbuildMessage[] }).errors
      : []
  if (messages.length === 0) {
    const text = error instanceof Error ? error.message : String(error)
    const yaml = /\((\d+):(\d+)\)/.exec(text)
    const isYaml = error instanceof Error && error.name === 'YAMLException'
    return [{ file, line: yaml?.[1] ? Number(yaml[1]) : undefined, message: `${isYaml ? 'front matter is not valid YAML: ' : ''}${firstLine(text)}` }]
  }
  return messages.map((m) => {
    const text = (m.text ?? 'MDX does not compile').replace(/^Cannot process MDX file with esbuild:\s*/, '')
    return { file, line: lineOf(m.detail, text), message: `MDX does not compile: ${stripPosition(text)}` }
  })
}

function lineOf(detail: unknown, text: string): number | undefined {
  const cause = typeof detail === 'object' && detail !== null ? (detail as { cause?: unknown }).cause : undefined
  const place = typeof cause === 'object' && cause !== null ? (cause as { line?: unknown }).line : undefined
  if (typeof place === 'number' && place > 0) return place
  // The MDX parser puts the position in the text: "12:5: …" or "… (10:1-10:10)". Lines count from the top of the
  // file, front matter included, so they match the author's editor.
  const match = /\((\d+):\d+(?:-\d+:\d+)?\)/.exec(text) ?? /^(\d+):\d+(?:-\d+:\d+)?:/.exec(text)
  const line = match?.[1] ? Number(match[1]) : undefined
  return line && line > 0 ? line : undefined
}

function stripPosition(text: string): string {
  return firstLine(text.replace(/^\d+:\d+(?:-\d+:\d+)?:\s*/, '').trim())
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text
}
