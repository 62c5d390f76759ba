import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

// The storage and API suites: every test that opens a database. They run twice, on SQLite (project "sqlite", with
// everything else) and on a real PostgreSQL 15 that lib/db/test-postgres-setup.ts starts (project "postgres").
const DB_SUITES = [
  'lib/progress/*.test.ts',
  'lib/api/bad-input.server.test.ts',
  'lib/api/rate-limit.server.test.ts',
  'lib/instructor/api.server.test.ts',
  'lib/challenges/api.server.test.ts',
  'lib/quiz/api.server.test.ts',
  'lib/quiz/attempt.server.test.ts',
  'lib/api/health.server.test.ts',
  'lib/api/queries-per-request.test.ts',
  'lib/db/copy.test.ts',
]

const shared = {
  exclude: ['node_modules/**', '.next/**', 'e2e/**', 'data/**'],
  setupFiles: ['./vitest.setup.ts'],
  environment: 'node' as const,
}

export default defineConfig({
  resolve: {
    alias: { '@': fileURLToPath(new URL('.', import.meta.url)) },
  },
  test: {
    projects: [
      {
        extends: true,
        // db-copy copies into PostgreSQL, so it runs in the "postgres" project only. scripts/start.test.ts serves the
        // build, so `npm test` runs it last on its own (REQUIRE_BUILD=1); the CLI's --exclude does not reach projects.
        test: {
          ...shared,
          name: 'sqlite',
          include: ['**/*.test.ts', '**/*.test.tsx'],
          exclude: [...shared.exclude, 'lib/db/copy.test.ts', ...(process.env.REQUIRE_BUILD === '1' ? [] : ['scripts/start.test.ts'])],
        },
      },
      {
        extends: true,
        test: {
          ...shared,
          name: 'postgres',
          include: DB_SUITES,
          globalSetup: ['./lib/db/test-postgres-setup.ts'],
          env: { TEST_DATABASE: 'postgres' },
        },
      },
    ],
  },
})
