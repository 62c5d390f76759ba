// Next calls register() once when a server process starts. Opening the database here creates and migrates it at
// start (a fresh `npm install && npm start` has its database before the first visitor) and loads the course catalog,
// so the first learner request pays for neither.
//
// A configuration that cannot work (an unreachable or wrong DATABASE_URL, DATABASE_URL without SESSION_SECRET, a
// bad TRUSTED_PROXIES) stops the process here with a message naming the problem: Next only logs an error thrown by
// register() and would go on serving 500s (issue 13: fail loudly, never fall back).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return
  try {
    const { apiContext } = await import('./lib/api/context.server')
    const { trustedProxies } = await import('./lib/api/http.server')
    trustedProxies()
    await apiContext()
  } catch (error) {
    const messages: string[] = []
    for (let e: unknown = error, n = 0; e && n < 5; e = (e as Error).cause, n++) messages.push(e instanceof Error ? e.message : String(e))
    console.error(`Packet Path: cannot start: ${[...new Set(messages)].join(' ← ')}`)
    process.exit(1)
  }
}
