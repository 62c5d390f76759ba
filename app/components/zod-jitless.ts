/**
 * Zod 4 probes once whether it may compile parsers with `new Function` (its fast path). Under this site's
 * Content-Security-Policy (no 'unsafe-eval', lib/security/csp.ts) the probe is refused, and the browser reports a CSP
 * violation even though zod catches the error and falls back. Zod reads its settings from
 * `globalThis.__zod_globalConfig` (shared by every copy of zod on the page; `z.config()` writes the same object), so
 * this inline script in <head> turns the probe off before any of the page's scripts run.
 */
export const ZOD_JITLESS_SCRIPT =
  'globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });'
