import Link from 'next/link'
import type { ReactNode } from 'react'
import type { LessonMeta } from '@/lib/content/lessons'
import { KeepOptions } from './keep-options'
import { SidebarDisclosure } from './sidebar-disclosure'

export type SidebarProps = {
  lessons: readonly LessonMeta[]
  currentId?: string
  /** Per-lesson badge slot (e.g. a progress client component), rendered after each lesson link. */
  badge?: (lessonId: string) => ReactNode
}

/** Lessons in course order, the current one marked with aria-current="page". */
export function Sidebar({ lessons, currentId, badge }: SidebarProps) {
  return (
    <SidebarDisclosure id="lesson-list">
      <nav aria-label="Lessons">
        <ol className="space-y-1">
          {lessons.map((lesson, index) => {
            const current = lesson.id === currentId
            return (
              <li key={lesson.id} className="flex items-center gap-2">
                <Link
                  href={`/lessons/${lesson.id}`}
                  aria-current={current ? 'page' : undefined}
                  className={`flex-1 rounded-md px-3 py-2 text-sm ${
                    current
                      ? 'bg-sky-100 font-semibold text-sky-900 dark:bg-sky-900/50 dark:text-sky-100'
                      : 'text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800'
                  }`}
                >
                  <span className="mr-2 text-slate-600 dark:text-slate-400">{index + 1}.</span>
                  <KeepOptions text={lesson.title} />
                </Link>
                {/* The badge's box is reserved before progress arrives, so the link beside it never reflows (CLS 0). */}
                {badge ? (
                  <span data-lesson-badge={lesson.id} className="w-5 shrink-0">
                    {badge(lesson.id)}
                  </span>
                ) : null}
              </li>
            )
          })}
        </ol>
      </nav>
    </SidebarDisclosure>
  )
}
