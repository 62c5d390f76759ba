// Versioned migrations, applied in name order by Kysely's Migrator at start. Kysely records
// each applied name in its `kysely_migration` table (our schema_version). Listed here
// statically, not read from disk, so Next's bundler sees every migration.
import type { Migration } from 'kysely'
import * as initial from './001-initial'
import * as rateLimit from './002-rate-limit'
import * as integrity from './003-integrity'
import * as attemptBounds from './004-attempt-bounds'

export const migrations: Record<string, Migration> = {
  '001-initial': initial,
  '002-rate-limit': rateLimit,
  '003-integrity': integrity,
  '004-attempt-bounds': attemptBounds,
}
