'use client'
// Islands whose code is fetched after the page has hydrated instead of with it (issue 2: a lesson's first-load
// JavaScript stays under 150 kB gzipped). The server still renders them into the static HTML, so the learner reads
// the real quiz and button at once; React hydrates each one when its chunk arrives. If the chunk cannot be fetched
// (the connection dropped after the page loaded), the island shows `failure` instead of breaking the page.
import { Component, lazy, Suspense, type ComponentType, type ReactNode } from 'react'

type Options<P> = {
  /**
   * Shown while the chunk loads when the island first renders in the browser (client-side navigation). A function
   * of the island's props can keep the island's id, so a link to `#that-id` still lands on it.
   */
  loading?: ReactNode | ((props: P) => ReactNode)
  /** Shown when the chunk or the island fails. */
  failure?: ReactNode
}

class IslandBoundary extends Component<{ failure: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false }
  static getDerivedStateFromError() {
    return { failed: true }
  }
  override render() {
    return this.state.failed ? this.props.failure : this.props.children
  }
}

export function deferred<P extends object>(load: () => Promise<ComponentType<P>>, { loading = null, failure = null }: Options<P> = {}) {
  const Lazy = lazy(async () => ({ default: await load() }))
  return function Deferred(props: P) {
    return (
      <IslandBoundary failure={failure}>
        <Suspense fallback={typeof loading === 'function' ? loading(props) : loading}>
          <Lazy {...props} />
        </Suspense>
      </IslandBoundary>
    )
  }
}

/** Loads a component together with the query client provider it needs (TanStack Query stays out of first load). */
export function withQueryClient<P extends object>(load: () => Promise<ComponentType<P>>) {
  return async (): Promise<ComponentType<P>> => {
    const [{ Providers }, Island] = await Promise.all([import('../providers'), load()])
    return function WithQueryClient(props: P) {
      return (
        <Providers>
          <Island {...props} />
        </Providers>
      )
    }
  }
}
