'use client'

import { useSyncExternalStore } from 'react'
import { THEME_STORAGE_KEY } from './theme'

const listeners = new Set<() => void>()

function isDark(): boolean {
  return document.documentElement.classList.contains('dark')
}

function applyTheme(dark: boolean) {
  document.documentElement.classList.toggle('dark', dark)
  document.documentElement.style.colorScheme = dark ? 'dark' : 'light'
  listeners.forEach((notify) => notify())
}

function subscribe(notify: () => void) {
  listeners.add(notify)
  // Until the learner chooses, the page keeps following the system setting as it changes.
  const media = window.matchMedia('(prefers-color-scheme: dark)')
  const onSystemChange = (event: MediaQueryListEvent) => {
    if (window.localStorage.getItem(THEME_STORAGE_KEY) === null) applyTheme(event.matches)
  }
  media.addEventListener('change', onSystemChange)
  return () => {
    listeners.delete(notify)
    media.removeEventListener('change', onSystemChange)
  }
}

export function ThemeToggle() {
  // The server cannot know the theme; React re-renders with the real value right after hydration.
  const dark = useSyncExternalStore(subscribe, isDark, () => false)
  return (
    <button
      type="button"
      aria-pressed={dark}
      onClick={() => {
        const next = !isDark()
        window.localStorage.setItem(THEME_STORAGE_KEY, next ? 'dark' : 'light')
        applyTheme(next)
      }}
      className="inline-flex items-center gap-2 rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
    >
      <span aria-hidden="true">{dark ? '☾' : '☀'}</span>
      Dark mode
    </button>
  )
}
