import { existsSync } from 'node:fs'

/** The system Chromium to drive, or undefined to use Playwright's own browser. */
export function chromiumPath() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean)
  return candidates.find((p) => existsSync(p))
}

/**
 * Flags for every Chromium the tests and benchmarks drive: headless-friendly and quiet (no GPU, no QUIC, none of
 * Chromium's own background calls to Google services), so a "nothing leaves localhost" check sees only what the
 * course asks for.
 */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/**
 * How the e2e configs launch Chromium: the system browser with the flags above, and no host name but localhost
 * resolving (belt and braces for e2e/test.ts's request guard: nothing can reach another host).
 */
export function e2eLaunchOptions() {
  return { executablePath: chromiumPath(), args: [...CHROMIUM_FLAGS, '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost'] }
}
