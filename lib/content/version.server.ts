// The content version of a graded item: a short hash of what decides its grade, stored with every attempt
// (issue 12, "Versions"). Rewording a title, goal, prompt, hint or explanation keeps the version; changing a check,
// the start world, a constraint or a key changes it. Earlier attempts are kept as graded (never re-graded or
// dropped); /progress and the gradebook say when the counted attempt was graded on an earlier version.
import 'server-only'
import { createHash } from 'node:crypto'
import type { Challenge } from '../challenges/schema'
import { canonicalJson } from '../progress/record.server'
import type { Quiz } from '../quiz/schema'

function hashOf(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex').slice(0, 16)
}

// Content is loaded once per process, so each item object is hashed once, not on every attempt.
const versions = new WeakMap<object, string>()
function cached(item: object, compute: () => string): string {
  let version = versions.get(item)
  if (version === undefined) versions.set(item, (version = compute()))
  return version
}

export function challengeVersion(challenge: Challenge): string {
  return cached(challenge, () => challengeVersionOf(challenge))
}

export function quizVersion(quiz: Quiz): string {
  return cached(quiz, () => quizVersionOf(quiz))
}

function challengeVersionOf(challenge: Challenge): string {
  return hashOf({ world: challenge.world, checks: challenge.checks.map(({ label: _label, ...check }) => check), constraints: challenge.constraints.map(({ message: _message, ...c }) => c) })
}

function quizVersionOf(quiz: Quiz): string {
  return hashOf(
    quiz.questions.map((q) => {
      switch (q.type) {
        case 'single':
        case 'multiple':
          return { id: q.id, type: q.type, points: q.points, options: q.options.map((o) => ({ id: o.id, correct: o.correct })) }
        case 'predict':
          return { id: q.id, type: q.type, points: q.points, scenario: q.scenario, probe: q.probe, answerers: q.answerers.map(({ label: _label, ...a }) => a) }
        case 'text':
          return { id: q.id, type: q.type, points: q.points, rubricId: q.rubricId }
      }
    }),
  )
}
