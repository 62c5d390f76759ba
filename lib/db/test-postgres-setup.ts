// vitest globalSetup of the "postgres" project: one real PostgreSQL 15 for the whole run (scripts/pg-server.mjs),
// its URL handed to the test workers in TEST_POSTGRES_URL; each test database is created and dropped by
// openTempDb (progress/test-helpers.ts). No server, no run: a machine where PostgreSQL cannot start fails here,
// loudly, instead of quietly testing SQLite alone. PG_TEST_PORT pins the port (else the kernel picks a free one).
import { startPostgres } from '../../scripts/pg-server.mjs'

export default async function setup(): Promise<() => void> {
  const port = process.env.PG_TEST_PORT ? Number(process.env.PG_TEST_PORT) : undefined
  const server = await startPostgres({ port, durable: false })
  process.env.TEST_POSTGRES_URL = server.url
  return () => server.stop()
}
