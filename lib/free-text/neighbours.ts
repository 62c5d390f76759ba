// A second reader for the answers the rubric leaves undecided. The rubric grades "partial" when it finds some of a
// question's points and no central wrong claim, and "incorrect" when it finds none of them and no wrong claim it names:
// an answer whose central claim is wrong in words no rubric lists, or a right one (or a vague one in the right
// direction) phrased in words it does not know, lands there too. Here such an answer is compared with the reviewed
// answers (content/review/calibration: answers by several authors, each labelled by a reviewer with a reason), and when
// the ones closest to it mostly carry one label, that label settles the grade (grade.ts), with the closest one's reason.
//
// Similarity: TF-IDF over word stems, pairs of neighbouring stems in a sentence, and four-letter pieces of words
// (so "maclan" and "mac adress" still meet "macvlan" and "address"), cosine-weighted, over the same question's
// reviewed answers. Measured on authors whose answers were left out of the memory (lib/free-text/calibration.test.ts
// grades every set that way), it settles more of the undecided answers right than the rubric alone did.
import { scanText } from './text'
import type { Verdict } from './grade'

export type ReviewedAnswer = Readonly<{
  question: string
  id: string
  answer: string
  label: Verdict
  /** the reviewer's reason for the label, shown to a learner whose answer it settles */
  why: string
  /** who wrote it: an answer is never compared with answers by its own author when the grader is measured */
  author: string
}>

export type Vote = Readonly<{
  verdict: Verdict
  /** the winning label's share of the similarity-weighted vote, 0–1 */
  share: number
  /** for each label in the vote, the closest reviewed answer carrying it */
  nearest: Readonly<Partial<Record<Verdict, Readonly<{ id: string; why: string; similarity: number }>>>>
  /** weight of each label in the vote */
  weights: Readonly<Record<Verdict, number>>
}>

const NEIGHBOURS = 5
const WORD_PIECE = 4
const WORD_PIECE_WEIGHT = 0.5
/** the share of the vote the leading label needs before it overrides the rubric's "partial" */
export const SETTLE_SHARE = 0.6

type Terms = ReadonlyMap<string, number>
type Entry = Readonly<{ reviewed: ReviewedAnswer; terms: Terms }>
type Memory = Readonly<{ entries: readonly Entry[]; idf: ReadonlyMap<string, number>; vectors: readonly Terms[] }>

/** The terms of an answer with their weights before IDF. */
export function answerTerms(text: string): Terms {
  const terms = new Map<string, number>()
  const { tokens } = scanText(text)
  tokens.forEach((t, i) => {
    terms.set(t.stem, 1)
    const next = tokens[i + 1]
    if (next !== undefined && next.sentence === t.sentence) terms.set(`${t.stem}_${next.stem}`, 1)
    const padded = ` ${t.word} `
    for (let at = 0; at + WORD_PIECE <= padded.length; at++) terms.set(`~${padded.slice(at, at + WORD_PIECE)}`, WORD_PIECE_WEIGHT)
  })
  return terms
}

function vectorOf(terms: Terms, idf: ReadonlyMap<string, number>): Terms {
  const vector = new Map<string, number>()
  let norm = 0
  for (const [term, weight] of terms) {
    const w = idf.get(term)
    if (w === undefined) continue
    vector.set(term, weight * w)
    norm += (weight * w) ** 2
  }
  const length = Math.sqrt(norm) || 1
  for (const [term, x] of vector) vector.set(term, x / length)
  return vector
}

function memoryOf(entries: readonly Entry[]): Memory {
  const df = new Map<string, number>()
  for (const { terms } of entries) for (const term of terms.keys()) df.set(term, (df.get(term) ?? 0) + 1)
  const idf = new Map([...df].map(([term, n]) => [term, Math.log((entries.length + 1) / (n + 1))]))
  return { entries, idf, vectors: entries.map((e) => vectorOf(e.terms, idf)) }
}

const LABEL_ORDER: readonly Verdict[] = ['correct', 'partial', 'incorrect']

/**
 * The reviewed answers of each question, indexed once. `vote(question, text, leaveOut)` leaves one author's answers
 * out of the memory (the calibration test grades each author's answers against everyone else's).
 */
export function neighbourIndex(reviewed: readonly ReviewedAnswer[]) {
  // Terms are computed per question on its first vote: a grade of one question reads only that question's answers.
  const byQuestion = new Map<string, ReviewedAnswer[]>()
  for (const r of reviewed) {
    const list = byQuestion.get(r.question) ?? []
    list.push(r)
    byQuestion.set(r.question, list)
  }
  const entries = new Map<string, readonly Entry[]>()
  const entriesOf = (question: string): readonly Entry[] => {
    let found = entries.get(question)
    if (found === undefined) {
      found = (byQuestion.get(question) ?? []).map((r) => ({ reviewed: r, terms: answerTerms(r.answer) }))
      entries.set(question, found)
    }
    return found
  }
  const memories = new Map<string, Memory>()
  const memory = (question: string, leaveOut: string | undefined): Memory => {
    const key = `${question}\u0000${leaveOut ?? ''}`
    let found = memories.get(key)
    if (found === undefined) {
      found = memoryOf(entriesOf(question).filter((e) => e.reviewed.author !== leaveOut))
      memories.set(key, found)
    }
    return found
  }
  return {
    /** Index a question's answers now rather than on its first vote. */
    warm(question: string): void {
      memory(question, undefined)
    },
    vote(question: string, text: string, leaveOut?: string): Vote | undefined {
      const { entries: known, idf, vectors } = memory(question, leaveOut)
      const v = vectorOf(answerTerms(text), idf)
      const ranked = vectors
        .map((u, i) => {
          let dot = 0
          for (const [term, x] of v) dot += x * (u.get(term) ?? 0)
          return { similarity: dot, entry: known[i] as Entry }
        })
        .sort((a, b) => b.similarity - a.similarity)
        .slice(0, NEIGHBOURS)
        .filter((n) => n.similarity > 0)
      if (ranked.length === 0) return undefined
      const weights: Record<Verdict, number> = { correct: 0, partial: 0, incorrect: 0 }
      for (const n of ranked) weights[n.entry.reviewed.label] += n.similarity
      const total = LABEL_ORDER.reduce((sum, l) => sum + weights[l], 0)
      const verdict = [...LABEL_ORDER].sort((a, b) => weights[b] - weights[a])[0] as Verdict
      const nearest: Partial<Record<Verdict, { id: string; why: string; similarity: number }>> = {}
      for (const { entry, similarity } of ranked) {
        nearest[entry.reviewed.label] ??= { id: entry.reviewed.id, why: entry.reviewed.why, similarity }
      }
      return { verdict, share: weights[verdict] / total, nearest, weights }
    },
  }
}
export type NeighbourIndex = ReturnType<typeof neighbourIndex>
