'use client'
// The TanStack Query client. One client per browser tab, shared by every island that talks to the progress API, so
// a quiz attempt or a solved challenge refreshes the sidebar badges; on the server a fresh one per render, so no
// learner's data can leak into another's render (TanStack's "Advanced Server Rendering" guide).
//
// There is no app-wide provider in the root layout: TanStack Query would then be in every page's first-load
// JavaScript (issue 2's budget). Each island that needs it wraps itself in <Providers> (see deferred-islands.tsx).
import { QueryClient, QueryClientContext, QueryClientProvider } from '@tanstack/react-query'
import { useContext, type ReactNode } from 'react'
import { learnerWriteScope } from '@/lib/queries'
import { refreshProgress } from './components/progress-store'

function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // Progress changes only through this tab's own mutations, which invalidate it.
      queries: { staleTime: 30_000, refetchOnWindowFocus: true },
    },
  })
}

let browserClient: QueryClient | undefined

function getQueryClient(): QueryClient {
  if (typeof window === 'undefined') return makeQueryClient()
  if (browserClient === undefined) {
    browserClient = makeQueryClient()
    // A quiz or challenge attempt changed the learner's record: the lesson page's sidebar (progress-store.ts, which
    // reads progress without TanStack Query) reads it again.
    browserClient.getMutationCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'success' && event.mutation.options.scope?.id === learnerWriteScope.id) void refreshProgress()
    })
  }
  return browserClient
}

/** Provides the tab's client, unless an outer provider (a page, a test) already gives one. */
export function Providers({ children }: { children: ReactNode }) {
  const outer = useContext(QueryClientContext)
  if (outer) return children
  return <QueryClientProvider client={getQueryClient()}>{children}</QueryClientProvider>
}
