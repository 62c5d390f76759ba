'use client'

import { QueryClient, QueryClientContext, useMutation } from '@tanstack/react-query'
import { lazy, Suspense, useContext, useId, useState, type FormEvent } from 'react'
import { progressKey } from '@/lib/queries'
// Deep imports, not the '@/lib/quiz' index: the index re-exports zod schemas, which must stay out of first load.
import type { PublicQuestion, PublicQuiz } from '@/lib/quiz/public-view'
import { postQuizAttempt, type AttemptResponse, type QuestionResultView } from '@/lib/quiz/response'
import { InlineText, ScenarioSummary, formatScore } from './quiz-parts'

// The quiz island. It receives the public view only (no keys); a submit sends the answers to the server, which
// grades them and records the attempt, and the explanations come back in that response.

// The per-question results render only after a graded attempt, so their code is fetched with the attempt (in
// parallel with the request) instead of with the page; the same goes for the zod schema postQuizAttempt parses with.
const loadResults = () => import('./quiz-results')
const QuestionResult = lazy(() => loadResults().then((m) => ({ default: m.QuestionResult })))

async function sendAttempt(quizId: string, answers: Record<string, unknown>): Promise<AttemptResponse> {
  const [grade] = await Promise.all([postQuizAttempt(quizId, answers), loadResults()])
  return grade
}

type Draft = {
  single: Record<string, string>
  multiple: Record<string, string[]>
  outcome: Record<string, string>
  answerer: Record<string, string>
  text: Record<string, string>
}
const EMPTY: Draft = { single: {}, multiple: {}, outcome: {}, answerer: {}, text: {} }

/** Only questions the learner touched are sent; the rest come back as "Not answered". */
function toAnswers(quiz: PublicQuiz, d: Draft): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const q of quiz.questions) {
    if (q.type === 'single' && d.single[q.id]) out[q.id] = { optionId: d.single[q.id] }
    if (q.type === 'multiple' && d.multiple[q.id]?.length) out[q.id] = { optionIds: d.multiple[q.id] }
    if (q.type === 'text' && d.text[q.id]?.trim()) out[q.id] = { text: d.text[q.id] }
    if (q.type === 'predict' && d.outcome[q.id]) {
      const answererId = d.outcome[q.id] === 'delivered' ? d.answerer[q.id] : undefined
      out[q.id] = answererId ? { outcome: d.outcome[q.id], answererId } : { outcome: d.outcome[q.id] }
    }
  }
  return out
}

function summary(r: AttemptResponse): string {
  const counts = { correct: 0, partial: 0, incorrect: 0, unanswered: 0 }
  for (const q of r.questions) counts[q.verdict] += 1
  const parts = [`${counts.correct} correct`, `${counts.partial} partly correct`, `${counts.incorrect} incorrect`]
  if (counts.unanswered) parts.push(`${counts.unanswered} not answered`)
  const best = r.bestScore === null ? '' : ` Your best attempt so far: ${formatScore(r.bestScore)}.`
  return `Score ${formatScore(r.score)}: ${parts.join(', ')}.${best}`
}

export function Quiz({ quiz }: { quiz: PublicQuiz }) {
  const [draft, setDraft] = useState<Draft>(EMPTY)
  // Inside the app's <Providers> the island shares its QueryClient; on a page rendered without one (a
  // standalone page, a test) it keeps its own instead of failing to render.
  const appClient = useContext(QueryClientContext)
  const [ownClient] = useState(() => appClient ?? new QueryClient())
  const client = appClient ?? ownClient
  const mutation = useMutation(
    {
      mutationFn: (answers: Record<string, unknown>) => sendAttempt(quiz.id, answers),
      // A dropped connection is worth one more try; a 400 is not, and postQuizAttempt reports it as is.
      retry: (count, error) => count < 1 && error instanceof TypeError,
      // The attempt changed the learner's record: the sidebar badge and /progress read it again.
      onSuccess: () => client.invalidateQueries({ queryKey: progressKey }),
    },
    client,
  )
  const [emptyWarning, setEmptyWarning] = useState(false)

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault()
    const answers = toAnswers(quiz, draft)
    setEmptyWarning(Object.keys(answers).length === 0)
    if (Object.keys(answers).length > 0) mutation.mutate(answers)
  }
  const update = <K extends keyof Draft>(key: K, id: string, value: Draft[K][string]) =>
    setDraft((d) => ({ ...d, [key]: { ...d[key], [id]: value } }))
  const results = mutation.data ? new Map(mutation.data.questions.map((r) => [r.questionId, r])) : undefined

  return (
    <section aria-labelledby={`quiz-${quiz.id}`} className="my-8 rounded-lg border border-slate-300 p-4 dark:border-slate-700">
      <h2 id={`quiz-${quiz.id}`} className="text-xl font-bold">
        {quiz.title}
      </h2>
      {quiz.intro && <p className="mt-1">{quiz.intro}</p>}
      <form onSubmit={onSubmit} className="mt-4 space-y-6" noValidate>
        {quiz.questions.map((q, i) => (
          <div key={q.id} id={q.id}>
            <QuestionInput index={i} question={q} draft={draft} update={update} />
            <GradedResult question={q} results={results} />
          </div>
        ))}
        <button
          type="submit"
          disabled={mutation.isPending}
          className="rounded bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 disabled:opacity-60"
        >
          {mutation.isPending ? 'Checking…' : mutation.data ? 'Check again' : 'Check answers'}
        </button>
      </form>
      <div aria-live="polite" role="status" className="mt-3 font-semibold">
        {mutation.isPending && 'Grading your answers…'}
        {mutation.data && summary(mutation.data)}
        {emptyWarning && 'Answer at least one question before checking.'}
      </div>
      {mutation.error && (
        <p role="alert" className="mt-2 text-red-800 dark:text-red-300">
          Your answers were not graded: {mutation.error.message}
        </p>
      )}
    </section>
  )
}

