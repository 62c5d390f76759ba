import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { renderToString } from 'react-dom/server'
import { describe, expect, it, vi } from 'vitest'
import type { Gradebook } from '@/lib/schemas'
import { gradebookQueryOptions } from '@/lib/queries'

// Outside a Next app the router is not mounted; the view only calls refresh() after signing out.
vi.mock('next/navigation', () => ({ useRouter: () => ({ refresh: () => undefined }) }))
const { GradebookView } = await import('./gradebook-view')

const book: Gradebook = {
  lessonIds: ['container-networking-intro'],
  itemIds: ['challenge:expose-nginx-8080'],
  lessonTitles: { 'container-networking-intro': 'Introduction to Container Networking' },
  itemTitles: { 'challenge:expose-nginx-8080': 'Expose nginx on port 8080 to the LAN' },
  rows: [
    {
      learnerId: '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0',
      displayName: 'Ada Lovelace',
      studentId: 's-1815',
      classes: ['Networking 101'],
      createdAt: '2026-01-01T10:00:00.000Z',
      lessons: { 'container-networking-intro': 0.5 },
      items: { 'challenge:expose-nginx-8080': 0.5 },
      notes: { 'challenge:expose-nginx-8080': { reference: true, hints: 1 } },
      grade: 0.5,
      completed: false,
    },
  ],
}

function render(): string {
  const client = new QueryClient()
  client.setQueryData(gradebookQueryOptions().queryKey, book)
  return renderToString(
    <QueryClientProvider client={client}>
      <GradebookView />
    </QueryClientProvider>,
  ).replaceAll('<!-- -->', '')
}

describe('the instructor gradebook', () => {
  it('heads score columns with titles over their stable keys', () => {
    const headers = [...render().matchAll(/<th(?:\s[^>]*)?>(.*?)<\/th>/g)].map((m) => m[1]?.replace(/<[^>]+>/g, ' | '))
    expect(headers).toEqual([
      'Learner',
      'Student id',
      'First seen',
      'Lesson: Introduction to Container Networking | lesson:container-networking-intro | ',
      'Expose nginx on port 8080 to the LAN | challenge:expose-nginx-8080 | ',
      'Course grade',
      'Complete',
    ])
  })

  it('names learners and marks a score earned after help', () => {
    const html = render()
    expect(html).toContain('Ada Lovelace')
    expect(html).toContain('s-1815')
    expect(html).toMatch(/50%<span[^>]*>after the reference; 1 hint<\/span>/)
  })
})
