'use client'

import { useRef, useState } from 'react'

type CopyState = 'idle' | 'copied' | 'failed'

const LABEL: Record<CopyState, string> = { idle: 'Copy', copied: 'Copied', failed: 'Copy failed' }
const ANNOUNCE: Record<CopyState, (what: string) => string> = {
  idle: () => '',
  copied: (what) => `${what[0]?.toUpperCase()}${what.slice(1)} copied to clipboard`,
  failed: (what) => `Copy failed; select the ${what} and copy it by hand`,
}

const PLACED = 'absolute top-2 right-2'

/**
 * Copies the code block it sits in (the text comes from the rendered <pre>, so no code is duplicated in props), or
 * `text` when given, e.g. a share link; `what` names it for the label and the announcement.
 */
export function CopyButton({ text: given, what = 'code', className = PLACED }: { text?: string; what?: string; className?: string }) {
  const ref = useRef<HTMLButtonElement>(null)
  const [state, setState] = useState<CopyState>('idle')

  async function copy() {
    const text = given ?? ref.current?.closest('[data-code-block]')?.querySelector('pre')?.innerText ?? ''
    try {
      await navigator.clipboard.writeText(text.replace(/\n$/, ''))
      setState('copied')
    } catch (error) {
      // Clipboard access can be refused (permissions, insecure origin): say so instead of pretending it worked.
      console.warn('Copy to clipboard failed:', error)
      setState('failed')
    }
    window.setTimeout(() => setState('idle'), 2000)
  }

  return (
    <>
      <button
        ref={ref}
        type="button"
        onClick={copy}
        aria-label={`${LABEL[state]} ${what}`}
        className={`${className} rounded border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-200 dark:hover:bg-slate-700`}
      >
        {LABEL[state]}
      </button>
      <span role="status" className="sr-only">
        {ANNOUNCE[state](what)}
      </span>
    </>
  )
}
