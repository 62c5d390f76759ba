// Shared by the progress tests: a throwaway DATA_DIR with a migrated database and a small catalog.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { ApiContext } from './api-context.server'
import { DbRateLimiter } from './api-rate-limit'
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

export const TEST_ITEM_TITLES: ReadonlyMap<string, string> = new Map([
  ['challenge:publish-port', 'Publish the web port'],
  ['quiz:bridge-quiz', 'Bridge basics'],
])

export function testCatalog(): Catalog {
  return toCatalog(TEST_LESSONS, TEST_GRADING, TEST_ITEM_TITLES)
}

/** A one-lesson catalog that grades only `item`: for handler tests of a single challenge or quiz. */
export function oneItemCatalog(item: { kind: 'challenge' | 'quiz'; id: string }): Catalog {
  const lessonId = 'container-networking-intro'
  return toCatalog(
    [{ id: lessonId, title: 'Intro', sidebar_position: 1 }],
    GradingConfigSchema.parse({ attemptPolicy: 'best', defaultLessonWeight: 1, lessons: { [lessonId]: { items: [{ ...item, weight: 1 }] } } }),
  )
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

export const TEST_SECRET = 's'.repeat(64)

/** An ApiContext over a temp database, with a clock the test controls. */
export function testContext(db: Db, overrides: Partial<ApiContext> = {}): ApiContext & { clock: { now: number } } {
  const clock = { now: 1_000_000 }
  return {
    db,
    catalog: testCatalog(),
    secret: TEST_SECRET,
    adminToken: undefined,
    claimLimiter: new DbRateLimiter(db, 5, 60_000),
    now: () => clock.now,
    clock,
    ...overrides,
  }
}

type RequestOptions = { method?: string; body?: unknown; raw?: string; cookie?: string; headers?: Record<string, string> }

/** A Request as the browser would send it: JSON body with its Content-Type unless `raw` is given. */
export function apiRequest(path: string, opts: RequestOptions = {}): Request {
  const headers = new Headers(opts.headers)
  if (opts.cookie) headers.set('cookie', opts.cookie)
  let body: string | undefined = opts.raw
  if (opts.body !== undefined) body = JSON.stringify(opts.body)
  if (body !== undefined && !headers.has('content-type')) headers.set('content-type', 'application/json')
  return new Request(`http://localhost${path}`, { method: opts.method ?? (body === undefined ? 'GET' : 'POST'), headers, body })
}

/** The `name=value` pair of a Set-Cookie header, ready to send back. */
export function cookieFrom(response: Response): string | undefined {
  return response.headers.get('set-cookie')?.split(';')[0]
}
