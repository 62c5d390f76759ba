'use client'
// "Mark complete" for a lesson: shows completion at once (optimistic), keeps the click while the
// network is away (the mutation pauses and resumes), retries, and rolls back with the server's
// message if the server finally refuses.
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { completeLessonMutationOptions } from '@/lib/queries'
import { useProgress } from './use-progress'

export function ProgressCompleteButton({ lessonId }: { lessonId: string }) {
  const client = useQueryClient()
  const done = useProgress()?.lessons.find((l) => l.lessonId === lessonId)?.status === 'completed'
  const complete = useMutation(completeLessonMutationOptions(client))

  let status = ''
  if (complete.isPaused) status = 'You seem to be offline. Your completion will be saved when the connection is back.'
  else if (complete.isPending) status = 'Saving…'
  else if (complete.isError) status = `Could not save: ${complete.error.message}`
  else if (done) status = 'Lesson completed.'

  return <CompleteButtonView done={done} pending={complete.isPending} failed={complete.isError} status={status} onComplete={() => complete.mutate(lessonId)} />
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
