import { useQuery } from '@tanstack/react-query'
import { progressQueryOptions } from '@/lib/queries'
import { useIsClient } from './use-is-client'

/**
 * The learner's progress, or undefined while the island hydrates. The page is static, so the server rendered every
 * island without progress; each deferred island hydrates when its own chunk arrives, possibly after another one
 * has already fetched the progress, and rendering that data during hydration would not match the server's HTML.
 */
export function useProgress() {
  const { data } = useQuery(progressQueryOptions())
  return useIsClient() ? data : undefined
}
