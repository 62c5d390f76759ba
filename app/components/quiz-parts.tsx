import type { ReactNode } from 'react'
import type { WorldSummary } from '@/lib/quiz/public-view'
import { KeepCommand, KeepOptions } from './keep-options'

// Presentational pieces of the quiz island that render before any attempt: prompts with inline code, the predict
// question's world, scores. What shows only after a graded attempt is in quiz-results.tsx.
// No state and no hooks here; quiz.tsx owns both.

/** `back-ticks` in a prompt become <code>, the way the lessons write commands. */
export function InlineText({ text }: { text: string }): ReactNode {
  return text.split('`').map((part, i) =>
    i % 2 === 1 ? (
      <code key={i} className="rounded bg-slate-100 px-1 font-mono text-[0.9em] dark:bg-slate-800">
        <KeepCommand text={part} />
      </code>
    ) : (
      <KeepOptions key={i} text={part} />
    ),
  )
}

export function formatScore(score: number): string {
  return `${Math.round(score * 100)}%`
}

/** The predict question's world in words: who is on which LAN, what was run, and the probe. The server reduced the
 * world to this summary (toWorldSummary), so rendering it needs no validation here. */
export function ScenarioSummary({ world, probe }: { world: WorldSummary; probe: { from: string; run: string } }) {
  const { hosts, lans, steps } = world
  return (
    <div className="my-2 rounded bg-slate-50 p-3 text-sm dark:bg-slate-900">
      <p className="font-semibold">The world</p>
      <ul className="list-disc pl-5">
        {lans.map((l) => (
          <li key={l.name}>
            LAN <strong>{l.name}</strong> {l.subnet}
          </li>
        ))}
        {hosts.map((h, i) => (
          <li key={i}>
            <strong>{h.name}</strong> {h.docker ? '(runs Docker Engine)' : '(no Docker)'}
            {h.nics.map((n) => ` ${n.name} ${n.ip} on LAN ${n.lan}`).join(',')}
          </li>
        ))}
      </ul>
      {steps.length > 0 && (
        <>
          <p className="mt-2 font-semibold">Commands run, in order</p>
          <pre className="overflow-x-auto whitespace-pre-wrap font-mono">
            <KeepCommand text={steps.map((s) => `${s.on}$ ${s.run}`).join('\n')} />
          </pre>
        </>
      )}
      <p className="mt-2 font-semibold">The probe</p>
      <pre className="overflow-x-auto whitespace-pre-wrap font-mono">
        <KeepCommand text={`${probe.from}$ ${probe.run}`} />
      </pre>
    </div>
  )
}
