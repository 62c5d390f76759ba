'use client'

import { useState, type ReactNode } from 'react'

/** On phones the lesson list folds behind a button; from the md breakpoint up it is always shown. */
export function SidebarDisclosure({ id, children }: { id: string; children: ReactNode }) {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
        className="mb-2 inline-flex w-full items-center justify-between rounded-md border border-slate-300 px-3 py-2 text-sm font-medium md:hidden dark:border-slate-600"
      >
        Lessons
        <span aria-hidden="true">{open ? '▴' : '▾'}</span>
      </button>
      <div id={id} className={`${open ? 'block' : 'hidden'} md:block`}>
        {children}
      </div>
    </>
  )
}
