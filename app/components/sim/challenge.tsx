'use client'
// The `<Challenge>` island. The page carries a preview rendered on the server (the goal and the world's machines, see
// challenge-embed.tsx) and a "Start" button; the simulator's code is fetched only when the challenge comes near the
// viewport or the learner touches it (issue 14), never at page load, and the terminal then takes the preview's place.
//
// A plain dynamic import rather than next/dynamic: next/dynamic's loader (preload bookkeeping, CSR bail-out) adds
// ~3 kB gzipped to every lesson's first load (issue 2's 150 kB budget), and a client-only app needs none of it.
import { useRef, useState, type ReactNode } from 'react'
import type { PublicChallenge } from '@/lib/challenges/schema'
import { withQueryClient } from '../deferred'
import { GATES } from '../island-gates'
import { useGatedLoad } from './use-gated-load'

/**
 * What the island needs to start the simulator; `version` names the content for the saved session's key. Hint texts
 * are not here: the server sends them one rung at a time (/api/challenges/<id>/hints), so only their levels are.
 */
export type ChallengeIslandData = Pick<PublicChallenge, 'id' | 'title' | 'world' | 'hintLevels'> & { version: string }

export type ChallengeAppProps = { challenge: ChallengeIslandData; autoFocus: boolean }

const loadApp = withQueryClient<ChallengeAppProps>(() => import('./challenge-app').then((m) => m.ChallengeApp))

export function Challenge({ data, goal, preview }: { data: ChallengeIslandData; goal: ReactNode; preview: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null)
  const [started, setStarted] = useState(false)
  const { App, state } = useGatedLoad(ref, GATES.near, loadApp, (el) => {
    // Focus on the Start button (a keyboard learner tabbed to it) moves to the prompt, not to the page's start.
    if (el.contains(document.activeElement)) setStarted(true)
  })

  return (
    <section aria-labelledby={`challenge-${data.id}`} className="not-prose my-8 rounded-lg border border-slate-300 p-3 sm:p-4 dark:border-slate-700">
      <h2 id={`challenge-${data.id}`} className="text-xl font-bold">
        Challenge: {data.title}
      </h2>
      <p className="mt-2">{goal}</p>
      <div ref={ref} data-island="challenge">
        {App !== null ? (
          <App challenge={data} autoFocus={started} />
        ) : (
          <>
            {preview}
            <div className="mt-3 flex flex-wrap items-center gap-3">
              <button
                type="button"
                onClick={() => setStarted(true)}
                disabled={state === 'failed'}
                className="rounded-md bg-sky-700 px-4 py-2 font-semibold text-white hover:bg-sky-800 disabled:opacity-60"
              >
                Start the terminal
              </button>
              <p role="status" className={state === 'failed' ? 'text-sm text-red-800 dark:text-red-300' : 'text-sm text-slate-600 dark:text-slate-400'}>
                {state === 'failed'
                  ? 'The simulator could not be loaded; the connection may have dropped. Reload the page to try again.'
                  : state === 'loading' || started
                    ? 'Loading the simulator…'
                    : ''}
              </p>
            </div>
          </>
        )}
      </div>
    </section>
  )
}
