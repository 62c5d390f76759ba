// The simulator islands' loader (a challenge, the sandbox): once `gate` opens for the island's element, fetch its code
// and hand back the loaded component; until then the server's preview stays. `state` says what the preview should
// show: nothing yet, "Loading…", or that the code could not be fetched.
import { useEffect, useState, type ComponentType, type RefObject } from 'react'

export type LoadState = 'preview' | 'loading' | 'failed'

export function useGatedLoad<P>(
  ref: RefObject<HTMLElement | null>,
  gate: (el: HTMLElement) => Promise<void>,
  load: () => Promise<ComponentType<P>>,
  /** Called with the island's element just before the loaded component replaces the preview. */
  onLoaded?: (el: HTMLElement) => void,
): { App: ComponentType<P> | null; state: LoadState } {
  const [App, setApp] = useState<ComponentType<P> | null>(null)
  const [state, setState] = useState<LoadState>('preview')
  useEffect(() => {
    const el = ref.current
    if (el === null) return
    let live = true
    gate(el)
      .then(() => {
        if (live) setState('loading')
        return load()
      })
      .then(
        (Loaded) => {
          if (!live) return
          onLoaded?.(el)
          setApp(() => Loaded)
        },
        () => live && setState('failed'),
      )
    return () => {
      live = false
    }
    // The gate, loader and callback are chosen once per island: a new render does not restart the load.
  }, [])
  return { App, state }
}
