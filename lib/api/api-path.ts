// Which request paths are the JSON API's: scripts/serve.mjs (through node-adapter.server.ts) answers them itself, and
// proxy.ts gives them the API's policy under `next dev`. No imports, so the proxy's bundle stays small.

/** True when the path of a request URL (a query or fragment may follow) is /api or below it. */
export function isApiPath(url: string | undefined): boolean {
  if (!url) return false
  const end = url.search(/[?#]/)
  const pathname = end === -1 ? url : url.slice(0, end)
  return pathname === '/api' || pathname.startsWith('/api/')
}
