// Small helpers the scripts that start a server share (bench-api, bench-lighthouse, pg-server, start.test.ts):
// a free port to listen on, and waiting until a started server answers.
import { createServer } from 'node:net'

/** A port nothing listens on now, chosen by the kernel. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.unref()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address()
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no free port'))))
    })
  })
}

/**
 * Polls `url` every half second until it answers 2xx; fails when `child` (the server process) exits first or
 * `timeoutMs` passes.
 */
export async function waitFor(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode} before answering`)
    try {
      if ((await fetch(url)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`)
}
