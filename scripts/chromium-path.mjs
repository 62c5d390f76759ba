import { existsSync } from 'node:fs'

/** The system Chromium to drive, or undefined to use Playwright's own browser. */
export function chromiumPath() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean)
  return candidates.find((p) => existsSync(p))
}
