'use client'
// "Check my setup": sends the command list to the server, which replays and grades it; shows each check (and
// constraint) as "Passed"/"Failed" with the simulator's explanation and where the packet left the expected path.
// Also the hint ladder, and the reference solution once a check has failed.
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { progressKey } from '@/lib/queries'
import { KeepOptions } from '../keep-options'
import { postChallengeAttempt, type ChallengeAttemptResponse, type CheckResultView } from '@/lib/challenges/response'
import type { Command, Hint } from '@/lib/challenges/schema'

type Props = { challengeId: string; commands: readonly Command[]; hints: readonly Hint[]; onShowTrace: (c: CheckResultView) => void }

const LEVEL: Record<Hint['level'], string> = { nudge: 'Nudge', concept: 'Concept', command: 'Command' }

export function Checks({ challengeId, commands, hints, onShowTrace }: Props) {
  const client = useQueryClient()
  const [hintsUsed, setHintsUsed] = useState(0)
  const [showSolution, setShowSolution] = useState(false)
  const [everFailed, setEverFailed] = useState<ChallengeAttemptResponse['solution']>(null)
  const mutation = useMutation(
    {
      mutationFn: () => postChallengeAttempt(challengeId, { commands: [...commands], hintsUsed }),
      retry: (count, error) => count < 2 && error instanceof TypeError,
      onSuccess: (r) => {
        // The attempt is in the learner's record now: the sidebar and /progress read it again.
        void client.invalidateQueries({ queryKey: progressKey })
        if (!r.passed && r.solution) setEverFailed(r.solution)
        const failed = r.checks.find((c) => !c.passed)
        if (failed) onShowTrace(failed)
      },
    },
  )
  const r = mutation.data

  return (
    <div className="mt-4">
      <div className="flex flex-wrap gap-2">
        <button type="button" onClick={() => mutation.mutate()} disabled={mutation.isPending} className="rounded-md bg-emerald-700 px-4 py-2 font-semibold text-white hover:bg-emerald-600 disabled:opacity-60">
          Check my setup
        </button>
        {hintsUsed < hints.length && (
          <button type="button" onClick={() => setHintsUsed(hintsUsed + 1)} className="rounded-md border border-slate-400 px-3 py-2 text-sm dark:border-slate-600">
            {hintsUsed === 0 ? 'Show a hint' : 'Show the next hint'}
          </button>
        )}
        {everFailed && !showSolution && !r?.passed && (
          <button type="button" onClick={() => setShowSolution(true)} className="rounded-md border border-slate-400 px-3 py-2 text-sm dark:border-slate-600">
            Show the reference solution
          </button>
        )}
      </div>
      {hintsUsed > 0 && (
        <ol aria-label="Hints" className="mt-3 space-y-1 text-sm">
          {hints.slice(0, hintsUsed).map((h, i) => (
            <li key={i} className="rounded bg-amber-50 p-2 dark:bg-amber-950">
              <strong>{LEVEL[h.level]}:</strong> {h.text}
            </li>
          ))}
        </ol>
      )}
      {showSolution && everFailed && !r?.passed && (
        <div className="mt-3 text-sm">
          <p className="font-semibold">Reference solution</p>
          <pre tabIndex={0} className="scroll-cue scroll-cue-slate mt-1 overflow-x-auto rounded bg-slate-100 p-2 font-mono text-xs dark:bg-slate-800">{everFailed.map((c) => `${c.on}$ ${c.run}`).join('\n')}</pre>
        </div>
      )}
      <div aria-live="polite" className="mt-3">
        {mutation.isPending && <p className="text-sm">Checking on the server…</p>}
        {mutation.isError && <p className="text-sm text-rose-700 dark:text-rose-300">Could not check your setup: {mutation.error.message}</p>}
        {r && (
          <>
            {r.passed && <p className="rounded bg-emerald-100 p-2 font-semibold text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200">Challenge solved</p>}
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
