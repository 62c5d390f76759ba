// The deployment README "Running for a class" describes, on loopback: one PostgreSQL 15 (scripts/pg-server.mjs),
// two app instances (scripts/serve.mjs, what each `npm start` worker runs) started at the same moment on a fresh
// database, and Debian's nginx in front with deploy/nginx.conf (addresses substituted) as a round-robin proxy.
// Everything is started here and stopped by PID.
//
// nginx connects to the instances from 127.0.0.2 (proxy_bind), and only that address is in TRUSTED_PROXIES, so the
// test's own client (127.0.0.1, or 127.0.0.3) is a different address from the proxy's: on one machine, this is the
// only way to tell "believed because nginx sent it" from "believed because it came from loopback".
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { databaseUrl, freePort, startPostgres } from '../../scripts/pg-server.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
export const PROXY_ADDRESS = '127.0.0.2'
export const NGINX = process.env.NGINX_BIN || '/usr/sbin/nginx'

export type Instance = { name: 'a' | 'b'; port: number; url: string; child: ChildProcess; output: string[]; dataDir: string }
export type Cluster = {
  proxyUrl: string
  instances: [Instance, Instance]
  adminToken: string
  stop: () => Promise<void>
}

const port = async (name: string) => (process.env[name] ? Number(process.env[name]) : await freePort())

