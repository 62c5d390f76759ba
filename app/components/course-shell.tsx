import type { ReactNode } from 'react'
import { getLessons } from '@/lib/content/load.server'
import { LessonProgressBadge, SidebarProgress } from './progress-sidebar'
import { ProgressRead } from './progress-visit'
import { Sidebar } from './sidebar'

/**
 * The page frame below the site header: the lesson sidebar and the <main> landmark the skip link targets.
 * Pages render it themselves (a layout cannot know the current lesson without shipping the pathname to the client).
 * Per-lesson badges (progress) plug in through Sidebar's `badge` prop here, in one place.
 */
export async function CourseShell({ currentId, children }: { currentId?: string; children: ReactNode }) {
  const lessons = await getLessons()
  return (
    <div className="mx-auto flex w-full max-w-6xl flex-col gap-6 px-4 py-6 md:flex-row md:gap-10">
      <div className="md:sticky md:top-6 md:w-64 md:shrink-0 md:self-start">
        <section aria-label="Your progress">
          <SidebarProgress />
          {/* A lesson page counts its visit and then reads the progress (ProgressVisit); any other page reads it. */}
          {currentId === undefined && <ProgressRead />}
        </section>
        <Sidebar lessons={lessons} currentId={currentId} badge={(id) => <LessonProgressBadge lessonId={id} />} />
      </div>
      <main id="main" tabIndex={-1} className="min-w-0 flex-1 focus:outline-none">
        {children}
      </main>
    </div>
  )
}
