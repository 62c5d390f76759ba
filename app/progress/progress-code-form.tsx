'use client'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useId, useState, type FormEvent } from 'react'
import { claimCodeMutationOptions } from '@/lib/queries'
import { FormStatus } from './form-status'
import { formatClaimError } from './messages'

export function ProgressCodeForm({ progressCode }: { progressCode: string | null }) {
  const client = useQueryClient()
  const claim = useMutation(claimCodeMutationOptions(client))
  const [code, setCode] = useState('')
  const inputId = useId()

  function submit(event: FormEvent) {
    event.preventDefault()
    claim.mutate(code)
  }

  return (
    <section aria-labelledby="code-title">
      <h2 id="code-title" className="text-xl font-semibold">
        Progress code
      </h2>
      {progressCode === null ? (
        // No learner is stored until the first write, so a new visitor has no code yet.
        <p className="mt-2">You get a progress code once you open a lesson or try a challenge or quiz. Then enter it on another device to continue there.</p>
      ) : (
        <p className="mt-2">
          Your progress code is <code className="rounded bg-slate-100 px-2 py-1 font-mono text-lg whitespace-nowrap dark:bg-slate-800" data-testid="progress-code">{progressCode}</code>.
          Enter it on another device to continue there. Keep it to yourself: anyone with it can see and change your progress.
        </p>
      )}
      <form onSubmit={submit} className="mt-4 flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor={inputId} className="block text-sm font-medium">
            Continue with a code from another device
          </label>
          <input
            id={inputId}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            autoComplete="off"
            spellCheck={false}
            placeholder="ABCD-EFGH-JKMN"
            className="mt-1 rounded-md border border-slate-300 px-3 py-2 font-mono uppercase dark:border-slate-700 dark:bg-slate-900"
          />
        </div>
        <button type="submit" disabled={claim.isPending || code.trim() === ''} className="rounded-md bg-sky-700 px-4 py-2 font-semibold text-white disabled:opacity-60">
          Continue
        </button>
      </form>
      <FormStatus
        message={claim.isError ? formatClaimError(claim.error) : claim.isSuccess ? { text: `Done: this device now continues the progress of ${claim.data.progressCode}.` } : null}
      />
    </section>
  )
}
