// When a deferred island fetches its code (issue 14: a lesson loads like a static page). Each gate is a promise that
// resolves once the island is needed: the learner touched it, or has begun to use the page and it came near the
// viewport. No gate opens on a timer or an idle moment, nor because the island sits in the first screen of a page
// nobody has touched: Lighthouse's mobile run (and a phone left on the page) would fetch its code for nothing. On the
// server every gate is open at once, so islands render into the static HTML as before.

/** Resolves when `el` comes within `margin` of the viewport (an element inside a closed disclosure never does). */
export function nearViewport(el: Element, margin = '600px'): Promise<void> {
  if (typeof IntersectionObserver === 'undefined') return Promise.resolve()
  return new Promise((resolve) => {
    const io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          io.disconnect()
          resolve()
        }
      },
      { rootMargin: `${margin} 0px` },
    )
    io.observe(el)
  })
}

const INTERACTIONS = ['pointerdown', 'keydown', 'focusin', 'touchstart'] as const

/**
 * Resolves on the first pointer, key or focus event inside `el` (a tap on the "Start" button, a tick in a quiz), or
 * at once when the focus is already inside it (an answer box focused before the page hydrated). The listener is on
 * the window, in the capture phase: React's own listener at the root stops a discrete event aimed at server HTML it
 * has not hydrated yet (a gated island), so a listener on `el` itself would never hear it.
 */
export function interactionIn(el: Element): Promise<void> {
  if (typeof window === 'undefined' || el.contains(document.activeElement)) return Promise.resolve()
  return new Promise((resolve) => {
    const done = (e: Event) => {
      if (!(e.target instanceof Node) || !el.contains(e.target)) return
      for (const type of INTERACTIONS) window.removeEventListener(type, done, true)
      resolve()
    }
    for (const type of INTERACTIONS) window.addEventListener(type, done, { capture: true, passive: true })
  })
}

let pageInteraction: Promise<void> | undefined

/**
 * Resolves on the learner's first scroll, tap, click or key press anywhere on the page, or at once when the page is
 * not at its top (a reload that restored the scroll position, a link to an #anchor): the learner is already past the
 * first screen, and the browser's own scroll may have happened before this listened.
 */
export function firstInteraction(): Promise<void> {
  if (typeof window === 'undefined') return Promise.resolve()
  pageInteraction ??= new Promise((resolve) => {
    const types = ['scroll', 'wheel', ...INTERACTIONS] as const
    const done = () => {
      for (const type of types) window.removeEventListener(type, done, true)
      resolve()
    }
    if (window.scrollY > 0) return resolve()
    for (const type of types) window.addEventListener(type, done, { capture: true, passive: true })
    if (document.readyState !== 'complete') window.addEventListener('load', () => window.scrollY > 0 && done(), { once: true })
  })
  return pageInteraction
}

/** Resolves `ms` after the load event, in an idle period (the lesson visit's plain request, progress-visit.tsx). */
export function idleAfterLoad(ms: number): Promise<void> {
  if (typeof window === 'undefined') return Promise.resolve()
  return new Promise((resolve) => {
    const later = () => window.setTimeout(() => (window.requestIdleCallback ?? ((f: () => void) => f()))(() => resolve()), ms)
    if (document.readyState === 'complete') later()
    else window.addEventListener('load', later, { once: true })
  })
}

/** The gates deferred() islands choose from. */
export const GATES = {
  /**
   * Near the viewport once the learner has begun to use the page (a scroll, tap or key anywhere), or touched itself
   * before that. Until then the island works as the server's HTML (a quiz's answers can be ticked, a click is kept).
   */
  near: (el: Element) => Promise.race([firstInteraction().then(() => nearViewport(el)), interactionIn(el)]),
  /**
   * Touched only (focus, tap, key inside it): for an island that is the whole page and already works as the server's
   * HTML until then, like /review's quiz, whose answers can be typed before its code arrives. Near the viewport from
   * the start, it would fetch its code (and TanStack Query) before any interaction, over issue 14's 150 kB.
   */
  touched: (el: Element) => interactionIn(el),
} satisfies Record<string, (el: Element) => Promise<void>>

export type Gate = keyof typeof GATES
