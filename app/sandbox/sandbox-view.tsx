import { notFound } from 'next/navigation'
import { ChallengeEmbed } from '@/app/components/sim/challenge-embed'
import { Sandbox } from '@/app/components/sim/sandbox'
import { WorldPreview } from '@/app/components/sim/world-preview'
import { loadChallenge } from '@/lib/challenges/load.server'
import { findPreset, PRESETS } from '@/lib/challenges/presets'
import { startWorld } from '@/lib/challenges/replay'
import { describeWorld } from '@/simulator'

export type SandboxParams = Record<string, string | string[] | undefined>

export const SANDBOX_METADATA = {
  title: 'Sandbox',
  description: 'A free Docker networking world in your browser: run commands, trace packets, share the result.',
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)

// /sandbox: a free world from a preset (?preset=…&cmds=… reopens a shared one); /sandbox?challenge=<id> shows one
// challenge on its own page. Bare /sandbox is prerendered (./page.tsx); with a query, proxy.ts rewrites it to
// ./open/page.tsx, rendered on request. Both render this.
export function SandboxView({ params }: { params: SandboxParams }) {
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
            <FreeSandbox preset={one(params.preset)} cmds={one(params.cmds)} />
          </div>
        </>
      )}
    </main>
  )
}

/** The sandbox island with its preset's machines rendered here, so the page reads before the simulator loads. */
function FreeSandbox({ preset, cmds }: { preset: string | undefined; cmds: string | undefined }) {
  const shown = findPreset(preset)
  const world = startWorld(shown)
  const topology = describeWorld(world)
  const machine = topology.hosts.find((h) => h.docker)?.name ?? topology.hosts[0]?.name ?? ''
  return (
    <Sandbox
      preset={preset}
      cmds={cmds}
      shown={shown.id}
      presets={PRESETS.map((p) => ({ id: p.id, title: p.title }))}
      machine={machine}
      preview={<WorldPreview world={world} label={`Machines in “${shown.title}”`} />}
    />
  )
}
