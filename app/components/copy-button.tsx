'use client'

import { useRef, useState } from 'react'

type CopyState = 'idle' | 'copied' | 'failed'

const LABEL: Record<CopyState, string> = { idle: 'Copy', copied: 'Copied', failed: 'Copy failed' }
const ANNOUNCE: Record<CopyState, string> = {
  idle: '',
  copied: 'Code copied to clipboard',
  failed: 'Copy failed; select the code and copy it by hand',
}

/** Copies the code block it sits in; the text comes from the rendered <pre>, so no code is duplicated in props. */
export function CopyButton() {
  const ref = useRef<HTMLButtonElement>(null)
  const [state, setState] = useState<CopyState>('idle')

  async function copy() {
    const text = ref.current?.closest('[data-code-block]')?.querySelector('pre')?.innerText ?? ''
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
        aria-label={`${LABEL[state]} code`}
        className="absolute top-2 right-2 rounded border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-200 dark:hover:bg-slate-700"
      >
        {LABEL[state]}
      </button>
      <span role="status" className="sr-only">
        {ANNOUNCE[state]}
      </span>
    </>
  )
}
