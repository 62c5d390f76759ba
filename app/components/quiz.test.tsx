import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { loadAllQuizzes } from '@/lib/quiz/load.server'
import { toPublicQuiz } from '@/lib/quiz/public-view'
import { Providers } from '@/app/providers'
import { Quiz } from './quiz'
import { FeedbackText } from './quiz-results'

// The quiz island rendered to HTML the way the server sends it: the structure a screen reader relies on, and
// no key in the markup before an attempt.
const quizzes = loadAllQuizzes()

function render(quiz: (typeof quizzes)[number]): string {
  return renderToString(
    <QueryClientProvider client={new QueryClient()}>
      <Quiz quiz={toPublicQuiz(quiz)} />
    </QueryClientProvider>,
  )
}

describe('<Quiz>', () => {
  it.each(quizzes.map((q) => [q.id, q] as const))('%s: one fieldset with a legend per question, and no key in the HTML', (_id, quiz) => {
    const html = render(quiz)
    const predicts = quiz.questions.filter((q) => q.type === 'predict').length
    // A predict question has two inner fieldsets (outcome, answerer) inside its own.
    expect(html.match(/<fieldset/g)?.length).toBe(quiz.questions.length + 2 * predicts)
    expect(html.match(/<legend/g)?.length).toBe(quiz.questions.length + 2 * predicts)
    for (const q of quiz.questions) {
      if (q.type === 'single' || q.type === 'multiple') {
        for (const o of q.options) expect(html).not.toContain(o.explanation.slice(0, 40).replace(/"/g, '&quot;').replace(/'/g, '&#x27;'))
      }
    }
    expect(html).toContain('aria-live="polite"')
    expect(html).toContain('>Check answers<')
  })

  it('renders inside <Providers> alone, the way a lesson page loads it (no provider in the root layout)', () => {
    const review = quizzes.find((q) => q.id === 'review')
    if (!review) throw new Error('review quiz missing')
    const html = renderToString(
      <Providers>
        <Quiz quiz={toPublicQuiz(review)} />
      </Providers>,
    )
    expect(html).toContain('Your answer to question 4')
  })

  it('sends nothing before hydration: the server renders the submit button disabled, and inputs uncontrolled', () => {
    const intro = quizzes.find((q) => q.id === 'container-networking-intro')
    if (!intro) throw new Error('container-networking-intro quiz missing')
    const html = render(intro)
    expect(html).toMatch(/<button type="submit" disabled=""[^>]*>Check answers<\/button>/)
    expect(html).not.toMatch(/<input[^>]*checked/)
    for (const input of html.match(/<input[^>]*>/g) ?? []) expect(input).toMatch(/ name="[^"]+"/)
  })

  it('labels every input: radios and checkboxes inside <label>, textareas by for/id', () => {
    const intro = quizzes.find((q) => q.id === 'container-networking-intro')
    if (!intro) throw new Error('container-networking-intro quiz missing')
    const html = render(intro)
    const inputs = html.match(/<input[^>]*>/g) ?? []
    expect(inputs.length).toBeGreaterThan(10)
    for (const input of inputs) expect(html).toMatch(new RegExp(`<label[^>]*>${escapeRe(input)}`))
    const textareaId = /<textarea[^>]*id="([^"]+)"/.exec(html)?.[1]
    expect(html).toContain(`for="${textareaId}"`)
    expect(html).toContain('Your answer to question 4')
  })
})

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

describe('<FeedbackText>', () => {
  it('links the lesson section a rubric points to', () => {
    const html = renderToString(<FeedbackText text="Say where the packet arrives (see /lessons/container-networking-intro#packet-path)." />)
    expect(html).toContain('<a href="/lessons/container-networking-intro#packet-path"')
  })
})
