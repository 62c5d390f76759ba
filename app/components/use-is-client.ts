import { useSyncExternalStore } from 'react'

const subscribeNever = () => () => {}

/** False on the server and while hydrating, true once the component runs in the browser. */
export function useIsClient(): boolean {
  return useSyncExternalStore(
    subscribeNever,
    () => true,
    () => false,
  )
}
