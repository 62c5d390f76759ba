'use client'
// The `<Challenge>` island: a tiny wrapper that loads the real challenge app (and with it the simulator) only when a
// page renders a challenge, so a lesson without one ships none of the simulator's code.
//
// deferred() (React.lazy) rather than next/dynamic: next/dynamic's loader (preload bookkeeping, CSR bail-out) adds
// ~3 kB gzipped to every lesson's first load (issue 2's 150 kB budget), and a client-only island needs none of it.
// The app renders only after hydration, as `ssr: false` did: the server and the first client render both show the
// loading line.
import { useIsClient } from '../use-is-client'
import { deferred, withQueryClient } from '../deferred'
import type { PublicChallenge } from '@/lib/challenges/schema'

const loading = <p className="p-4 text-slate-600 dark:text-slate-400">Loading the simulator…</p>

const ChallengeApp = deferred(
  withQueryClient(() => import('./challenge-app').then((m) => m.ChallengeApp)),
  {
    loading,
    failure: (
      <p role="alert" className="p-4 text-red-800 dark:text-red-300">
        The simulator could not be loaded; the connection may have dropped. Reload the page to try again.
      </p>
    ),
  },
)

export function Challenge({ challenge }: { challenge: PublicChallenge }) {
  const isClient = useIsClient()
  return (
    <section aria-labelledby={`challenge-${challenge.id}`} className="not-prose my-8 rounded-lg border border-slate-300 p-3 sm:p-4 dark:border-slate-700">
      <h2 id={`challenge-${challenge.id}`} className="text-xl font-bold">
        Challenge: {challenge.title}
      </h2>
      <p className="mt-2">{challenge.goal}</p>
      {isClient ? <ChallengeApp challenge={challenge} /> : loading}
    </section>
  )
}
