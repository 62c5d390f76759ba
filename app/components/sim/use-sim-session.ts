'use client'
// The terminal session as React state: the chosen machine, the session value, and the trace being shown (a probe
// the learner ran, or a check the server graded). Every line runs synchronously on the in-browser simulator.
import { useCallback, useMemo, useRef, useState } from 'react'
import { namesIn } from '@/lib/challenges/completion'
import { currentWorld, newSession, runLine, type Session } from '@/lib/challenges/session'
import { describeWorld, type World } from '@/simulator'
import type { TraceView } from './packet-trace'

export function useSimSession(start: World, initial?: (s: Session, machine: string) => Session) {
  const topology0 = useMemo(() => describeWorld(start), [start])
  const machines = useMemo(() => [...topology0.hosts.map((h) => h.name), ...topology0.internet.map((i) => i.name)], [topology0])
  const [machine, setMachine] = useState(() => topology0.hosts.find((h) => h.docker)?.name ?? machines[0] ?? '')
  const [session, setSession] = useState(() => (initial ? initial(newSession(start), machine) : newSession(start)))
  const [trace, setTrace] = useState<{ view: TraceView; step: number } | null>(null)
  // The session as of the last line run, so a pasted block's lines, run one after another in the same event, each
  // see the world the previous one left (the `session` state only updates on the next render).
  const latest = useRef(session)

  const world = currentWorld(session)
  const topology = useMemo(() => describeWorld(world), [world])
  const names = useMemo(() => namesIn(world, machine), [world, machine])
  const addresses = useMemo(
    () => [...new Set(topology.hosts.flatMap((h) => [...h.nics.flatMap((n) => (n.ip ? [n.ip] : [])), ...h.containers.flatMap((c) => c.endpoints.map((e) => e.ip))]))],
    [topology],
  )

  // `on` runs the line on another machine (a pasted `host2$ …`) without changing the Host selection.
  const run = useCallback(
    (line: string, on?: string) => {
      const before = latest.current
      const next = runLine(before, on ?? machine, line)
      latest.current = next
      setSession(next)
      if (next.probe !== null && next.probe !== before.probe) {
        const r = next.probe.result
        setTrace({ view: { title: `${next.probe.from}$ ${next.probe.run}`, outcome: r.outcome, explanation: r.explanation, trace: r.trace }, step: 0 })
      }
    },
    [machine],
  )
  const reset = useCallback(() => {
    const fresh = newSession(start)
    latest.current = fresh
    setSession(fresh)
    setTrace(null)
  }, [start])

  return { session, world, topology, machines, machine, setMachine, names, addresses, run, reset, trace, setTrace }
}
