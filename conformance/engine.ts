/**
 * One Docker Engine inside a host's network namespace. `ip netns exec` gives dockerd a fresh mount namespace
 * with /sys remounted for the netns, so the cgroup v1 hierarchies are mounted again before dockerd starts.
 * dockerd also gets its own UTS namespace named after the host. The sockets, data and exec roots live under
 * the run's temp dir; nothing touches the machine's own engine.
 */
import { writeFileSync, readFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Cleanup } from './cleanup'
import { execArgv, mustExec, sleep, spawnDaemon } from './exec'
import { importImages } from './images'

export const DOCKER_CLIENT = existsSync('/usr/local/bin/docker') ? '/usr/local/bin/docker' : '/usr/bin/docker'
const CGROUPS = ['cpu', 'cpuacct', 'cpuset', 'memory', 'devices', 'freezer', 'blkio', 'pids']

export type Engine = { host: string; netns: string; socket: string; docker: readonly string[]; version: string; dir: string }

function startScript(host: string, dir: string, socket: string): string {
  const mounts = CGROUPS.map((c) => `mkdir -p /sys/fs/cgroup/${c} && mount -t cgroup -o ${c} cgroup /sys/fs/cgroup/${c}`).join('\n')
  return `set -e
hostname ${host}
mount -t tmpfs cgroup /sys/fs/cgroup
${mounts}
mkdir -p /sys/fs/cgroup/systemd && mount -t cgroup -o none,name=systemd cgroup /sys/fs/cgroup/systemd
exec /usr/sbin/dockerd --host unix://${socket} --data-root ${dir}/data --exec-root ${dir}/exec --pidfile ${dir}/dockerd.pid --dns 127.0.0.1
`
}

export async function startEngine(host: string, netns: string, dir: string, rootfsTar: string, cleanup: Cleanup): Promise<Engine> {
  const socket = join(dir, 'docker.sock')
  writeFileSync(join(dir, 'start.sh'), startScript(host, dir, socket))
  // Own UTS namespace: swarm names nodes by hostname, and `--constraint node.hostname==host1` must match.
  const child = spawnDaemon(['ip', 'netns', 'exec', netns, 'unshare', '--uts', 'sh', join(dir, 'start.sh')], join(dir, 'dockerd.log'))
  // dockerd stops its containers on SIGTERM; containers were already removed by stopEngine, so 20 s is ample.
  cleanup.addProcess(child, `dockerd ${host}`, 20_000)
  const docker = [DOCKER_CLIENT, '-H', `unix://${socket}`]
  let version = ''
  for (let i = 0; i < 150 && version === ''; i++) {
    if (child.exitCode !== null) break
    const res = await execArgv([...docker, 'version', '--format', '{{.Server.Version}}'], { timeoutMs: 5000 })
    if (res.code === 0) version = res.stdout.trim()
    else await sleep(200)
  }
  if (version === '') {
    const log = existsSync(join(dir, 'dockerd.log')) ? readFileSync(join(dir, 'dockerd.log'), 'utf8').split('\n').slice(-8).join('\n') : ''
    throw new Error(`dockerd on ${host} did not start:\n${log}`)
  }
  await importImages(docker, rootfsTar, host)
  return { host, netns, socket, docker, version, dir }
}

/** Removes every container (SIGKILL, so a PID 1 that ignores TERM does not cost 10 s) before dockerd is stopped. */
export async function wipeContainers(engine: Engine): Promise<string[]> {
  const ids = (await execArgv([...engine.docker, 'ps', '-aq', '--no-trunc'], { timeoutMs: 15_000 })).stdout.split(/\s+/).filter(Boolean)
  if (ids.length > 0) await execArgv([...engine.docker, 'rm', '-f', ...ids], { timeoutMs: 60_000 })
  return ids
}

/** Container processes live in their own namespaces; kill any left in their cgroups by PID. */
export function killContainerCgroups(ids: readonly string[]): void {
  for (const id of ids) {
    const procs = `/sys/fs/cgroup/pids/docker/${id}/cgroup.procs`
    if (!existsSync(procs)) continue
    for (const pid of readFileSync(procs, 'utf8').split(/\s+/).filter(Boolean)) {
      try {
        process.kill(Number(pid), 'SIGKILL')
      } catch {
        // Exited meanwhile.
      }
    }
  }
}

export async function dockerInspect(engine: Engine, ids: readonly string[]): Promise<unknown[]> {
  if (ids.length === 0) return []
  const out = await mustExec([...engine.docker, 'inspect', ...ids], { timeoutMs: 30_000 })
  return JSON.parse(out) as unknown[]
}

export async function containerIds(engine: Engine, all: boolean): Promise<string[]> {
  const out = await mustExec([...engine.docker, 'ps', '-q', '--no-trunc', ...(all ? ['-a'] : [])], { timeoutMs: 15_000 })
  return out.split(/\s+/).filter(Boolean)
}
