'use client'
// Server-rendered HTML that React leaves alone when the page hydrates (issue 14). A lesson's text, code blocks and
// diagrams are most of its DOM but need no JavaScript; hydrating them still cost a fibre, a props check and a DOM walk
// per element, the largest part of a lesson's blocking time beside the framework itself. Here the first render in the
// browser gives React an element whose content is `dangerouslySetInnerHTML` (React neither walks nor checks such
// content when hydrating, and never rewrites it while the string stays the same), so the server's DOM stays as it is.
//
// Only while hydrating: when the same content renders anew in the browser (a client-side navigation to another
// lesson), there is no server DOM to keep, so the children render as usual. The choice is made once per instance.
// The wrapper is `display: contents`, so it adds no box: the children lay out as children of the wrapper's parent
// (globals.css gives `.lesson-prose` blocks inside it the same spacing).
import { useState, useSyncExternalStore, type ReactNode } from 'react'

const noSubscribe = () => () => {}
const KEEP_SERVER_DOM = { __html: '' }

/** Content with no interactive part (no client component inside it), rendered once on the server and kept. */
export function StaticHtml({ children }: { children: ReactNode }) {
  // The server snapshot (true) is what the first render sees while hydrating; a render in the browser without
  // hydration sees the client snapshot (false).
  const hydrating = useSyncExternalStore(noSubscribe, () => false, () => true)
  const [keepServerDom] = useState(hydrating)
  if (typeof window === 'undefined' || !keepServerDom) {
    return (
      <div data-static-html="" className="contents">
        {children}
      </div>
    )
  }
  return <div data-static-html="" className="contents" suppressHydrationWarning dangerouslySetInnerHTML={KEEP_SERVER_DOM} />
}
