// Shared by the progress tests: a throwaway DATA_DIR with a migrated database and a small catalog.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { openDatabase, type Db } from './db.server'
import { GradingConfigSchema, toCatalog, type Catalog } from './progress-grading'

export const TEST_LESSONS = [
  { id: 'intro', title: 'Intro', sidebar_position: 1 },
  { id: 'bridge', title: 'The default bridge', sidebar_position: 2 },
]

export const TEST_GRADING = GradingConfigSchema.parse({
  attemptPolicy: 'best',
  defaultLessonWeight: 1,
  lessons: {
    intro: { weight: 1 },
    bridge: {
      weight: 3,
      completionWeight: 1,
      items: [
        { kind: 'challenge', id: 'publish-port', weight: 2 },
        { kind: 'quiz', id: 'bridge-quiz', weight: 1, passScore: 0.5, required: false },
      ],
    },
  },
})

export function testCatalog(): Catalog {
  return toCatalog(TEST_LESSONS, TEST_GRADING)
}

export type TempDb = { dir: string; db: Db; close: () => Promise<void> }

export async function openTempDb(): Promise<TempDb> {
  const dir = mkdtempSync(path.join(tmpdir(), 'packet-path-test-'))
  const db = await openDatabase(dir)
  return {
    dir,
    db,
    close: async () => {
      await db.destroy()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
