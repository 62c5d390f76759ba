'use client'
// "Check my setup": sends the command list to the server, which replays and grades it; shows each check (and
// constraint) as "Passed"/"Failed" with the simulator's explanation and where the packet left the expected path.
// Also the hint ladder and the reference solution, both asked from the server one piece at a time: it records
// what it shows, and a later pass is credited after that help (content/grading.json "help").
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import {
  challengeAttemptMutationOptions,
  challengeHintsQueryOptions,
  nextHintMutationOptions,
  referenceMutationOptions,
} from '@/lib/queries'
import type { CheckResultView } from '@/lib/challenges/response-schema'
import { KeepOptions } from '../keep-options'
import type { Command, Hint } from '@/lib/challenges/schema'

type Props = { challengeId: string; commands: readonly Command[]; hintLevels: readonly Hint['level'][]; onShowTrace: (c: CheckResultView) => void }

const LEVEL: Record<Hint['level'], string> = { nudge: 'Nudge', concept: 'Concept', command: 'Command' }
const percent = (x: number) => `${Math.round(x * 100)}%`

export function Checks({ challengeId, commands, hintLevels, onShowTrace }: Props) {
  const client = useQueryClient()
  const ladder = useQuery(challengeHintsQueryOptions(challengeId))
  const nextHint = useMutation(nextHintMutationOptions(client, challengeId))
  const reference = useMutation(referenceMutationOptions(challengeId))
  const [referenceAvailable, setReferenceAvailable] = useState(false)
  const mutation = useMutation(challengeAttemptMutationOptions(client, challengeId))
  const check = () =>
    mutation.mutate(
      { commands: [...commands] },
      {
        onSuccess: (r) => {
          if (r.referenceAvailable) setReferenceAvailable(true)
          const failed = r.checks.find((c) => !c.passed)
          if (failed) onShowTrace(failed)
        },
      },
    )
  const r = mutation.data
  const shown = ladder.data?.hints ?? []
  const rules = ladder.data
  const nextLevel = hintLevels[shown.length] ?? null

  return (
    <div className="mt-4">
      <div className="flex flex-wrap gap-2">
        <button type="button" onClick={check} disabled={mutation.isPending} className="rounded-md bg-emerald-700 px-4 py-2 font-semibold text-white hover:bg-emerald-600 disabled:opacity-60">
          Check my setup
        </button>
        {nextLevel !== null && (
          <button type="button" onClick={() => nextHint.mutate()} disabled={nextHint.isPending || ladder.isPending} className="rounded-md border border-slate-400 px-3 py-2 text-sm disabled:opacity-60 dark:border-slate-600">
            {nextLevel === 'command' ? 'Show the command hint (counts as the reference)' : shown.length === 0 ? 'Show a hint' : 'Show the next hint'}
          </button>
        )}
        {(referenceAvailable || ladder.data?.referenceSeen) && !reference.data && !r?.passed && (
          <button type="button" onClick={() => reference.mutate()} disabled={reference.isPending} className="rounded-md border border-slate-400 px-3 py-2 text-sm disabled:opacity-60 dark:border-slate-600">
            Show the reference solution
          </button>
        )}
      </div>
      {rules && (
        <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
          Help is recorded: each nudge or concept hint takes {percent(rules.hintCost)} off a later pass; after the command hint or the reference
          solution a pass earns at most {percent(rules.referenceCap)}. A pass before any help keeps full marks.
        </p>
      )}
      {shown.length > 0 && (
        <ol aria-label="Hints" className="mt-3 space-y-1 text-sm">
          {shown.map((h, i) => (
            <li key={i} className="rounded bg-amber-50 p-2 dark:bg-amber-950">
              <strong>{LEVEL[h.level]}:</strong> <KeepOptions text={h.text} />
            </li>
          ))}
        </ol>
      )}
      {(nextHint.error ?? reference.error) && (
        <p role="alert" className="mt-2 text-sm text-rose-700 dark:text-rose-300">
          {(nextHint.error ?? reference.error)?.message}
        </p>
      )}
      {reference.data && !r?.passed && (
        <div className="mt-3 text-sm">
          <p className="font-semibold">Reference solution</p>
          <p className="text-xs text-slate-600 dark:text-slate-400">A pass from now on earns at most {percent(reference.data.cap)} of this challenge.</p>
          <pre tabIndex={0} className="scroll-cue scroll-cue-slate mt-1 overflow-x-auto rounded bg-slate-100 p-2 font-mono text-xs dark:bg-slate-800">{reference.data.solution.map((c) => `${c.on}$ ${c.run}`).join('\n')}</pre>
        </div>
      )}
      <div aria-live="polite" className="mt-3">
        {mutation.isPending && <p className="text-sm">Checking on the server…</p>}
        {mutation.isError && <p className="text-sm text-rose-700 dark:text-rose-300">Could not check your setup: {mutation.error.message}</p>}
        {r && (
          <>
            {r.passed && (
              <p className="rounded bg-emerald-100 p-2 font-semibold text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200">
                Challenge solved
                {r.credit && r.credit.score < 1 && (
                  <span className="block text-sm font-normal">
                    Credited {percent(r.credit.score)}
                    {r.credit.referenceSeen ? ', after the reference solution' : ''}
                    {r.credit.hintsUsed > 0 ? `, after ${r.credit.hintsUsed} hint${r.credit.hintsUsed === 1 ? '' : 's'}` : ''}.
                  </span>
                )}
              </p>
            )}
            <ul aria-label="Checks" className="mt-2 space-y-2">
              {r.checks.map((c) => (
                <li key={c.id} className={`rounded border-l-4 p-2 text-sm ${c.passed ? 'border-emerald-600' : 'border-rose-600'}`}>
                  {c.passed ? 'Passed' : 'Failed'}: <KeepOptions text={`${c.label}. ${c.explanation}`} />
                  {c.divergence && (
                    <span className="block">
                      Where it went wrong: <KeepOptions text={c.divergence.message} />
                    </span>
                  )}
                  <button type="button" onClick={() => onShowTrace(c)} className="ml-1 underline">
                    Show this trace
                  </button>
                </li>
              ))}
              {r.constraints.map((c, i) => (
                <li key={`constraint-${i}`} className={`rounded border-l-4 p-2 text-sm ${c.passed ? 'border-emerald-600' : 'border-rose-600'}`}>
                  {c.passed ? 'Passed' : 'Failed'}: <KeepOptions text={c.message} />
                </li>
              ))}
            </ul>
            {!r.recorded && <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">Graded, but this challenge is not part of your course record yet.</p>}
          </>
        )}
      </div>
    </div>
  )
}
