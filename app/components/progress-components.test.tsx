import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { progressKey } from '@/lib/queries'
import type { Progress } from '@/lib/schemas'
import { CompleteButtonView, ProgressCompleteButton } from './progress-complete-button'
import { BadgeView, LessonProgressBadge, SidebarProgress, SidebarProgressView } from './progress-sidebar'

// The progress islands' markup (views rendered from given progress) and their first render, which must match the
// static page.
const progress: Progress = {
  progressCode: 'ABCD-EFGH-JKMN',
  profile: { displayName: null, studentId: null },
  classes: [],
  lessons: [
    { lessonId: 'intro', title: 'Intro', status: 'completed', visits: 2, completedAt: '2026-01-01T00:00:00.000Z', score: 1, items: [] },
    { lessonId: 'bridge', title: 'Bridge', status: 'visited', visits: 1, completedAt: null, score: 0, items: [] },
  ],
  attempts: [],
  course: { grade: 0.5, percentComplete: 50, requiredDone: 1, requiredTotal: 2, completed: false },
}

function render(node: ReactNode): string {
  return renderToString(node)
}

/** Rendered the way the static page was: through the real hooks, with a query cache that already holds progress. */
function renderWithCache(node: ReactNode): string {
  const client = new QueryClient()
  client.setQueryData(progressKey, progress)
  return renderToString(<QueryClientProvider client={client}>{node}</QueryClientProvider>)
}

const noop = () => {}

describe('progress components', () => {
  it('the button says Completed (disabled) for a completed lesson and offers Mark complete otherwise', () => {
    const done = render(<CompleteButtonView done pending={false} failed={false} status="Lesson completed." onComplete={noop} />)
    expect(done).toMatch(/<button[^>]*disabled=""[^>]*>✓ Completed<\/button>/)
    expect(done).toContain('Lesson completed.')
    const open = render(<CompleteButtonView done={false} pending={false} failed={false} status="" onComplete={noop} />)
    expect(open).toMatch(/<button[^>]*>Mark complete<\/button>/)
    expect(open).not.toMatch(/<button[^>]*disabled=""/)
    expect(open).toContain('role="status"')
    expect(render(<CompleteButtonView done={false} pending={false} failed status="Could not save: x" onComplete={noop} />)).toContain('>Try again<')
  })

  it('badges name the state in words, not only a symbol', () => {
    expect(render(<BadgeView status="completed" />)).toContain('<span class="sr-only">completed</span>')
    expect(render(<BadgeView status="visited" />)).toContain('<span class="sr-only">started</span>')
    expect(render(<BadgeView status="not-started" />)).toContain('<span class="sr-only">not started</span>')
  })

  it('the sidebar shows the course percentage as an accessible progress bar', () => {
    const html = render(<SidebarProgressView progress={progress} />)
    expect(html).toContain('role="progressbar"')
    expect(html).toContain('aria-valuenow="50"')
    expect(html).toContain('>50%<')
    expect(render(<SidebarProgressView progress={undefined} />)).not.toContain('aria-valuenow')
  })

  // Deferred islands hydrate one by one; one may find the progress another has already fetched. The first render
  // must still be the static page's (no progress), or React reports a hydration mismatch.
  it('the islands render no progress on the server even when the cache holds it', () => {
    expect(renderWithCache(<LessonProgressBadge lessonId="intro" />)).toBe('')
    expect(renderWithCache(<SidebarProgress />)).not.toContain('aria-valuenow')
    expect(renderWithCache(<ProgressCompleteButton lessonId="intro" />)).toMatch(/<button[^>]*>Mark complete<\/button>/)
  })
})
