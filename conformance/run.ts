/**
 * `npm run test:conformance [-- --write] [-- --only NNN[,NNN]] [-- --jobs N] [-- --check]`
 * Re-records every scenario against a live Docker Engine (one fresh test bed per scenario, N at a time) into
 * a temp dir, then diffs the fresh recordings against the committed ones and against the simulator.
 * `--write` copies the fresh recordings over the committed ones. Needs root, ip, iptables and dockerd.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ANNOTATIONS } from './annotations'
import { Cleanup, installSignalHandlers, isAborting, track, untrack } from './cleanup'
import { startEngine } from './engine'
import { mustExec } from './exec'
import { compareWithRecording, diffRecordings, type SimResult } from './compare'
import { buildRootfsTar } from './images'
import { recordScenario } from './recorder'
import { listFiles, readRecording, readScenario, RECORDING_DIR, SCENARIO_DIR } from './load'
import { ScenarioSchema, type Recording, type Scenario } from './schema'

type Options = { write: boolean; only: string[] | null; jobs: number; check: boolean }

function parseArgs(argv: string[]): Options {
  const opts: Options = { write: false, only: null, jobs: 3, check: false }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--write') opts.write = true
    else if (a === '--check') opts.check = true
    else if (a === '--only') opts.only = (argv[++i] ?? '').split(',').filter(Boolean)
    else if (a === '--jobs') opts.jobs = Number(argv[++i])
    else throw new Error(`unknown option "${a}" (use --write, --only NNN[,NNN], --jobs N, --check)`)
  }
  if (opts.only?.length === 0) throw new Error('--only needs scenario numbers, e.g. --only 007 or --only 007,012')
  if (!Number.isInteger(opts.jobs) || opts.jobs < 1 || opts.jobs > 8) throw new Error('--jobs takes a whole number from 1 to 8')
  return opts
}

function loadCommitted(file: string): Recording | null {
  return existsSync(join(RECORDING_DIR, file)) ? readRecording(file) : null
}

type RunScenario = (input: unknown) => { ok: true; value: SimResult } | { ok: false; error: { message: string } }

async function loadSimulator(): Promise<RunScenario | string> {
  const url = new URL('../simulator/index.ts', import.meta.url)
  if (!existsSync(fileURLToPath(url))) return 'simulator/index.ts does not exist yet'
  const mod = (await import(url.href)) as { runScenario?: unknown }
  return typeof mod.runScenario === 'function' ? (mod.runScenario as RunScenario) : 'simulator/index.ts exports no runScenario'
}

async function pool<T>(items: T[], jobs: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(jobs, items.length) }, async () => {
      while (next < items.length && !isAborting()) {
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
  if (opts.check) return checkEngine()
  const files = listFiles(SCENARIO_DIR)
    .filter((f) => opts.only === null || opts.only.some((n) => f.startsWith(`${n}-`)))
  if (files.length === 0) throw new Error(`no scenarios match ${opts.only?.join(',') ?? '(all)'} in ${SCENARIO_DIR}`)
  const scenarios = new Map(files.map((f) => [f, ScenarioSchema.parse(readScenario(f))]))
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
        try {
          const res = sim(scenario)
          if (!res.ok) problems.push(`simulator rejected the scenario: ${res.error.message}`)
          else problems.push(...compareWithRecording(res.value, fresh).mismatches.map((d) => `simulator vs engine: ${d}`))
        } catch (err) {
          // The engine must never throw (issue 3); report it against this scenario and keep going.
          problems.push(`simulator threw: ${(err as Error).message}`)
        }
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
  if (isAborting()) return 130
  if (opts.write) return failed > 0 ? 1 : 0
  return differ > 0 || typeof sim === 'string' ? 1 : 0
}

/** `--check`: start one engine in a throwaway namespace and stop it again (used by scripts/ci-conformance.sh). */
async function checkEngine(): Promise<number> {
  const workRoot = mkdtempSync(join(tmpdir(), `pp-${process.pid}-`))
  const cleanup = track(new Cleanup())
  cleanup.addDir(workRoot)
  try {
    const netns = `pp${process.pid % 100000}check`
    await mustExec(['ip', 'netns', 'add', netns])
    cleanup.addNetns(netns)
    await mustExec(['ip', '-n', netns, 'link', 'set', 'lo', 'up'])
    const dir = join(workRoot, 'engine')
    mkdirSync(dir)
    const engine = await startEngine('check', netns, dir, await buildRootfsTar(workRoot), cleanup)
    console.log(`conformance: engine started: docker ${engine.version}`)
    return 0
  } finally {
    await cleanup.run()
    untrack(cleanup)
  }
}

main().then(
  (code) => process.exit(code),
  (err: Error) => {
    console.error(`conformance: ${err.message}`)
    process.exit(2)
  },
)