/** Waits for `probe`; `gone` names a reason to stop waiting at once (the process being waited for has exited). */
async function until(what: string, probe: () => Promise<boolean>, timeoutMs: number, detail: () => string = () => '', gone: () => string | null = () => null) {
  const deadline = Date.now() + timeoutMs
  while (!(await probe().catch(() => false))) {
    const reason = gone()
    if (reason !== null) throw new Error(`${reason} while waiting for ${what}${detail()}`)
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${detail()}`)
    await new Promise((r) => setTimeout(r, 250))
  }
}

function startInstance(name: 'a' | 'b', port: number, env: Record<string, string>): Instance {
  const dataDir = mkdtempSync(path.join(tmpdir(), `packet-path-${name}-`))
  const child = spawn(process.execPath, [path.join(root, 'scripts', 'serve.mjs')], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const output: string[] = []
  child.stdout?.on('data', (d: Buffer) => output.push(d.toString()))
  child.stderr?.on('data', (d: Buffer) => output.push(d.toString()))
  return { name, port, url: `http://127.0.0.1:${port}`, child, output, dataDir }
}

/** deploy/nginx.conf with this run's addresses, wrapped in a main config that keeps every file in `dir`. */
function nginxConfig(dir: string, listen: number, upstreams: number[]): string {
  let site = readFileSync(path.join(root, 'deploy', 'nginx.conf'), 'utf8')
  const replace = (from: RegExp, to: string) => {
    if (!from.test(site)) throw new Error(`deploy/nginx.conf no longer contains ${from}; update e2e/cluster/cluster.ts`)
    site = site.replace(from, to)
  }
  replace(/server 10\.0\.0\.11:3000/, `server 127.0.0.1:${upstreams[0]}`)
  replace(/server 10\.0\.0\.12:3000/, `server 127.0.0.1:${upstreams[1]}`)
  replace(/listen 80;/, `listen 127.0.0.1:${listen};`)
  // Test-only: connect from the proxy's own address, and say which instance answered. Every location gets it: nginx
  // keeps one pool of keep-alive connections per upstream, so a connection the health location opened from 127.0.0.1
  // would later carry a learner's request, which the instance then keys on 127.0.0.1 (the XFF test's rare 429).
  replace(/proxy_pass http:\/\/packet_path;/g, `proxy_pass http://packet_path;\n        proxy_bind ${PROXY_ADDRESS};\n        add_header X-Upstream $upstream_addr always;`)
  const temp = path.join(dir, 'temp')
  mkdirSync(temp)
  chmodSync(temp, 0o777)
  return [
    'worker_processes 1;',
    `pid ${dir}/nginx.pid;`,
    `error_log ${dir}/error.log warn;`,
    'events { worker_connections 512; }',
    'http {',
    `  access_log ${dir}/access.log;`,
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${temp}/${t};`),
    site,
    '}',
    '',
  ].join('\n')
}

export async function startCluster(): Promise<Cluster> {
  const postgres = await startPostgres({ port: process.env.E2E_PG_PORT ? Number(process.env.E2E_PG_PORT) : undefined })
  const cleanups: (() => void | Promise<void>)[] = [() => postgres.stop()]
  const stop = async () => {
    for (const c of cleanups.reverse()) await c()
  }
  try {
    const admin = new pg.Client({ connectionString: postgres.url })
    await admin.connect()
    await admin.query('create database course')
    await admin.end()

    const [portA, portB, proxyPort] = [await port('E2E_INSTANCE_A_PORT'), await port('E2E_INSTANCE_B_PORT'), await port('E2E_PROXY_PORT')]
    const adminToken = randomBytes(18).toString('base64url')
    const env = {
      DATABASE_URL: databaseUrl(postgres.url, 'course'),
      DATABASE_POOL_SIZE: '5',
      SESSION_SECRET: randomBytes(32).toString('hex'),
      TRUSTED_PROXIES: PROXY_ADDRESS,
      ADMIN_TOKEN: adminToken,
    }
    // Both at once on an empty database: Kysely's migration lock must let exactly one migrate.
    const instances: [Instance, Instance] = [startInstance('a', portA, env), startInstance('b', portB, env)]
    for (const i of instances) {
      cleanups.push(async () => {
        if (i.child.exitCode === null && i.child.signalCode === null) {
          i.child.kill('SIGTERM')
          await new Promise((r) => i.child.once('exit', r))
        }
        rmSync(i.dataDir, { recursive: true, force: true })
      })
    }
    // A port is picked before the server binds it; on a busy machine another process can take it in between, and
    // its /api/health would then answer for ours. So the instance must still be running when the port answers.
    const alive = (c: { exitCode: number | null; signalCode: NodeJS.Signals | null }) => c.exitCode === null && c.signalCode === null
    for (const i of instances) {
      const probe = async () => {
        const res = await fetch(`${i.url}/api/health`)
        return res.ok && ((await res.json()) as { database?: string }).database === 'postgresql' && alive(i.child)
      }
      await until(`instance ${i.name} to report healthy`, probe, 180_000, () => `:\n${i.output.join('')}`, () => (alive(i.child) ? null : `instance ${i.name} exited`))
    }

    const dir = mkdtempSync(path.join(tmpdir(), 'packet-path-nginx-'))
    chmodSync(dir, 0o755)
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
    const conf = path.join(dir, 'nginx.conf')
    writeFileSync(conf, nginxConfig(dir, proxyPort, [portA, portB]))
    const check = spawnSync(NGINX, ['-t', '-q', '-p', dir, '-e', path.join(dir, 'error.log'), '-c', conf], { encoding: 'utf8' })
    if (check.status !== 0) throw new Error(`nginx -t refused the generated config (${conf}):\n${check.stderr}`)
    const nginx = spawn(NGINX, ['-p', dir, '-e', path.join(dir, 'error.log'), '-c', conf, '-g', 'daemon off;'], { stdio: 'ignore' })
    cleanups.push(async () => {
      if (nginx.exitCode === null && nginx.signalCode === null) {
        nginx.kill('SIGQUIT')
        await new Promise((r) => nginx.once('exit', r))
      }
    })
    const proxyUrl = `http://127.0.0.1:${proxyPort}`
    await until('nginx to proxy /api/health', async () => (await fetch(`${proxyUrl}/api/health`)).ok, 30_000)
    const dead = [...instances.filter((i) => !alive(i.child)).map((i) => `instance ${i.name}`), ...(alive(nginx) ? [] : ['nginx'])]
    if (dead.length > 0) throw new Error(`${dead.join(' and ')} exited while the cluster started (a port taken by another process?); see ${dir}/error.log`)
    return { proxyUrl, instances, adminToken, stop }
  } catch (error) {
    await stop()
    throw error
  }
}