function GradedResult({ question, results }: { question: PublicQuestion; results?: Map<string, QuestionResultView> }) {
  const result = results?.get(question.id)
  return result ? (
    <Suspense fallback={null}>
      <QuestionResult question={question} result={result} />
    </Suspense>
  ) : null
}

type UpdateFn = <K extends keyof Draft>(key: K, id: string, value: Draft[K][string]) => void

function QuestionInput({ index, question: q, draft, update }: { index: number; question: PublicQuestion; draft: Draft; update: UpdateFn }) {
  const uid = useId()
  const legend = (
    <legend className="font-semibold">
      {index + 1}. <InlineText text={q.prompt} />
    </legend>
  )
  switch (q.type) {
    case 'single':
      return (
        <fieldset>
          {legend}
          {q.options.map((o) => (
            <label key={o.id} className="mt-1 flex gap-2">
              <input type="radio" name={`${uid}-${q.id}`} value={o.id} checked={draft.single[q.id] === o.id} onChange={() => update('single', q.id, o.id)} />
              <span>
                <InlineText text={o.text} />
              </span>
            </label>
          ))}
        </fieldset>
      )
    case 'multiple': {
      const picked = draft.multiple[q.id] ?? []
      return (
        <fieldset>
          {legend}
          {q.options.map((o) => (
            <label key={o.id} className="mt-1 flex gap-2">
              <input
                type="checkbox"
                value={o.id}
                checked={picked.includes(o.id)}
                onChange={(e) => update('multiple', q.id, e.target.checked ? [...picked, o.id] : picked.filter((p) => p !== o.id))}
              />
              <span>
                <InlineText text={o.text} />
              </span>
            </label>
          ))}
        </fieldset>
      )
    }
    case 'predict': {
      const delivered = draft.outcome[q.id] === 'delivered'
      return (
        <fieldset>
          {legend}
          <ScenarioSummary world={q.world} probe={q.probe} />
          <fieldset className="mt-2">
            <legend>What does the client see?</legend>
            {q.outcomes.map((o) => (
              <label key={o} className="mr-4 inline-flex gap-2">
                <input type="radio" name={`${uid}-${q.id}-outcome`} value={o} checked={draft.outcome[q.id] === o} onChange={() => update('outcome', q.id, o)} />
                {o}
              </label>
            ))}
          </fieldset>
          <fieldset className="mt-2" disabled={!delivered}>
            <legend>Who answers? {delivered ? '' : '(only when delivered)'}</legend>
            {q.answerers.map((a) => (
              <label key={a.id} className="mt-1 flex gap-2">
                <input type="radio" name={`${uid}-${q.id}-answerer`} value={a.id} checked={draft.answerer[q.id] === a.id} onChange={() => update('answerer', q.id, a.id)} />
                <span>
                  <InlineText text={a.label} />
                </span>
              </label>
            ))}
          </fieldset>
        </fieldset>
      )
    }
    case 'text':
      return (
        <fieldset>
          {legend}
          <label htmlFor={`${uid}-${q.id}`} className="mt-2 block text-sm">
            {`Your answer to question ${index + 1}`}
          </label>
          <textarea
            id={`${uid}-${q.id}`}
            rows={5}
            maxLength={q.maxLength}
            value={draft.text[q.id] ?? ''}
            onChange={(e) => update('text', q.id, e.target.value)}
            className="mt-2 w-full rounded border border-slate-400 bg-white p-2 dark:border-slate-600 dark:bg-slate-950"
          />
        </fieldset>
      )
    default: {
      const never: never = q
      return never
    }
  }
}

