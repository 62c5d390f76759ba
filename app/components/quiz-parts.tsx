import type { ReactNode } from 'react'
import { z } from 'zod'
import type { PublicQuestion, QuestionResultView } from '@/lib/quiz'

// Presentational pieces of the quiz island: prompts with inline code, verdict text and per-question results.
// No state and no hooks here; quiz.tsx owns both.

/** `back-ticks` in a prompt become <code>, the way the lessons write commands. */
export function InlineText({ text }: { text: string }): ReactNode {
  return text.split('`').map((part, i) =>
    i % 2 === 1 ? (
      <code key={i} className="rounded bg-slate-100 px-1 font-mono text-[0.9em] dark:bg-slate-800">
        {part}
      </code>
    ) : (
      part
    ),
  )
}

// Rubric feedback names the lesson section to read again as a path; make it a link the learner can follow.
const SECTION_LINK = /(\/lessons\/[a-z0-9-]+#[a-z0-9-]+)/

export function FeedbackText({ text }: { text: string }): ReactNode {
  return text.split(SECTION_LINK).map((part, i) =>
    i % 2 === 1 ? (
      <a key={i} href={part} className="text-blue-800 underline dark:text-blue-300">
        {part}
      </a>
    ) : (
      <InlineText key={i} text={part} />
    ),
  )
}

const VERDICT_TEXT: Record<QuestionResultView['verdict'], string> = {
  correct: 'Correct',
  partial: 'Partly correct',
  incorrect: 'Incorrect',
  unanswered: 'Not answered',
}

// The verdict is spelled out and marked with a symbol; colour only repeats it.
const VERDICT_STYLE: Record<QuestionResultView['verdict'], string> = {
  correct: 'border-green-700 text-green-800 dark:text-green-300',
  partial: 'border-amber-700 text-amber-800 dark:text-amber-300',
  incorrect: 'border-red-700 text-red-800 dark:text-red-300',
  unanswered: 'border-slate-500 text-slate-700 dark:text-slate-300',
}
const VERDICT_MARK: Record<QuestionResultView['verdict'], string> = { correct: '✓', partial: '◐', incorrect: '✗', unanswered: '–' }

export function formatVerdict(v: QuestionResultView['verdict']): string {
  return VERDICT_TEXT[v]
}

export function formatScore(score: number): string {
  return `${Math.round(score * 100)}%`
}

export function QuestionResult({ question, result }: { question: PublicQuestion; result: QuestionResultView }) {
  return (
    <div className={`mt-3 rounded border-l-4 bg-slate-50 p-3 dark:bg-slate-900 ${VERDICT_STYLE[result.verdict]}`} data-testid={`result-${question.id}`}>
      <p className="font-semibold">
        <span aria-hidden="true">{VERDICT_MARK[result.verdict]} </span>
        {formatVerdict(result.verdict)}
        {result.verdict !== 'unanswered' && <span className="font-normal"> ({formatScore(result.score)})</span>}
      </p>
      {result.feedback.length > 0 && (
        <ul className="mt-1 list-disc pl-5 text-slate-800 dark:text-slate-200">
          {result.feedback.map((f, i) => (
            <li key={i}>
              <FeedbackText text={f} />
            </li>
          ))}
        </ul>
      )}
      {result.options && (
        <ul className="mt-2 space-y-1 text-slate-800 dark:text-slate-200">
          {result.options.map((o) => (
            <li key={o.id}>
              <span className="font-medium">
                {o.correct ? 'Right option' : 'Wrong option'}
                {o.picked ? ' (you picked it)' : ''}:
              </span>{' '}
              <InlineText text={o.text} /> — <InlineText text={o.explanation} />
            </li>
          ))}
        </ul>
      )}
      {result.predict && result.predict.trace.length > 0 && (
        <details className="mt-2">
          <summary className="cursor-pointer">The packet&apos;s path, hop by hop</summary>
          <ol className="mt-1 list-decimal pl-5 font-mono text-sm">
            {result.predict.trace.map((hop, i) => (
              <li key={i}>{formatHop(hop)}</li>
            ))}
          </ol>
        </details>
      )}
    </div>
  )
}

/** A trace hop from the simulator, as one line: "host-nic host1:eth0 — DNAT 10.77.0.10:8080 -> 172.17.0.2:80". */
function formatHop(hop: unknown): string {
  if (hop === null || typeof hop !== 'object') return String(hop)
  const h = hop as { stage?: unknown; at?: unknown; note?: unknown }
  return [h.stage, h.at].filter((x) => typeof x === 'string').join(' ') + (typeof h.note === 'string' && h.note ? ` — ${h.note}` : '')
}

type Scenario = { lans: unknown[]; hosts: unknown[]; steps: unknown[] }

// Only the parts worth describing in words; engines.server.test.ts checks the whole world with the simulator itself.
const HostViewSchema = z.object({
  name: z.string(),
  docker: z.boolean().optional(),
  nics: z.array(z.object({ name: z.string(), lan: z.string(), ip: z.string() })).default([]),
})
const StepViewSchema = z.object({ on: z.string(), run: z.string() })
const LanViewSchema = z.object({ name: z.string(), subnet: z.string() })

/** The predict question's world in words: who is on which LAN, what was run, and the probe. */
export function ScenarioSummary({ scenario, probe }: { scenario: Scenario; probe: { from: string; run: string } }) {
  const hosts = scenario.hosts.flatMap((h) => {
    const parsed = HostViewSchema.safeParse(h)
    return parsed.success ? [parsed.data] : []
  })
  const lans = scenario.lans.flatMap((l) => {
    const parsed = LanViewSchema.safeParse(l)
    return parsed.success ? [parsed.data] : []
  })
  const steps = scenario.steps.flatMap((s) => {
    const parsed = StepViewSchema.safeParse(s)
    return parsed.success ? [parsed.data] : []
  })
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
            {steps.map((s) => `${s.on}$ ${s.run}`).join('\n')}
          </pre>
        </>
      )}
      <p className="mt-2 font-semibold">The probe</p>
      <pre className="overflow-x-auto whitespace-pre-wrap font-mono">{`${probe.from}$ ${probe.run}`}</pre>
    </div>
  )
}
