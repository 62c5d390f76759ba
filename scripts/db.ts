// Database operations for operators (README "Running for a class"):
//   npm run db:migrate            apply pending migrations to the database the environment names
//                                 (DATABASE_URL, else SQLite under DATA_DIR), e.g. before rolling out a release
//   npm run db:copy [-- --from DIR]  copy the SQLite record set under DIR (default DATA_DIR) into DATABASE_URL;
//                                 safe to run again (adds only rows the target lacks)
// Run by: node --conditions=react-server --import tsx scripts/db.ts <command>
import { dbConfigFromEnv, describeDb } from '../lib/db/config'
import { copyDatabase } from '../lib/db/copy.server'
import { openDatabase, pendingMigrations } from '../lib/db/connection.server'

async function migrate(): Promise<void> {
  const config = dbConfigFromEnv()
  // openDatabase applies what is pending (under Kysely's migration lock) and throws naming a failed migration.
  const db = await openDatabase(config)
  try {
    const left = await pendingMigrations(db)
    if (left.length > 0) throw new Error(`still pending after migrating: ${left.join(', ')}`)
    console.log(`${describeDb(config)}: migrations current`)
  } finally {
    await db.destroy()
  }
}

async function copy(args: string[]): Promise<void> {
  const i = args.indexOf('--from')
  const fromDir = i >= 0 ? args[i + 1] : undefined
  if (i >= 0 && !fromDir) throw new Error('--from needs the SQLite data directory (the DATA_DIR it ran with)')
  const target = dbConfigFromEnv()
  if (target.kind !== 'postgres') throw new Error('db:copy copies into PostgreSQL: set DATABASE_URL=postgres://… to the target database')
  const source = dbConfigFromEnv({ DATA_DIR: fromDir ?? process.env.DATA_DIR })
  if (source.kind !== 'sqlite') throw new Error('unreachable: the source is SQLite')
  const from = await openDatabase(source)
  try {
    const to = await openDatabase(target)
    try {
      const { tables } = await copyDatabase(from, to)
      for (const t of tables) console.log(`${t.table}: ${t.read} rows read, ${t.added} added`)
      console.log(`copied ${describeDb(source)} → ${describeDb(target)}`)
    } finally {
      await to.destroy()
    }
  } finally {
    await from.destroy()
  }
}

const [command, ...rest] = process.argv.slice(2)
try {
  if (command === 'migrate') await migrate()
  else if (command === 'copy') await copy(rest)
  else throw new Error(`unknown command "${command ?? ''}"; use migrate or copy`)
} catch (error) {
  const messages: string[] = []
  for (let e: unknown = error, n = 0; e && n < 4; e = (e as Error).cause, n++) messages.push(e instanceof Error ? e.message : String(e))
  console.error(`db ${command ?? ''}: ${[...new Set(messages)].join(' ← ')}`)
  process.exit(1)
}
