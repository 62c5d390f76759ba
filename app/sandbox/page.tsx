import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { ChallengeEmbed } from '@/app/components/sim/challenge-embed'
import { Sandbox } from '@/app/components/sim/sandbox'
import { loadChallenge } from '@/lib/challenges/load.server'

export const metadata: Metadata = {
  title: 'Sandbox',
  description: 'A free Docker networking world in your browser: run commands, trace packets, share the result.',
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)

// /sandbox: a free world from a preset (?preset=…&cmds=… reopens a shared one); /sandbox?challenge=<id> shows one
// challenge on its own page.
export default async function SandboxPage({ searchParams }: Props) {
  const params = await searchParams
  const challengeId = one(params.challenge)
  const challenge = challengeId === undefined ? null : loadChallenge(challengeId)
  if (challengeId !== undefined && challenge === null) notFound()
  return (
    <main id="main" className="mx-auto max-w-6xl px-3 py-6 sm:px-4">
      <h1 className="text-3xl font-bold tracking-tight">{challenge ? 'Challenge' : 'Sandbox'}</h1>
      {challenge ? (
        <ChallengeEmbed id={challenge.id} />
      ) : (
        <>
          <p className="mt-2 text-slate-700 dark:text-slate-300">A free world: pick a preset, type Docker commands, probe from any machine, and follow the packet.</p>
          <div className="mt-4">
            <Sandbox preset={one(params.preset)} cmds={one(params.cmds)} />
          </div>
        </>
      )}
    </main>
  )
}
