import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { progressKey } from '@/lib/queries'
import type { Progress } from '@/lib/schemas'
import { ProgressView } from './progress-view'

// The /progress page as the server first renders it, from a seeded query cache.
const progress: Progress = {
  progressCode: 'ABCD-EFGH-JKMN',
  profile: { displayName: null, studentId: null },
  classes: [],
  lessons: [
    {
      lessonId: 'container-networking-intro',
      title: 'Introduction to Container Networking',
      status: 'visited',
      visits: 1,
      completedAt: null,
      score: 0.25,
      items: [
        { kind: 'challenge', id: 'expose-nginx-8080', title: 'Expose nginx on port 8080 to the LAN', weight: 1, required: true, counts: 'best', hintsUsed: null, referenceSeen: false, imported: false, earlierVersion: false, attempts: 1, bestScore: 1, done: true },
        { kind: 'quiz', id: 'container-networking-intro', title: 'How packets reach a container', weight: 2, required: true, counts: 'best', hintsUsed: null, referenceSeen: false, imported: false, earlierVersion: false, attempts: 0, bestScore: null, done: false },
      ],
    },
  ],
  attempts: [
    { id: 'a1', kind: 'challenge', itemId: 'expose-nginx-8080', lessonId: 'container-networking-intro', score: 1, passed: true, createdAt: '2026-01-01T10:00:00.000Z' },
    { id: 'a2', kind: 'quiz', itemId: 'retired-quiz', lessonId: 'container-networking-intro', score: 0.5, passed: false, createdAt: '2026-01-01T09:00:00.000Z' },
  ],
  course: { grade: 0.25, percentComplete: 33, requiredDone: 1, requiredTotal: 3, completed: false },
}

function render(data: Progress = progress): string {
  const client = new QueryClient()
  client.setQueryData(progressKey, data)
  // renderToString separates adjacent text nodes with <!-- -->; drop them to read the text as a person does.
  return renderToString(
    <QueryClientProvider client={client}>
      <ProgressView />
    </QueryClientProvider>,
  ).replaceAll('<!-- -->', '')
}

describe('the progress page', () => {
  it('shows the progress code, or for a new visitor (nothing stored yet) says when one comes', () => {
    expect(render()).toContain('data-testid="progress-code">ABCD-EFGH-JKMN</code>')
    const fresh = render({ ...progress, progressCode: null })
    expect(fresh).not.toContain('data-testid="progress-code"')
    expect(fresh).toContain('You get a progress code once you open a lesson or try a challenge or quiz.')
    expect(fresh).toContain('Continue with a code from another device')
  })

  it('names challenges and quizzes by title, linked to where they sit in their lesson', () => {
    const html = render()
    expect(html).toMatch(/Challenge <a href="\/lessons\/container-networking-intro#challenge-expose-nginx-8080"[^>]*>Expose nginx on port 8080 to the LAN<\/a>: best 100% in 1 try ✓/)
    expect(html).toMatch(/Quiz <a href="\/lessons\/container-networking-intro#quiz-container-networking-intro"[^>]*>How packets reach a container<\/a>: not tried/)
    expect(html).not.toContain('challenge expose-nginx-8080')
  })

  it('names attempts by title, and by id when the item is no longer graded', () => {
    const html = render()
    expect(html).toContain('Challenge Expose nginx on port 8080 to the LAN (Introduction to Container Networking): 100%, passed')
    expect(html).toContain('Quiz retired-quiz (Introduction to Container Networking): 50%')
  })

  it('labels the course grade and the count of required items, so the two percentages are not confused', () => {
    const html = render()
    expect(html).toContain('Course grade <strong>25%</strong>: your best score on each challenge and quiz, and')
    expect(html).toMatch(/<strong>1 of 3<\/strong> required items done \(33%\): lessons marked complete, and challenges and quizzes passed/)
  })

  it('keeps table semantics when the rows stack as cards on a phone, with visual column names hidden from readers', () => {
    const html = render()
    expect(html).toContain('<table role="table"')
    expect(html.match(/role="cell"/g)).toHaveLength(4)
    expect(html).toMatch(/<span aria-hidden="true" class="[^"]*sm:hidden[^"]*">Status: <\/span>Started/)
  })
})
