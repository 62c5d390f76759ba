// Shared by the progress tests: a throwaway DATA_DIR with a migrated database and a small catalog.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import type { ApiContext } from '../api/context.server'
import { DbRateLimiter } from '../api/rate-limit.server'
import type { DbConfig } from '../db/config'
import { openDatabase, type Db } from '../db/connection.server'
import { GradingConfigSchema, toCatalog, type Catalog } from './grading'

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

/**
 * A fresh migrated database for one test: SQLite in a temp DATA_DIR, or, in the vitest "postgres" project
 * (TEST_DATABASE=postgres), a new database on the PostgreSQL server lib/db/test-postgres-setup.ts started.
 * `config` reopens it (a second connection); `env` hands it to a child process (dbConfigFromEnv reads it).
 */
export type TempDb = { dir: string; db: Db; config: DbConfig; env: Record<string, string>; close: () => Promise<void> }

export const testBackend = (): 'sqlite' | 'postgres' => (process.env.TEST_DATABASE === 'postgres' ? 'postgres' : 'sqlite')

async function adminQuery(adminUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    await client.query(text)
  } finally {
    await client.end()
  }
}

export async function openTempDb(): Promise<TempDb> {
  const dir = mkdtempSync(path.join(tmpdir(), 'packet-path-test-'))
  if (testBackend() === 'sqlite') {
    const config: DbConfig = { kind: 'sqlite', dir }
    const db = await openDatabase(config)
    return {
      dir,
      db,
      config,
      env: { DATA_DIR: dir },
      close: async () => {
        await db.destroy()
        rmSync(dir, { recursive: true, force: true })
      },
    }
  }
  const adminUrl = process.env.TEST_POSTGRES_URL
  if (!adminUrl) throw new Error('TEST_DATABASE=postgres but TEST_POSTGRES_URL is unset: run through vitest (its globalSetup starts PostgreSQL)')
  const name = `t_${randomBytes(8).toString('hex')}`
  await adminQuery(adminUrl, `create database ${name}`)
  const u = new URL(adminUrl)
  u.pathname = `/${name}`
  const config: DbConfig = { kind: 'postgres', url: u.toString(), poolSize: 10 }
  const db = await openDatabase(config)
  return {
    dir,
    db,
    config,
    env: { DATA_DIR: dir, DATABASE_URL: config.url },
    close: async () => {
      await db.destroy()
      await adminQuery(adminUrl, `drop database ${name} with (force)`)
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
