/**
 * `npm run test:conformance [-- --write] [-- --only NNN[,NNN]] [-- --jobs N]`
 * Re-records every scenario against a live Docker Engine (one fresh test bed per scenario, N at a time) into
 * a temp dir, then diffs the fresh recordings against the committed ones and against the simulator.
 * `--write` copies the fresh recordings over the committed ones. Needs root, ip, iptables and dockerd.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ANNOTATIONS } from './annotations'
import { installSignalHandlers } from './cleanup'
import { compareWithRecording, diffRecordings, type SimResult } from './compare'
import { buildRootfsTar } from './images'
import { recordScenario } from './recorder'
import { formatIssues, RecordingSchema, ScenarioSchema, type Recording, type Scenario } from './schema'

const HERE = fileURLToPath(new URL('.', import.meta.url))
export const SCENARIO_DIR = join(HERE, 'scenarios')
export const RECORDING_DIR = join(HERE, 'recordings')

type Options = { write: boolean; only: string[] | null; jobs: number }

function parseArgs(argv: string[]): Options {
  const opts: Options = { write: false, only: null, jobs: 3 }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--write') opts.write = true
    else if (a === '--only') opts.only = (argv[++i] ?? '').split(',').filter(Boolean)
    else if (a === '--jobs') opts.jobs = Number(argv[++i])
    else throw new Error(`unknown option "${a}" (use --write, --only NNN[,NNN], --jobs N)`)
  }
  if (opts.only?.length === 0) throw new Error('--only needs scenario numbers, e.g. --only 007 or --only 007,012')
  if (!Number.isInteger(opts.jobs) || opts.jobs < 1 || opts.jobs > 8) throw new Error('--jobs takes a whole number from 1 to 8')
  return opts
}

export function loadScenario(file: string): Scenario {
  const path = join(SCENARIO_DIR, file)
  let json: unknown
  try {
    json = JSON.parse(readFileSync(path, 'utf8'))
  } catch (err) {
    throw new Error(`${file}: not valid JSON: ${(err as Error).message}`)
  }
  const parsed = ScenarioSchema.safeParse(json)
  if (!parsed.success) throw new Error(`${file}: invalid scenario:\n${formatIssues(parsed.error)}`)
  return parsed.data
}

function loadCommitted(file: string): Recording | null {
  const path = join(RECORDING_DIR, file)
  if (!existsSync(path)) return null
  const parsed = RecordingSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')))
  if (!parsed.success) throw new Error(`recordings/${file}: invalid recording:\n${formatIssues(parsed.error)}`)
  return parsed.data
}

type RunScenario = (input: unknown) => { ok: true; value: SimResult } | { ok: false; error: { message: string } }

async function loadSimulator(): Promise<RunScenario | string> {
  const url = new URL('../index.ts', import.meta.url)
  if (!existsSync(fileURLToPath(url))) return 'simulator/index.ts does not exist yet'
  const mod = (await import(url.href)) as { runScenario?: unknown }
  return typeof mod.runScenario === 'function' ? (mod.runScenario as RunScenario) : 'simulator/index.ts exports no runScenario'
}

async function pool<T>(items: T[], jobs: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(jobs, items.length) }, async () => {
      while (next < items.length) {
        const i = next++
        await work(items[i] as T, i)
      }
    }),
  )
}

async function main(): Promise<number> {
  const opts = parseArgs(process.argv.slice(2))
  if (process.getuid?.() !== 0) throw new Error('the recorder needs root (network namespaces, dockerd)')
  installSignalHandlers()
  const files = readdirSync(SCENARIO_DIR)
    .filter((f) => /^\d{3}-[a-z0-9-]+\.json$/.test(f))
    .filter((f) => opts.only === null || opts.only.some((n) => f.startsWith(`${n}-`)))
    .sort()
  if (files.length === 0) throw new Error(`no scenarios match ${opts.only?.join(',') ?? '(all)'} in ${SCENARIO_DIR}`)
  const scenarios = new Map(files.map((f) => [f, loadScenario(f)]))
  const workRoot = mkdtempSync(join(tmpdir(), `pp-${process.pid}-`))
  const freshDir = join(workRoot, 'recordings')
  mkdirSync(freshDir)
  const sim = await loadSimulator()
  if (typeof sim === 'string') console.log(`conformance: simulator not compared: ${sim}`)
  let match = 0
  let differ = 0
  let skipped = 0
  let failed = 0
  try {
    const rootfsTar = await buildRootfsTar(workRoot)
    await pool(files, opts.jobs, async (file, index) => {
      const scenario = scenarios.get(file) as Scenario
      const started = Date.now()
      let fresh: Recording
      try {
        fresh = { ...(await recordScenario({ file, scenario, prefix: `pp${process.pid % 100000}s${index}`, workRoot, rootfsTar })), ...ANNOTATIONS[file] }
      } catch (err) {
        differ++
        failed++
        console.log(`✗ ${file}: could not record: ${(err as Error).message}`)
        return
      }
      writeFileSync(join(freshDir, file), `${JSON.stringify(fresh, null, 2)}\n`)
      if (opts.write) writeFileSync(join(RECORDING_DIR, file), `${JSON.stringify(fresh, null, 2)}\n`)
      const committed = opts.write ? fresh : loadCommitted(file)
      const problems: string[] = []
      if (committed === null) {
        skipped++
        console.log(`- ${file}: no committed recording (run with --write)`)
        return
      }
      problems.push(...diffRecordings(fresh, committed).map((d) => `engine vs committed: ${d}`))
      if (typeof sim !== 'string') {
        const res = sim(scenario)
        if (!res.ok) problems.push(`simulator rejected the scenario: ${res.error.message}`)
        else problems.push(...compareWithRecording(res.value, fresh).mismatches.map((d) => `simulator vs engine: ${d}`))
      }
      const secs = ((Date.now() - started) / 1000).toFixed(1)
      if (problems.length === 0) {
        match++
        console.log(`✓ ${file} (${secs} s)`)
      } else {
        differ++
        console.log(`✗ ${file} (${secs} s)\n    ${problems.join('\n    ')}`)
      }
    })
  } finally {
    rmSync(workRoot, { recursive: true, force: true })
  }
  console.log(`conformance: ${files.length} scenarios, ${match} match, ${differ} differ, ${skipped} skipped`)
  if (opts.write) return failed > 0 ? 1 : 0
  return differ > 0 || typeof sim === 'string' ? 1 : 0
}

main().then(
  (code) => process.exit(code),
  (err: Error) => {
    console.error(`conformance: ${err.message}`)
    process.exit(2)
  },
)
