'use client'
// Islands whose code is fetched after the page has hydrated instead of with it (issue 2: a lesson's first-load
// JavaScript stays under 150 kB gzipped). The server still renders them into the static HTML, so the learner reads
// the real quiz and button at once; React hydrates each one when its chunk arrives. If the chunk cannot be fetched
// (the connection dropped after the page loaded), the island shows `failure` instead of breaking the page.
//
// With `when`, an island waits for its gate (island-gates.ts) before fetching its code (issue 14): until then React
// leaves the server's HTML in place, un-hydrated, so the learner reads it and may even tick a quiz's answers; when the
// island comes near the viewport or is touched, the chunk loads and React hydrates the same DOM, keeping those ticks.
import { Component, lazy, Suspense, useEffect, useRef, useState, type ComponentType, type ReactNode } from 'react'
import { GATES, type Gate } from './island-gates'

type Options<P> = {
  /**
   * Shown while the chunk loads when the island first renders in the browser (client-side navigation). A function
   * of the island's props can keep the island's id, so a link to `#that-id` still lands on it.
   */
  loading?: ReactNode | ((props: P) => ReactNode)
  /** Shown when the chunk or the island fails. */
  failure?: ReactNode
  /** Fetch the code only once this gate opens (near the viewport, touched, …); without it, right after hydration. */
  when?: Gate
  /** The element that wraps a gated island (the gate observes it): 'span' inside inline content. */
  as?: 'div' | 'span'
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

export function deferred<P extends object>(load: () => Promise<ComponentType<P>>, { loading = null, failure = null, when, as = 'div' }: Options<P> = {}) {
  if (when !== undefined) return gated(load, { loading, failure, when, as })
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

function gated<P extends object>(load: () => Promise<ComponentType<P>>, { loading, failure, when, as: Wrapper }: Required<Options<P>>) {
  return function Gated(props: P) {
    const ref = useRef<HTMLElement>(null)
    // One lazy component per instance: each island on the page opens its own gate. On the server the gate is open.
    const [slot] = useState(() => {
      let open = () => {}
      const opened = new Promise<void>((resolve) => (open = resolve))
      const state = { live: false, onLive: () => {} }
      const Lazy = lazy(async () => {
        if (typeof window !== 'undefined') await opened
        const Island = await load()
        return {
          default: function Live(p: P) {
            useEffect(() => {
              state.live = true
              state.onLive()
            }, [])
            return <Island {...p} />
          },
        }
      })
      return { open, Lazy, state }
    })
    useEffect(() => {
      const el = ref.current
      if (!el) return
      void GATES[when](el).then(slot.open)
      // A click on a button of the server's HTML before the island is live would do nothing (React has not attached
      // its handlers yet): keep it, open the gate, and click the live button once the island has hydrated.
      let pending: number | null = null
      const onClick = (e: MouseEvent) => {
        if (slot.state.live) return
        const button = e.target instanceof Element ? e.target.closest('button') : null
        if (button === null || !el.contains(button)) return
        pending = [...el.querySelectorAll('button')].indexOf(button)
        e.preventDefault()
        e.stopPropagation()
        slot.open()
      }
      el.addEventListener('click', onClick, true)
      slot.state.onLive = () => {
        el.removeEventListener('click', onClick, true)
        if (pending === null) return
        const index = pending
        pending = null
        el.querySelectorAll('button')[index]?.click()
      }
      return () => el.removeEventListener('click', onClick, true)
    }, [slot])
    const Lazy = slot.Lazy
    return (
      <Wrapper ref={ref as never} data-island={when}>
        <IslandBoundary failure={failure}>
          <Suspense fallback={typeof loading === 'function' ? loading(props) : loading}>
            <Lazy {...props} />
          </Suspense>
        </IslandBoundary>
      </Wrapper>
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
