import type { ReactNode } from 'react'
import type { PublicQuestion } from '@/lib/quiz/public-view'
import type { QuestionResultView } from '@/lib/quiz/response-schema'
import { InlineText, formatScore } from './quiz-parts'

// Per-question results, shown only after a graded attempt: verdicts, rubric feedback, every option's explanation,
// the packet's path. quiz.tsx loads this file with the attempt rather than with the page, so a lesson's first-load
// JavaScript carries only what renders the questions (issue 2's budget). No state and no hooks here.

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

