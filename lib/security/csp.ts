// The Content-Security-Policy and the other security headers every response carries (issue 12, "a hardened server").
//
// Scripts: only this origin, plus the inline scripts Next and React write into the HTML (the RSC payload
// `self.__next_f.push(…)`, React's `$RC`/`$RV` reveal code, Turbopack's chunk list) and the layout's theme script.
// Lessons, /, /progress and /review are prerendered at build time, so they cannot carry a per-request nonce (Next
// applies a nonce only while rendering, and makes nonce pages dynamic: https://nextjs.org/docs/app/guides/content-security-policy).
// Instead their inline scripts are allowed by SHA-256 hash, read from the prerendered HTML (static-page-hashes.server.ts);
// the pages rendered on request (/sandbox, /instructor) get a fresh nonce that Next puts on its own scripts. The
// layout's own inline scripts (the theme, zod's jitless switch) are not Next's, so they never get a nonce: proxy.ts
// passes their hashes for every page.
//
// Styles: the stylesheets are files from this origin (Tailwind's CSS under /_next/static), so style-src is 'self'
// and no <style> element is allowed. Style *attributes* are allowed ('unsafe-inline' in style-src-attr only):
// React renders `style={{ … }}` props as attributes (progress bars' widths, the topology's positions, shiki's
// `--shiki-light`/`--shiki-dark` colour variables on every highlighted token). An attribute cannot run script, and
// style-src-attr does not cover <style> elements or stylesheets.
import { createHash, randomBytes } from 'node:crypto'

export type ScriptSource = { hashes: readonly string[]; nonce?: string }

/** `'sha256-…'` for the exact text of one inline script, as the browser hashes it (UTF-8 of the element's text). */
export function scriptHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`
}

/** The text of every inline script (no `src`) in an HTML document, in order. */
export function inlineScripts(html: string): string[] {
  const scripts: string[] = []
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attributes = match[1] ?? ''
    const text = match[2] ?? ''
    if (!/\ssrc\s*=/i.test(attributes) && text !== '') scripts.push(text)
  }
  return scripts
}

export function newNonce(): string {
  return randomBytes(16).toString('base64')
}

/** The policy for a page: scripts and styles from this origin only, plus the inline scripts named by hash or nonce. */
export function pagePolicy({ hashes, nonce }: ScriptSource, dev = false): string {
  const scriptSources = ["'self'", ...new Set(hashes)]
  if (nonce) scriptSources.push(`'nonce-${nonce}'`)
  // `next dev` rebuilds error stacks with eval (React's dev tools); production never evaluates strings.
  if (dev) scriptSources.push("'unsafe-eval'")
  return [
    "default-src 'self'",
    `script-src ${scriptSources.join(' ')}`,
    "style-src 'self'",
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
}

/** An API answer is JSON or CSV, never a document: it may load nothing and be framed by nobody. */
export const API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"

/** The headers every response carries besides its Content-Security-Policy (next.config.mjs sets them too, for static files). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  // Links to other sites learn this origin, never the page or its query (a shared sandbox URL carries commands).
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  // For browsers that predate CSP's frame-ancestors.
  'X-Frame-Options': 'DENY',
}

/** Puts a response's Content-Security-Policy and SECURITY_HEADERS on it (proxy.ts for pages, the API dispatcher). */
export function setSecurityHeaders<R extends { headers: Headers }>(response: R, policy: string): R {
  response.headers.set('Content-Security-Policy', policy)
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value)
  return response
}
