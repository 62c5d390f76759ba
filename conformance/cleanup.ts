/**
 * Everything the recorder starts or creates is registered here and undone in reverse order: processes are
 * stopped by their own PID, then any process left in one of *our* namespaces (a dockerd's containerd,
 * shims, containers) by PID, then the namespaces and temp directories are deleted.
 */
import type { ChildProcess } from 'node:child_process'
import { rmSync } from 'node:fs'
import { execArgv, sleep } from './exec'

type Entry =
  | { kind: 'process'; child: ChildProcess; label: string; graceMs: number }
  | { kind: 'netns'; name: string }
  | { kind: 'dir'; path: string }

export class Cleanup {
  private entries: Entry[] = []
  private running: Promise<string[]> | null = null

  addProcess(child: ChildProcess, label: string, graceMs = 3000): void {
    this.entries.push({ kind: 'process', child, label, graceMs })
  }
  addNetns(name: string): void {
    this.entries.push({ kind: 'netns', name })
  }
  addDir(path: string): void {
    this.entries.push({ kind: 'dir', path })
  }

  /** Undoes everything once; a second caller waits for the same teardown. */
  run(): Promise<string[]> {
    this.running ??= this.teardown()
    return this.running
  }

  private async teardown(): Promise<string[]> {
    const problems: string[] = []
    const entries = [...this.entries].reverse()
    this.entries = []
    for (const e of entries.filter((x) => x.kind === 'process')) {
      if (e.kind === 'process') await stopProcess(e.child, e.graceMs)
    }
    for (const e of entries) {
      if (e.kind === 'netns') {
        await killNetnsPids(e.name)
        const res = await execArgv(['ip', 'netns', 'delete', e.name], { timeoutMs: 15_000 })
        if (res.code !== 0) problems.push(`ip netns delete ${e.name}: ${res.stderr.trim()}`)
      } else if (e.kind === 'dir') {
        try {
          rmSync(e.path, { recursive: true, force: true })
        } catch (err) {
          problems.push(`rm -rf ${e.path}: ${(err as Error).message}`)
        }
      }
    }
    return problems
  }
}

async function stopProcess(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  child.kill('SIGTERM')
  const res = await Promise.race([exited.then(() => true), sleep(graceMs).then(() => false)])
  if (!res) {
    child.kill('SIGKILL')
    await Promise.race([exited, sleep(2000)])
  }
}

/** Processes still inside a namespace we created were started (directly or not) by our own daemons. */
async function killNetnsPids(name: string): Promise<void> {
  for (let round = 0; round < 3; round++) {
    const res = await execArgv(['ip', 'netns', 'pids', name], { timeoutMs: 10_000 })
    const pids = res.stdout.split(/\s+/).filter((p) => /^\d+$/.test(p)).map(Number)
    if (pids.length === 0) return
    for (const pid of pids) {
      try {
        process.kill(pid, round === 0 ? 'SIGTERM' : 'SIGKILL')
      } catch {
        // Already gone between listing and killing: nothing left to stop.
      }
    }
    await sleep(round === 0 ? 1000 : 300)
  }
}

/** All live Cleanup objects, so SIGINT/SIGTERM can undo everything before exiting. */
const live = new Set<Cleanup>()

export function track(c: Cleanup): Cleanup {
  live.add(c)
  return c
}
export function untrack(c: Cleanup): void {
  live.delete(c)
}

let aborting = false

/** True after the first SIGINT/SIGTERM: recorders stop at their next step and clean up after themselves. */
export function isAborting(): boolean {
  return aborting
}

export function throwIfAborting(): void {
  if (aborting) throw new Error('interrupted')
}

let installed = false
export function installSignalHandlers(): void {
  if (installed) return
  installed = true
  const handler = (signal: NodeJS.Signals) => {
    if (!aborting) {
      aborting = true
      process.stderr.write(`\nconformance: ${signal}: finishing the current command, then removing namespaces and daemons (again to force)…\n`)
      return
    }
    process.stderr.write(`\nconformance: ${signal} again: cleaning up now…\n`)
    void Promise.all([...live].map((c) => c.run())).finally(() => process.exit(130))
  }
  process.on('SIGINT', handler)
  process.on('SIGTERM', handler)
}
