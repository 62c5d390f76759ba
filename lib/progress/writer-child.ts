// One of several processes writing to the same database at once, for progress/concurrency.test.ts:
// records WRITES visits and challenge attempts for LEARNER_ID, all in flight together, then exits.
// Run: node --conditions=react-server --import tsx lib/progress/writer-child.ts
import { dbConfigFromEnv } from '../db/config'
import { openDatabase } from '../db/connection.server'
import { recordChallengeAttempt, recordLessonVisit } from './store.server'
import { testCatalog } from './test-helpers'

const { DATA_DIR: dir, LEARNER_ID: learnerId, WRITES: writes, TAG: tag } = process.env
if (!dir || !learnerId || !writes || !tag) throw new Error('set DATA_DIR, LEARNER_ID, WRITES and TAG')

const db = await openDatabase(dbConfigFromEnv())
const catalog = testCatalog()
const grade = () => ({ score: 0.5, passed: false, feedback: null })
const results = await Promise.all(
  Array.from({ length: Number(writes) }, (_, i) =>
    Promise.all([
      recordLessonVisit(db, catalog, learnerId, 'bridge'),
      recordChallengeAttempt(db, catalog, learnerId, 'publish-port', [`${tag}-${i}`], grade),
    ]),
  ),
)
const failed = results.flat().filter((r) => !r.ok)
await db.destroy()
if (failed.length > 0) throw new Error(`${failed.length} writes failed: ${JSON.stringify(failed[0])}`)
process.stdout.write(`done ${results.length}\n`)
