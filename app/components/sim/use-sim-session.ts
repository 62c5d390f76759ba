'use client'
// The terminal session as React state: the chosen machine, the session value, and the trace being shown (a probe
// the learner ran, or a check the server graded). Every line runs synchronously on the in-browser simulator.
//
// With `saveKey`, every line run and the Host selection are kept in localStorage under that key and replayed when the
// island loads again (lib/terminal/saved-session.ts), so a reload or a lost tab keeps the learner's work.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { namesIn } from '@/lib/terminal/completion'
import { parseSavedSession, toSavedText } from '@/lib/terminal/saved-session'
import type { Command } from '@/lib/challenges/schema'
import { currentWorld, newSession, runLine, type Session } from '@/lib/terminal/session'
import { describeWorld, type World } from '@/simulator'
import type { TraceView } from './packet-trace'

function readSaved(key: string | undefined) {
  if (key === undefined) return null
  try {
    return parseSavedSession(window.localStorage.getItem(key))
  } catch {
    return null // storage disabled (private mode, a blocked site): the session simply is not kept
  }
}

function writeSaved(key: string, lines: readonly Command[], machine: string) {
  try {
    window.localStorage.setItem(key, toSavedText(lines, machine))
  } catch {
    // Full or disabled storage: the terminal keeps working, only the copy across reloads is lost.
  }
}

export function useSimSession(start: World, initial?: (s: Session, machine: string) => Session, saveKey?: string) {
  const topology0 = useMemo(() => describeWorld(start), [start])
  const machines = useMemo(() => [...topology0.hosts.map((h) => h.name), ...topology0.internet.map((i) => i.name)], [topology0])
  // Read once, when the island mounts (it renders in the browser only).
  const [saved] = useState(() => readSaved(saveKey))
  const lines = useRef<Command[]>(saved?.lines ?? [])
  const [machine, setMachine] = useState(() =>
    saved !== null && machines.includes(saved.machine) ? saved.machine : (topology0.hosts.find((h) => h.docker)?.name ?? machines[0] ?? ''),
  )
  const [session, setSession] = useState(() => {
    const first = initial ? initial(newSession(start), machine) : newSession(start)
    return saved === null ? first : saved.lines.reduce((s, l) => runLine(s, l.on, l.run), first)
  })
  useEffect(() => {
    if (saveKey !== undefined) writeSaved(saveKey, lines.current, machine)
  }, [saveKey, machine, session])
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
      if (line.trim() !== '' && line.trim().length <= 1000) lines.current = [...lines.current, { on: on ?? machine, run: line.trim() }]
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
    lines.current = []
    latest.current = fresh
    setSession(fresh)
    setTrace(null)
  }, [start])

  return { session, world, topology, machines, machine, setMachine, names, addresses, run, reset, trace, setTrace }
}
