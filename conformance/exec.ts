/**
 * Child-process helpers for the recorder: every command the test bed runs goes through here, so each
 * one is bounded by a timeout and its PID can be reported to the cleanup registry.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { createWriteStream } from 'node:fs'
import { constants } from 'node:os'

export type ExecResult = { code: number; stdout: string; stderr: string; timedOut: boolean }

export type ExecOptions = { timeoutMs?: number; input?: string }

/** Runs argv (no shell) and collects its output; a command past its timeout is killed by its own PID. */
export function execArgv(argv: readonly string[], options: ExecOptions = {}): Promise<ExecResult> {
  const [cmd, ...args] = argv
  if (cmd === undefined) return Promise.reject(new Error('execArgv: empty command'))
  const timeoutMs = options.timeoutMs ?? 60_000
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      child.kill('SIGKILL')
    }, timeoutMs)
    child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('error', (err) => {
      clearTimeout(timer)
      reject(new Error(`could not run ${argv.join(' ')}: ${err.message}`))
    })
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      // A child killed by a signal reports 128+N, as a shell would (busybox `timeout` ends wget with TERM: 143).
      resolve({ code: code ?? 128 + (signal ? constants.signals[signal] : 0), stdout, stderr, timedOut })
    })
    if (options.input !== undefined) child.stdin?.end(options.input)
  })
}

/** Like execArgv but a non-zero exit is an error naming the command and its stderr. */
export async function mustExec(argv: readonly string[], options: ExecOptions = {}): Promise<string> {
  const res = await execArgv(argv, options)
  if (res.code !== 0) {
    throw new Error(`command failed (${res.code}${res.timedOut ? ', timed out' : ''}): ${argv.join(' ')}\n${res.stderr.trim()}`)
  }
  return res.stdout
}

/** Starts a long-running process; the caller registers child.pid for cleanup. */
export function spawnDaemon(argv: readonly string[], logPath?: string): ChildProcess {
  const [cmd, ...args] = argv
  if (cmd === undefined) throw new Error('spawnDaemon: empty command')
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] })
  if (logPath !== undefined) {
    const log = createWriteStream(logPath)
    child.stdout?.pipe(log)
    child.stderr?.pipe(log)
  } else {
    child.stdout?.resume()
    child.stderr?.resume()
  }
  return child
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
