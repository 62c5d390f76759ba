// A tiny HTTP server over the real data layer, for progress/durability.test.ts to SIGKILL in the
// middle of a write load. POST /attempt/<n> records challenge attempt n and answers 200 only after
// the commit returned. Run: node --conditions=react-server --import tsx lib/progress/crash-child.ts
import { createServer } from 'node:http'
import { dbConfigFromEnv } from '../db/config'
import { openDatabase } from '../db/connection.server'
import { getOrCreateLearner, recordChallengeAttempt, recordLessonVisit } from './store.server'
import { testCatalog } from './test-helpers'

const dir = process.env.DATA_DIR
if (!dir) throw new Error('DATA_DIR must name the database folder')

const db = await openDatabase(dbConfigFromEnv())
const catalog = testCatalog()
const { learner } = await getOrCreateLearner(db, undefined)
// The test checks every acknowledged attempt by its own row, so none may be merged into a summary: the bounds
// (progress/attempt-bounds.server.ts) still run in every write's path, with limits above the test's few hundred writes.
const unmerged = { keepRowsPerItem: 1_000_000, fullTextBudget: Number.MAX_SAFE_INTEGER }

const server = createServer((req, res) => {
  const match = /^\/attempt\/(\d+)$/.exec(req.url ?? '')
  if (req.method !== 'POST' || !match) {
    res.writeHead(404).end()
    return
  }
  const n = match[1] ?? ''
  const grade = () => ({ score: 1, passed: true, feedback: { n } })
  Promise.all([
    recordChallengeAttempt(db, catalog, learner.id, 'publish-port', [`write-${n}`], grade, unmerged),
    recordLessonVisit(db, catalog, learner.id, 'bridge'),
  ]).then(
    ([attempt]) => res.writeHead(attempt.ok ? 200 : 500).end(attempt.ok ? attempt.value.id : ''),
    (error: unknown) => res.writeHead(500).end(String(error)),
  )
})
server.listen(0, '127.0.0.1', () => {
  const address = server.address()
  if (address && typeof address === 'object') process.stdout.write(`ready ${address.port} ${learner.id}\n`)
})
