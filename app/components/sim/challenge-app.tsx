'use client'
// The challenge app behind the <Challenge> island: terminal, checks and hints, packet trace, topology and the
// reachability matrix, all driven by one in-browser simulator session started from the challenge's world.
import { useEffect, useMemo, useRef } from 'react'
import { startWorld } from '@/lib/challenges/replay'
import { savedSessionKey } from '@/lib/terminal/saved-session'
import type { ChallengeAppProps } from './challenge'
import { Checks } from './checks'
import { PacketTrace } from './packet-trace'
import { Reachability } from './reachability'
import { Terminal } from './terminal'
import { Topology } from './topology'
import { useSimSession } from './use-sim-session'

export function ChallengeApp({ challenge, autoFocus }: ChallengeAppProps) {
  const start = useMemo(() => startWorld(challenge), [challenge])
  // The terminal session survives a reload: kept per challenge and content version (lib/terminal/saved-session.ts).
  const sim = useSimSession(start, undefined, savedSessionKey('challenge', challenge.id, challenge.version))
  const at = sim.trace?.view.trace[sim.trace.step]?.at ?? null
  const ref = useRef<HTMLDivElement>(null)
  // The learner pressed "Start the terminal" while the code loaded: the prompt is where they will type.
  useEffect(() => {
    if (autoFocus) ref.current?.querySelector<HTMLInputElement>('input[type="text"], input:not([type])')?.focus()
  }, [autoFocus])
  return (
    <div ref={ref}>
      <Terminal log={sim.session.log} machines={sim.machines} machine={sim.machine} onMachine={sim.setMachine} onRun={sim.run} names={sim.names} addresses={sim.addresses} />
      <Checks
        challengeId={challenge.id}
        commands={sim.session.commands}
        hintLevels={challenge.hintLevels}
        onShowTrace={(c) => sim.setTrace({ view: { title: c.label, outcome: c.outcome, explanation: c.explanation, trace: c.trace, divergence: c.divergence }, step: Math.min(c.divergence?.index ?? 0, Math.max(0, c.trace.length - 1)) })}
      />
      <PacketTrace view={sim.trace?.view ?? null} step={sim.trace?.step ?? 0} onStep={(step) => sim.setTrace((t) => (t === null ? t : { ...t, step }))} context={challenge.title} checks />
      <Topology topology={sim.topology} at={at} context={challenge.title} />
      <Reachability world={sim.world} />
    </div>
  )
}
