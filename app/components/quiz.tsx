'use client'

import { useMutation, useQueryClient } from '@tanstack/react-query'
import { lazy, Suspense, useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { quizAttemptMutationOptions } from '@/lib/queries'
// Deep imports, not the '@/lib/quiz' index: the index re-exports zod schemas, which must stay out of first load.
import type { PublicQuestion, PublicQuiz } from '@/lib/quiz/public-view'
import type { AttemptResponse, QuestionResultView } from '@/lib/quiz/response-schema'
import { InlineText, ScenarioSummary, formatScore } from './quiz-parts'
import { useIsClient } from './use-is-client'

// The quiz island. It receives the public view only (no keys); a submit sends the answers to the server, which
// grades them and records the attempt, and the explanations come back in that response.
//
// The inputs are uncontrolled and the answers are read from the form when it is submitted: the server renders the
// quiz into the page and its code arrives after hydration (deferred-islands.tsx), so a learner may tick answers
// before React owns the form, and what the form shows is exactly what gets sent. The submit button stays disabled
// until then, so an early click cannot submit the form natively and reload the page.

// The per-question results render only after a graded attempt, so their code is fetched when an attempt is sent (in
// parallel with the request) instead of with the page; the same goes for the zod schema the attempt is parsed with
// (lib/queries.ts loads it).
const loadResults = () => import('./quiz-results')
const QuestionResult = lazy(() => loadResults().then((m) => ({ default: m.QuestionResult })))

/** The form field names of a question's inputs; `uid` keeps two quizzes on one page apart. */
const fieldName = (uid: string, questionId: string, part?: 'outcome' | 'answerer') =>
  part ? `${uid}-${questionId}-${part}` : `${uid}-${questionId}`

/** Only questions the learner touched are sent; the rest come back as "Not answered". */
function toAnswers(quiz: PublicQuiz, uid: string, form: FormData): Record<string, unknown> {
  const text = (name: string) => {
    const v = form.get(name)
    return typeof v === 'string' ? v : ''
  }
  const out: Record<string, unknown> = {}
  for (const q of quiz.questions) {
    const name = fieldName(uid, q.id)
    if (q.type === 'single' && text(name)) out[q.id] = { optionId: text(name) }
    if (q.type === 'multiple' && form.getAll(name).length) out[q.id] = { optionIds: form.getAll(name).map(String) }
    if (q.type === 'text' && text(name).trim()) out[q.id] = { text: text(name) }
    if (q.type === 'predict') {
      const outcome = text(fieldName(uid, q.id, 'outcome'))
      const answererId = outcome === 'delivered' ? text(fieldName(uid, q.id, 'answerer')) : ''
      if (outcome) out[q.id] = answererId ? { outcome, answererId } : { outcome }
    }
  }
  return out
}

/** Predict questions whose outcome is "delivered": their "who answers?" part is open. */
function deliveredIn(quiz: PublicQuiz, uid: string, form: HTMLFormElement): Set<string> {
  const data = new FormData(form)
  return new Set(quiz.questions.filter((q) => q.type === 'predict' && data.get(fieldName(uid, q.id, 'outcome')) === 'delivered').map((q) => q.id))
}

function summary(r: AttemptResponse): string {
  const counts = { correct: 0, partial: 0, incorrect: 0, unanswered: 0 }
  for (const q of r.questions) counts[q.verdict] += 1
  const parts = [`${counts.correct} correct`, `${counts.partial} partly correct`, `${counts.incorrect} incorrect`]
  if (counts.unanswered) parts.push(`${counts.unanswered} not answered`)
  const best = r.bestScore === null ? '' : ` ${r.policy.counts === 'last' ? 'Your last attempt counts' : 'Your best attempt so far'}: ${formatScore(r.bestScore)}.`
  const penalty = r.score < r.rawScore ? ` (${formatScore(r.rawScore)} before the penalty for attempt ${r.attempt.number})` : ''
  const left = r.policy.remaining === null ? '' : ` Attempt ${r.attempt.number} of ${r.policy.max ?? ''}; ${r.policy.remaining} left.`
  const after = typeof r.policy.revealKeyAfter === 'number' ? `, or from attempt ${r.policy.revealKeyAfter}` : ''
  const key = r.keyRevealed ? '' : ` The right answers are shown once you pass${after}.`
  return `Score ${formatScore(r.score)}${penalty}: ${parts.join(', ')}.${best}${left}${key}`
}

export function Quiz({ quiz }: { quiz: PublicQuiz }) {
  const uid = useId()
  const formRef = useRef<HTMLFormElement>(null)
  const hydrated = useIsClient()
  const [delivered, setDelivered] = useState<ReadonlySet<string>>(new Set())
  const client = useQueryClient()
  // A dropped connection is tried once more; a 400 is not, and its message is shown as the server wrote it.
  const mutation = useMutation(quizAttemptMutationOptions(client, quiz.id))
  const [emptyWarning, setEmptyWarning] = useState(false)

  // Answers ticked before hydration are already in the form; open the matching "who answers?" parts.
  const syncDelivered = () => {
    if (formRef.current) setDelivered(deliveredIn(quiz, uid, formRef.current))
  }
  useEffect(syncDelivered, [quiz, uid])

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault()
    const answers = toAnswers(quiz, uid, new FormData(e.currentTarget))
    setEmptyWarning(Object.keys(answers).length === 0)
    if (Object.keys(answers).length > 0) {
      void loadResults()
      mutation.mutate(answers)
    }
  }
  const results = mutation.data ? new Map(mutation.data.questions.map((r) => [r.questionId, r])) : undefined

  return (
    <section aria-labelledby={`quiz-${quiz.id}`} className="my-8 rounded-lg border border-slate-300 p-4 dark:border-slate-700">
      <h2 id={`quiz-${quiz.id}`} className="text-xl font-bold">
        {quiz.title}
      </h2>
      {quiz.intro && <p className="mt-1">{quiz.intro}</p>}
      <form ref={formRef} onSubmit={onSubmit} onChange={syncDelivered} className="mt-4 space-y-6" noValidate>
        {quiz.questions.map((q, i) => (
          <div key={q.id} id={q.id}>
            <QuestionInput index={i} question={q} uid={uid} delivered={delivered.has(q.id)} />
            <GradedResult question={q} results={results} />
          </div>
        ))}
        <button
          type="submit"
          disabled={!hydrated || mutation.isPending}
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

function QuestionInput({ index, question: q, uid, delivered }: { index: number; question: PublicQuestion; uid: string; delivered: boolean }) {
  const name = fieldName(uid, q.id)
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
              <input type="radio" name={name} value={o.id} />
              <span>
                <InlineText text={o.text} />
              </span>
            </label>
          ))}
        </fieldset>
      )
    case 'multiple':
      return (
        <fieldset>
          {legend}
          {q.options.map((o) => (
            <label key={o.id} className="mt-1 flex gap-2">
              <input type="checkbox" name={name} value={o.id} />
              <span>
                <InlineText text={o.text} />
              </span>
            </label>
          ))}
        </fieldset>
      )
    case 'predict':
      return (
        <fieldset>
          {legend}
          <ScenarioSummary world={q.world} probe={q.probe} />
          <fieldset className="mt-2">
            <legend>What does the client see?</legend>
            {q.outcomes.map((o) => (
              <label key={o} className="mr-4 inline-flex gap-2">
                <input type="radio" name={fieldName(uid, q.id, 'outcome')} value={o} />
                {o}
              </label>
            ))}
          </fieldset>
          <fieldset className="mt-2" disabled={!delivered}>
            <legend>Who answers? {delivered ? '' : '(only when delivered)'}</legend>
            {q.answerers.map((a) => (
              <label key={a.id} className="mt-1 flex gap-2">
                <input type="radio" name={fieldName(uid, q.id, 'answerer')} value={a.id} />
                <span>
                  <InlineText text={a.label} />
                </span>
              </label>
            ))}
          </fieldset>
        </fieldset>
      )
    case 'text':
      return (
        <fieldset>
          {legend}
          <label htmlFor={name} className="mt-2 block text-sm">
            {`Your answer to question ${index + 1}`}
          </label>
          <textarea
            id={name}
            name={name}
            rows={5}
            maxLength={q.maxLength}
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

