#!/usr/bin/env node
// One server process: the built course through Next's programmatic API behind a small node:http wrapper.
// scripts/start.mjs runs it once, or as each of WEB_CONCURRENCY node:cluster workers sharing the port.
//
// Why not `next start`: (1) rate limits must key on the socket's real address (issue 12). The wrapper writes
// req.socket.remoteAddress into a private header before Next sees the request, overwriting any copy a client sent;
// lib/api/client-address.ts believes X-Forwarded-For only when that peer is in TRUSTED_PROXIES. (2) SIGTERM must stop
// accepting, let the requests in flight finish and then close the database pool (issue 13); `next start` exits
// at once. (3) A database that cannot be reached at start stops the process with a message naming it, before it
// listens (lib/api/startup.server.ts, which opens and migrates the database). (4) The JSON API (/api/…) is answered
// here by lib/api/node-adapter.server.ts, bundled on first start, without entering Next: Next's router and route
// runtime cost about 3 ms of CPU per request, several times the API's own work (issue 13). Pages go to Next.
import http from 'node:http'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { freshBundle } from './ts-bundle.mjs'

process.env.NODE_ENV = 'production'
process.env.NEXT_TELEMETRY_DISABLED = '1'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
/** Must equal PEER_HEADER in lib/api/client-address.ts. */
const PEER_HEADER = 'x-packet-path-peer'
const port = Number(process.env.PORT || '3000')
// HOST limits the listening address (e.g. 127.0.0.1 behind a proxy on the same machine); default: every interface.
const hostname = process.env.HOST || undefined
/** A request still running after this long on SIGTERM is cut off, so a stuck one cannot hold the port. */
const DRAIN_MS = 10_000

// Beside the build it belongs to (`next build` empties that folder, so a new build gets a new bundle).
const distDir = path.resolve(root, process.env.NEXT_DIST_DIR || '.next')
const api = await import(pathToFileURL(await freshBundle('lib/api/node-adapter.server.ts', path.join(distDir, 'packet-path-api.mjs'))).href)

const { default: next } = await import('next')
const app = next({ dev: false, dir: root, port, hostname: 'localhost' })
try {
  await api.prepareServer()
  await app.prepare()
} catch (error) {
  console.error(api.startupFailure(error))
  process.exit(1)
}
const handle = app.getRequestHandler()

const server = http.createServer((req, res) => {
  req.headers[PEER_HEADER] = req.socket.remoteAddress ?? ''
  if (api.isApiPath(req.url)) void api.answerApi(req, res)
  else handle(req, res)
})
// Idle keep-alive connections stay open longer than a proxy's (nginx's upstream keepalive_timeout is 60 s), so the
// proxy never sends a request on a connection this side is just closing; Node's default is 5 s.
server.keepAliveTimeout = 65_000
server.on('error', (error) => {
  console.error(`Packet Path: cannot listen on port ${port}: ${error.message}`)
  process.exit(1)
})
server.listen(port, hostname)

let stopping = false
async function shutdown(signal) {
  if (stopping) return
  stopping = true
  // Stop accepting; idle keep-alive connections are closed now, busy ones after their response.
  const closed = new Promise((resolve) => server.close(resolve))
  const idle = setInterval(() => server.closeIdleConnections(), 100)
  const cutoff = setTimeout(() => server.closeAllConnections(), DRAIN_MS)
  await closed
  clearInterval(idle)
  clearTimeout(cutoff)
  try {
    await globalThis.__packetPathCloseDb?.()
  } catch (error) {
    console.error(`Packet Path: closing the database failed: ${error instanceof Error ? error.message : String(error)}`)
  }
  process.exit(signal === 'SIGINT' ? 130 : 0)
}
process.on('SIGTERM', () => void shutdown('SIGTERM'))
process.on('SIGINT', () => void shutdown('SIGINT'))
