import type { ReactNode } from 'react'

/**
 * A box that scrolls sideways when its content is wider than a phone. It is focusable and named, so keyboard users
 * can scroll it too (axe's scrollable-region-focusable), and shadows at a cut edge show that it scrolls (globals.css
 * `.scroll-cue`). Lesson tables use the same rules in table.tsx.
 */
export function ScrollBox({ label, className = '', children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <div role="group" aria-label={label} tabIndex={0} className={`scroll-cue overflow-x-auto ${className}`}>
      {children}
    </div>
  )
}
