// The hashes of the inline scripts in a prerendered page, read from the HTML `next build` wrote
// (<distDir>/server/app/<path>.html), once per page and process. A page without such a file is rendered on request
// (or is a 404, which serves the prerendered _not-found page) and gets a nonce instead (csp.ts).
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { inlineScripts, scriptHash } from './csp'

/** Paths that can name a prerendered page: lowercase ids joined by "/". Anything else is never looked up on disk. */
const PAGE_PATH = /^\/(?:[a-z0-9][a-z0-9-]*(?:\/[a-z0-9][a-z0-9-]*)*)?$/

export function prerenderedFile(appDir: string, pathname: string): string | undefined {
  if (!PAGE_PATH.test(pathname)) return undefined
  return path.join(appDir, pathname === '/' ? 'index.html' : `${pathname.slice(1)}.html`)
}

export type PageHashes = {
  /** The hashes for `pathname`'s prerendered HTML, or undefined when it has none. */
  forPage(pathname: string): readonly string[] | undefined
  /** The hashes of the prerendered 404 page, which Next serves for any path it has no page for. */
  notFound(): readonly string[]
}

/** `appDir` is `<distDir>/server/app`. Files are read once; a page's HTML does not change while the server runs. */
export function pageHashes(appDir: string): PageHashes {
  const cache = new Map<string, readonly string[]>()
  const read = (file: string): readonly string[] | undefined => {
    const cached = cache.get(file)
    if (cached) return cached
    if (!existsSync(file)) return undefined
    const hashes = inlineScripts(readFileSync(file, 'utf8')).map(scriptHash)
    // Only files that exist are cached, so the map is bounded by the pages the build wrote.
    cache.set(file, hashes)
    return hashes
  }
  return {
    forPage: (pathname) => {
      const file = prerenderedFile(appDir, pathname)
      return file ? read(file) : undefined
    },
    notFound: () => read(path.join(appDir, '_not-found.html')) ?? [],
  }
}
