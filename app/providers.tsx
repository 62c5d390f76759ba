'use client'
// The TanStack Query client for the whole site. One client per browser tab; on the server a
// fresh one per request, so no learner's data can leak into another's render
// (TanStack's "Advanced Server Rendering" guide).
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import type { ReactNode } from 'react'

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
  browserClient ??= makeQueryClient()
  return browserClient
}

export function Providers({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={getQueryClient()}>{children}</QueryClientProvider>
}
