import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { listQuizIds, loadAllQuizzes, loadQuiz, parseQuizJson } from './load.server'

const CONTENT = path.join(process.cwd(), 'content', 'quizzes')

function quizWith(questions: unknown[]): string {
  return JSON.stringify({ id: 'broken', title: 'Broken', questions })
}
const opt = (id: string, correct: boolean) => ({ id, text: id, correct, explanation: `why ${id}` })

describe('quiz files', () => {
  it('every quiz in content/quizzes parses', () => {
    const quizzes = loadAllQuizzes(CONTENT)
    expect(quizzes.map((q) => q.id)).toEqual(listQuizIds(CONTENT))
    expect(quizzes.length).toBeGreaterThanOrEqual(2)
  })

  it('the lesson quiz has one question of each type, with stable ids', () => {
    const quiz = loadQuiz('container-networking-intro', CONTENT)
    expect(quiz?.questions.map((q) => [q.id, q.type])).toEqual([
      ['where-dnat-happens', 'single'],
      ['host-driver-facts', 'multiple'],
      ['predict-published-port', 'predict'],
      ['host-vs-bridge', 'text'],
    ])
  })

  it('the review quiz holds review-q1..4 as text questions graded by the rubric of the same id', () => {
    const quiz = loadQuiz('review', CONTENT)
    expect(quiz?.questions.map((q) => (q.type === 'text' ? [q.id, q.rubricId] : [q.id, q.type]))).toEqual([
      ['review-q1', 'review-q1'],
      ['review-q2', 'review-q2'],
      ['review-q3', 'review-q3'],
      ['review-q4', 'review-q4'],
    ])
  })

  it('returns null for unknown or unsafe ids instead of touching other files', () => {
    expect(loadQuiz('no-such-quiz', CONTENT)).toBeNull()
    expect(loadQuiz('../package', CONTENT)).toBeNull()
    expect(loadQuiz('Review', CONTENT)).toBeNull()
  })
})

describe('bad quiz files name the file and the field', () => {
  it.each([
    ['not JSON', '{ "id": ', /broken\.json: not valid JSON/],
    ['two correct options in a single question', quizWith([{ id: 'q1', type: 'single', prompt: 'p', options: [opt('a', true), opt('b', true)] }]), /questions\[0\]\.options: a single-choice question needs exactly one option/],
    ['no correct option in a multiple question', quizWith([{ id: 'q1', type: 'multiple', prompt: 'p', options: [opt('a', false), opt('b', false)] }]), /questions\[0\]\.options: a multiple-choice question needs at least one/],
    ['an option without an explanation', quizWith([{ id: 'q1', type: 'single', prompt: 'p', options: [opt('a', true), { id: 'b', text: 'b', correct: false }] }]), /questions\[0\]\.options\[1\]\.explanation/],
    ['an unknown field', quizWith([{ id: 'q1', type: 'text', prompt: 'p', rubricId: 'review-q1', answer: 'x' }]), /questions\[0\]: Unrecognized key: "answer"/],
    ['an unknown question type', quizWith([{ id: 'q1', type: 'essay', prompt: 'p' }]), /questions\[0\]\.type/],
    ['duplicate question ids', quizWith([{ id: 'q1', type: 'text', prompt: 'p', rubricId: 'r' }, { id: 'q1', type: 'text', prompt: 'p', rubricId: 'r' }]), /questions: question ids must be unique/],
    ['an id that is not kebab-case', quizWith([{ id: 'Q 1', type: 'text', prompt: 'p', rubricId: 'r' }]), /questions\[0\]\.id: must be kebab-case/],
  ])('%s', (_name, text, message) => {
    expect(() => parseQuizJson('/x/broken.json', text)).toThrow(message)
  })

  it('an id that differs from the file name', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'quiz-'))
    writeFileSync(path.join(dir, 'other.json'), quizWith([{ id: 'q1', type: 'text', prompt: 'p', rubricId: 'r' }]))
    expect(() => loadQuiz('other', dir)).toThrow(/other\.json: id: "broken" must equal the file name "other"/)
  })
})
