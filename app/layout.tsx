import type { Metadata } from 'next'
import Link from 'next/link'
import type { ReactNode } from 'react'
import { EARLY_INPUT_SCRIPT } from './components/early-input'
import { HydrationMark } from './components/hydration-mark'
import { THEME_SCRIPT } from './components/theme'
import { ThemeToggle } from './components/theme-toggle'
import { ZOD_JITLESS_SCRIPT } from './components/zod-jitless'
import './globals.css'

export const metadata: Metadata = {
  title: { default: 'Packet Path', template: '%s · Packet Path' },
  description: 'A self-paced course on container networking: follow packets through Docker, hop by hop.',
}

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    // The head script sets the `dark` class before React hydrates, so the class differs from the server HTML.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
        <script dangerouslySetInnerHTML={{ __html: ZOD_JITLESS_SCRIPT }} />
        <script dangerouslySetInnerHTML={{ __html: EARLY_INPUT_SCRIPT }} />
      </head>
      <body className="min-h-screen bg-white text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        <a
          href="#main"
          className="sr-only rounded-md bg-sky-700 px-4 py-2 font-semibold text-white focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50"
        >
          Skip to content
        </a>
        <header className="border-b border-slate-200 dark:border-slate-800">
          <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3">
            {/* Not prefetched: in every page's first screen, so prefetching fetched the home page's payload and code
                right after every page loaded, before the reader did anything (issue 14). */}
            <Link href="/" prefetch={false} className="text-lg font-bold tracking-tight">
              Packet Path
            </Link>
            <ThemeToggle />
          </div>
        </header>
        {children}
        <HydrationMark />
        <footer className="mx-auto max-w-6xl border-t border-slate-200 px-4 py-6 text-sm text-slate-600 dark:border-slate-800 dark:text-slate-400">
          Packet Path: a course on container networking. Everything on these pages is served from this machine.
        </footer>
      </body>
    </html>
  )
}
