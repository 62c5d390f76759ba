// A throwaway PostgreSQL 15 server for tests, the two-instance e2e and the benchmark: Debian's `postgresql`
// package (initdb/pg_ctl under /usr/lib/postgresql/15/bin), a cluster in a temporary directory owned by the
// `postgres` user (initdb refuses to run as root), listening on 127.0.0.1 only, stopped by the PID in its
// postmaster.pid. Nothing is mocked: the tests talk to a real server. It fails loudly when the server cannot start.
import { execFileSync, spawnSync } from 'node:child_process'
import { chmodSync, chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { freePort } from './server-helpers.mjs'

// Re-exported for the tests and the cluster e2e that take a port from here.
export { freePort }

export const PG_BIN = process.env.PG_BIN || '/usr/lib/postgresql/15/bin'

function postgresIds() {
  const out = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' })
  const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' })
  if (out.status !== 0) throw new Error('PostgreSQL for the tests: there is no `postgres` user; install Debian\'s postgresql package (apt-get install postgresql)')
  return { uid: Number(out.stdout.trim()), gid: Number(gid.stdout.trim()) }
}

/** Runs a PostgreSQL program as `postgres` when we are root (initdb and postgres refuse root), else as ourselves. */
function runPg(program, args) {
  const bin = path.join(PG_BIN, program)
  const asRoot = process.getuid?.() === 0
  const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args]
  const res = spawnSync(cmd, argv, { encoding: 'utf8' })
  if (res.status !== 0) {
    throw new Error(`PostgreSQL for the tests: ${program} ${args.join(' ')} failed (${res.error?.message ?? `exit ${res.status}`}):\n${res.stderr}${res.stdout}`)
  }
  return res.stdout
}

/**
 * Starts a fresh cluster and returns its superuser URL (trust auth on loopback: a throwaway test server).
 * `durable: false` turns fsync off: only for test databases that are thrown away (never for the benchmark).
 * @param {{ port?: number, durable?: boolean, maxConnections?: number }} [options]
 */
export async function startPostgres(options = {}) {
  if (!existsSync(path.join(PG_BIN, 'pg_ctl'))) {
    throw new Error(`PostgreSQL for the tests: ${PG_BIN}/pg_ctl is missing; install Debian's postgresql package (apt-get install postgresql) or set PG_BIN`)
  }
  const port = options.port ?? (await freePort())
  const dir = mkdtempSync(path.join(tmpdir(), 'packet-path-pg-'))
  chmodSync(dir, 0o700)
  if (process.getuid?.() === 0) {
    const { uid, gid } = postgresIds()
    chownSync(dir, uid, gid)
  }
  const data = path.join(dir, 'data')
  const stop = () => stopPostgres(dir)
  let settings = []
  const launch = () => runPg('pg_ctl', ['-D', data, '-l', path.join(dir, 'server.log'), '-o', settings.join(' '), '-w', '-t', '60', 'start'])
  try {
    runPg('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync'])
    settings = [
      `-p ${port}`,
      "-c listen_addresses='127.0.0.1'",
      `-c unix_socket_directories='${dir}'`,
      `-c max_connections=${options.maxConnections ?? 200}`,
      ...(options.durable === false ? ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off'] : []),
    ]
    launch()
  } catch (error) {
    const log = path.join(dir, 'server.log')
    const tail = existsSync(log) ? `\nserver log:\n${readFileSync(log, 'utf8').slice(-2000)}` : ''
    stop()
    throw new Error(`${error instanceof Error ? error.message : String(error)}${tail}`)
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    dir,
    stop,
    /** Shuts the server down but keeps its data (a database outage, for tests). */
    halt: () => haltPostgres(dir),
    /** Starts it again on the same data and port. */
    resume: launch,
  }
}

/** Fast shutdown by the PID in postmaster.pid, waiting until it has exited; then removes the directory. */
export function stopPostgres(dir) {
  haltPostgres(dir)
  rmSync(dir, { recursive: true, force: true })
}

function haltPostgres(dir) {
  const pidFile = path.join(dir, 'data', 'postmaster.pid')
  if (existsSync(pidFile)) {
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0])
    if (Number.isInteger(pid) && pid > 0) {
      try {
        process.kill(pid, 'SIGINT')
        const deadline = Date.now() + 30_000
        while (Date.now() < deadline) {
          process.kill(pid, 0)
          execFileSync('sleep', ['0.1'])
        }
        process.kill(pid, 'SIGKILL')
      } catch {
        // ESRCH: it has exited.
      }
    }
  }
}

/** The URL of database `name` on the server `adminUrl` points at. */
export function databaseUrl(adminUrl, name) {
  const u = new URL(adminUrl)
  u.pathname = `/${name}`
  return u.toString()
}
