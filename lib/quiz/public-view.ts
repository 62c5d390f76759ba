import { OUTCOMES, type Outcome, type Question, type Quiz } from './schema'

// What the browser may see before a graded attempt. Built field by field (never `{ ...question }` minus a few
// keys) so a field added to the schema later stays server-side until someone decides it is public.

export type PublicOption = { id: string; text: string }
export type PublicQuestion =
  | { id: string; type: 'single'; prompt: string; points: number; options: PublicOption[] }
  | { id: string; type: 'multiple'; prompt: string; points: number; options: PublicOption[] }
  | {
      id: string
      type: 'predict'
      prompt: string
      points: number
      scenario: { lans: unknown[]; hosts: unknown[]; steps: unknown[] }
      probe: { from: string; run: string }
      outcomes: readonly Outcome[]
      answerers: { id: string; label: string }[]
    }
  | { id: string; type: 'text'; prompt: string; points: number; maxLength: number }

export type PublicQuiz = { id: string; title: string; intro?: string; questions: PublicQuestion[] }

function toPublicQuestion(q: Question): PublicQuestion {
  const base = { id: q.id, prompt: q.prompt, points: q.points }
  switch (q.type) {
    case 'single':
    case 'multiple':
      return { ...base, type: q.type, options: q.options.map((o) => ({ id: o.id, text: o.text })) }
    case 'predict':
      // The world and the probe are the question itself; the key is computed by the simulator on the server.
      // Answerers are shown by label only: their host/container/port is what the simulator result is matched against.
      return {
        ...base,
        type: 'predict',
        scenario: q.scenario,
        probe: q.probe,
        outcomes: OUTCOMES,
        answerers: q.answerers.map((a) => ({ id: a.id, label: a.label })),
      }
    case 'text':
      return { ...base, type: 'text', maxLength: q.maxLength }
    default: {
      const never: never = q
      throw new Error(`unexpected question: ${JSON.stringify(never)}`)
    }
  }
}

export function toPublicQuiz(quiz: Quiz): PublicQuiz {
  return {
    id: quiz.id,
    title: quiz.title,
    ...(quiz.intro === undefined ? {} : { intro: quiz.intro }),
    questions: quiz.questions.map(toPublicQuestion),
  }
}

/** Field names that carry a key; a public view must contain none of them at any depth. */
export const KEY_FIELDS = ['correct', 'explanation', 'rubricId', 'rubric', 'key', 'answer'] as const

export function findKeyFields(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => findKeyFields(v, `${path}[${i}]`))
  if (value === null || typeof value !== 'object') return []
  return Object.entries(value).flatMap(([k, v]) => {
    const here = path ? `${path}.${k}` : k
    return [...((KEY_FIELDS as readonly string[]).includes(k) ? [here] : []), ...findKeyFields(v, here)]
  })
}
