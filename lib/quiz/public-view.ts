import { z } from 'zod'
import { OUTCOMES, type Outcome, type Question, type Quiz } from './schema'

// What the browser may see before a graded attempt. Built field by field (never `{ ...question }` minus a few
// keys) so a field added to the schema later stays server-side until someone decides it is public.

export type PublicOption = { id: string; text: string }

/** A predict question's world, reduced to what the quiz describes in words: LANs, hosts and their NICs, commands. */
export type WorldSummary = {
  lans: { name: string; subnet: string }[]
  hosts: { name: string; docker: boolean; nics: { name: string; lan: string; ip: string }[] }[]
  steps: { on: string; run: string }[]
}
export type PublicQuestion =
  | { id: string; type: 'single'; prompt: string; points: number; options: PublicOption[] }
  | { id: string; type: 'multiple'; prompt: string; points: number; options: PublicOption[] }
  | {
      id: string
      type: 'predict'
      prompt: string
      points: number
      world: WorldSummary
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
        world: toWorldSummary(q.scenario),
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

// Only the parts worth describing in words; engines.server.test.ts checks the whole world with the simulator itself.
// Built here, on the server, so the island renders the summary without zod (issue 2's first-load budget).
const HostViewSchema = z.object({
  name: z.string(),
  docker: z.boolean().default(false),
  nics: z.array(z.object({ name: z.string(), lan: z.string(), ip: z.string() })).default([]),
})
const StepViewSchema = z.object({ on: z.string(), run: z.string() })
const LanViewSchema = z.object({ name: z.string(), subnet: z.string() })

function viewsOf<T>(items: unknown[], schema: z.ZodType<T>): T[] {
  return items.flatMap((item) => {
    const parsed = schema.safeParse(item)
    return parsed.success ? [parsed.data] : []
  })
}

export function toWorldSummary(scenario: { lans: unknown[]; hosts: unknown[]; steps: unknown[] }): WorldSummary {
  return {
    lans: viewsOf(scenario.lans, LanViewSchema),
    hosts: viewsOf(scenario.hosts, HostViewSchema),
    steps: viewsOf(scenario.steps, StepViewSchema),
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
