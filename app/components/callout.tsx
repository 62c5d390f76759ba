import type { ReactNode } from 'react'

type Tone = 'info' | 'warning'

const TONE: Record<Tone, string> = {
  info: 'border-sky-500 bg-sky-50 dark:bg-sky-950/60',
  warning: 'border-amber-500 bg-amber-50 dark:bg-amber-950/60',
}

/** An info panel inside a lesson. role="note" rather than <aside>: a complementary landmark may not sit in <main>. */
export function Callout({ title, tone = 'info', children }: { title: string; tone?: Tone; children: ReactNode }) {
  return (
    <div role="note" aria-label={title} className={`my-6 rounded-r-lg border-l-4 px-5 py-4 ${TONE[tone]}`}>
      <p className="mt-0 mb-2 font-semibold">
        <InfoIcon />
        {title}
      </p>
      <div className="callout-body">{children}</div>
    </div>
  )
}

// Drawn inline rather than as an emoji: an emoji font may be missing and show as an empty box.
function InfoIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className="mr-2 inline-block h-5 w-5 -translate-y-px fill-current align-middle text-sky-700 dark:text-sky-400">
      <path d="M10 1.5a8.5 8.5 0 1 0 0 17 8.5 8.5 0 0 0 0-17Zm0 3.75a1.25 1.25 0 1 1 0 2.5 1.25 1.25 0 0 1 0-2.5Zm1.5 9.5h-3v-1.5h.75v-3h-.75v-1.5h2.25v4.5h.75v1.5Z" />
    </svg>
  )
}
