import type { ReactNode } from 'react'

/**
 * A captioned table that scrolls sideways on narrow screens. The scroll box is focusable and labelled so keyboard
 * users can scroll it too (axe's scrollable-region-focusable). Lessons write <thead>/<tbody> rows inside it,
 * since Markdown pipe tables need remark-gfm, which the project does not use.
 */
export function Table({ caption, children }: { caption: string; children: ReactNode }) {
  return (
    <div role="region" aria-label={caption} tabIndex={0} className="lesson-table scroll-cue my-6 overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-700">
      <table className="w-full min-w-[36rem] border-collapse text-left text-sm">
        <caption className="px-4 pt-3 pb-2 text-left text-sm font-semibold">{caption}</caption>
        {children}
      </table>
    </div>
  )
}
