// What a server process checks and loads before it answers anyone: TRUSTED_PROXIES parses, the database opens and
// is migrated, the course catalog loads. A configuration that cannot work (an unreachable or wrong DATABASE_URL,
// DATABASE_URL without SESSION_SECRET, a bad TRUSTED_PROXIES) rejects with a message naming the problem, and the
// caller stops the process (issue 13: fail loudly, never fall back). Done once per process: scripts/serve.mjs calls
// it before it listens, and instrumentation.ts (Next's start-up hook, the only caller under `next dev`) gets the same
// promise, so the catalog is not loaded twice. Once it is ready, the review grader's reviewed answers are indexed in
// the background.
import 'server-only'
import { warmReviewedAnswers } from '../free-text/grade-answer.server'
import { apiContext, sessionSecret } from './context.server'
import { trustedProxies } from './http.server'

const state = globalThis as typeof globalThis & { __packetPathPrepared?: Promise<void> }

export function prepareServer(): Promise<void> {
  state.__packetPathPrepared ??= (async () => {
    // The settings first: a missing SESSION_SECRET is named even while the database is also unreachable.
    trustedProxies()
    sessionSecret()
    await apiContext()
    // After the start, not before it: indexing the review grader's reviewed answers takes a second or two of CPU
    // that the first learner to check their review answers would otherwise wait for. A broken set is named in the
    // log now; grading the review names it again.
    setTimeout(() => {
      try {
        warmReviewedAnswers()
      } catch (error) {
        console.error(`Packet Path: the review grader cannot read its reviewed answers: ${error instanceof Error ? error.message : String(error)}`)
      }
    }, 0).unref()
  })()
  return state.__packetPathPrepared
}

/** One line for the log: the error and its causes, each once. */
export function startupFailure(error: unknown): string {
  const messages: string[] = []
  for (let e: unknown = error, n = 0; e && n < 5; e = (e as Error).cause, n++) messages.push(e instanceof Error ? e.message : String(e))
  return `Packet Path: cannot start: ${[...new Set(messages)].join(' ← ')}`
}

/** prepareServer, or a logged startupFailure and exit code 1. */
export async function prepareOrExit(): Promise<void> {
  try {
    await prepareServer()
  } catch (error) {
    console.error(startupFailure(error))
    process.exit(1)
  }
}
