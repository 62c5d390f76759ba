'use client'
// The `<Challenge>` island: a tiny wrapper that loads the real challenge app (and with it the simulator) only when a
// page renders a challenge, so a lesson without one ships none of the simulator's code.
import dynamic from 'next/dynamic'
import type { Challenge as ChallengeData } from '@/lib/challenges/schema'

const ChallengeApp = dynamic(() => import('./challenge-app').then((m) => m.ChallengeApp), {
  ssr: false,
  loading: () => <p className="p-4 text-slate-600 dark:text-slate-400">Loading the simulator…</p>,
})

export function Challenge({ challenge }: { challenge: ChallengeData }) {
  return (
    <section aria-labelledby={`challenge-${challenge.id}`} className="not-prose my-8 rounded-lg border border-slate-300 p-3 sm:p-4 dark:border-slate-700">
      <h2 id={`challenge-${challenge.id}`} className="text-xl font-bold">
        Challenge: {challenge.title}
      </h2>
      <p className="mt-2">{challenge.goal}</p>
      <ChallengeApp challenge={challenge} />
    </section>
  )
}
