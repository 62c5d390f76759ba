import type { ReactNode } from 'react'
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import type { ProgressSummary } from '@/lib/progress/light-client'
import { CompleteButtonView, ProgressCompleteButton } from './progress-complete-button'
import { BadgeView, LessonProgressBadge, SidebarProgress, SidebarProgressView } from './progress-sidebar'

// The progress islands' markup (views rendered from given progress) and their first render, which must match the
// static page.
const progress: ProgressSummary = { percentComplete: 50, lessons: { intro: 'completed', bridge: 'visited' } }

function render(node: ReactNode): string {
  return renderToString(node)
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

  // The page is static: the server renders the islands without progress, and so does the browser's first render while
  // hydrating (the store's server snapshot), or React would report a hydration mismatch.
  it('the islands render no progress on the server', () => {
    expect(render(<LessonProgressBadge lessonId="intro" />)).toBe('')
    expect(render(<SidebarProgress />)).not.toContain('aria-valuenow')
    expect(render(<ProgressCompleteButton lessonId="intro" />)).toMatch(/<button[^>]*>Mark complete<\/button>/)
  })
})
