'use client'
// "Mark complete" for a lesson: shows completion at once (optimistic), keeps the click while the network is away and
// sends it when the connection is back, retries, and rolls back with the server's message if the server finally
// refuses (progress-store.ts). Plain requests, part of the page's first load: once the page is there the button works
// offline, and it costs the page no TanStack Query or zod (issue 14).
import { useState } from 'react'
import { completeLesson, useProgressSummary, type CompleteState } from './progress-store'

function statusText(state: CompleteState, done: boolean): string {
  switch (state.kind) {
    case 'offline':
      return 'You seem to be offline. Your completion will be saved when the connection is back.'
    case 'saving':
      return 'Saving…'
    case 'failed':
      return `Could not save: ${state.message}`
    case 'idle':
    case 'saved':
      return done ? 'Lesson completed.' : ''
  }
}

export function ProgressCompleteButton({ lessonId }: { lessonId: string }) {
  const [state, setState] = useState<CompleteState>({ kind: 'idle' })
  const stored = useProgressSummary()?.lessons[lessonId] === 'completed'
  const done = stored || state.kind === 'saved'
  const pending = state.kind === 'saving' || state.kind === 'offline'
  return (
    <CompleteButtonView
      done={done}
      pending={pending}
      failed={state.kind === 'failed'}
      status={statusText(state, done)}
      onComplete={() => void completeLesson(lessonId, setState)}
    />
  )
}

type ViewProps = { done: boolean; pending: boolean; failed: boolean; status: string; onComplete: () => void }

export function CompleteButtonView({ done, pending, failed, status, onComplete }: ViewProps) {
  return (
    <div className="mt-10 flex flex-wrap items-center gap-3">
      <button
        type="button"
        onClick={onComplete}
        disabled={done || pending}
        className="rounded-md bg-sky-700 px-4 py-2 font-semibold text-white hover:bg-sky-800 disabled:cursor-default disabled:bg-emerald-700"
      >
        {done ? '✓ Completed' : 'Mark complete'}
      </button>
      {failed ? (
        <button type="button" onClick={onComplete} className="rounded-md border border-slate-300 px-3 py-2 text-sm dark:border-slate-700">
          Try again
        </button>
      ) : null}
      <p role="status" aria-live="polite" className="text-sm text-slate-700 dark:text-slate-300">
        {status}
      </p>
    </div>
  )
}
