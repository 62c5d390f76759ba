import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { progressKey } from '@/lib/queries'
import type { Progress } from '@/lib/schemas'
import { ProgressCompleteButton } from './progress-complete-button'
import { LessonProgressBadge, SidebarProgress } from './progress-sidebar'

// The progress islands rendered the way the server first sends them, from a seeded query cache.
const progress: Progress = {
  progressCode: 'ABCD-EFGH-JKMN',
  lessons: [
    { lessonId: 'intro', title: 'Intro', status: 'completed', visits: 2, completedAt: '2026-01-01T00:00:00.000Z', score: 1, items: [] },
    { lessonId: 'bridge', title: 'Bridge', status: 'visited', visits: 1, completedAt: null, score: 0, items: [] },
  ],
  attempts: [],
  course: { grade: 0.5, percentComplete: 50, requiredDone: 1, requiredTotal: 2, completed: false },
}

function render(node: ReactNode, seeded = true): string {
  const client = new QueryClient()
  if (seeded) client.setQueryData(progressKey, progress)
  return renderToString(<QueryClientProvider client={client}>{node}</QueryClientProvider>)
}

describe('progress components', () => {
  it('the button says Completed (disabled) for a completed lesson and offers Mark complete otherwise', () => {
    const done = render(<ProgressCompleteButton lessonId="intro" />)
    expect(done).toMatch(/<button[^>]*disabled=""[^>]*>✓ Completed<\/button>/)
    expect(done).toContain('Lesson completed.')
    const open = render(<ProgressCompleteButton lessonId="bridge" />)
    expect(open).toMatch(/<button[^>]*>Mark complete<\/button>/)
    expect(open).not.toMatch(/<button[^>]*disabled=""/)
    expect(open).toContain('role="status"')
  })

  it('badges name the state in words, not only a symbol', () => {
    expect(render(<LessonProgressBadge lessonId="intro" />)).toContain('<span class="sr-only">completed</span>')
    expect(render(<LessonProgressBadge lessonId="bridge" />)).toContain('<span class="sr-only">started</span>')
    expect(render(<LessonProgressBadge lessonId="intro" />, false)).toBe('')
  })

  it('the sidebar shows the course percentage as an accessible progress bar', () => {
    const html = render(<SidebarProgress />)
    expect(html).toContain('role="progressbar"')
    expect(html).toContain('aria-valuenow="50"')
    expect(html).toContain('>50%<')
    expect(render(<SidebarProgress />, false)).not.toContain('aria-valuenow')
  })
})
