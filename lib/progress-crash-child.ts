// A tiny HTTP server over the real data layer, for progress-durability.test.ts to SIGKILL in the
// middle of a write load. POST /attempt/<n> records challenge attempt n and answers 200 only after
// the commit returned. Run: node --conditions=react-server --import tsx lib/progress-crash-child.ts
import { createServer } from 'node:http'
import { dbConfigFromEnv } from './db-config'
import { openDatabase } from './db.server'
import { getOrCreateLearner, recordChallengeAttempt, recordLessonVisit } from './progress.server'
import { testCatalog } from './progress-test-helpers'

const dir = process.env.DATA_DIR
if (!dir) throw new Error('DATA_DIR must name the database folder')

const db = await openDatabase(dbConfigFromEnv())
const catalog = testCatalog()
const { learner } = await getOrCreateLearner(db, undefined)

const server = createServer((req, res) => {
  const match = /^\/attempt\/(\d+)$/.exec(req.url ?? '')
  if (req.method !== 'POST' || !match) {
    res.writeHead(404).end()
    return
  }
  const n = match[1] ?? ''
  const grade = () => ({ score: 1, passed: true, feedback: { n } })
  Promise.all([
    recordChallengeAttempt(db, catalog, learner.id, 'publish-port', [`write-${n}`], grade),
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
