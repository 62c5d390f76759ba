/**
 * Runs one probe on the test bed with busybox clients (`timeout 6 wget`, `ping -c 1 -W 4`, `nslookup`) from a
 * host's netns or through `docker exec`, classifies what the client saw and works out who answered.
 */
import { classifyCurl, classifyNslookup, classifyPing, classifyUdp, toContainerLabel, type Classified } from './classify'
import { containerIds, dockerInspect } from './engine'
import { execArgv } from './exec'
import { BUSYBOX } from './images'
import { parseProbeCommand, toBusyboxArgv } from './probe-command'
import type { AnsweredBy, RecordedProbe } from './schema'
import type { Testbed } from './testbed'

type Owner = { host: string; container: string | null }

type InspectedContainer = {
  Name: string
  State: { Pid: number; Running: boolean }
  HostConfig: { NetworkMode: string }
  NetworkSettings: { Networks: Record<string, { IPAddress: string }> }
}

/** Who owns each IPv4 address on the test bed right now: host interfaces and running containers. */
export async function buildOwnerMap(bed: Testbed): Promise<Map<string, Owner>> {
  const owners = new Map<string, Owner>()
  for (const [host, ns] of bed.hostNetns) {
    const res = await execArgv(['ip', '-n', ns, '-4', '-o', 'addr', 'show'], { timeoutMs: 10_000 })
    for (const m of res.stdout.matchAll(/inet (\d+\.\d+\.\d+\.\d+)\//g)) if (m[1] && m[1] !== '127.0.0.1') owners.set(m[1], { host, container: null })
  }
  for (const [host, engine] of bed.engines) {
    const inspected = (await dockerInspect(engine, await containerIds(engine, false))) as InspectedContainer[]
    for (const c of inspected) {
      for (const net of Object.values(c.NetworkSettings.Networks ?? {})) {
        if (net.IPAddress) owners.set(net.IPAddress, { host, container: toContainerLabel(c.Name) })
      }
    }
  }
  return owners
}

async function containerNames(bed: Testbed, host: string): Promise<Map<string, string>> {
  const engine = bed.engines.get(host)
  const names = new Map<string, string>()
  if (!engine) return names
  const res = await execArgv([...engine.docker, 'ps', '-a', '--no-trunc', '--format', '{{.ID}}\t{{.Names}}'], { timeoutMs: 15_000 })
  for (const line of res.stdout.split('\n')) {
    const [id, list] = line.split('\t')
    // Legacy links add "other/alias" entries to the list; the container's own name has no slash.
    const name = list?.split(',').find((n) => !n.includes('/'))
    if (id && name) names.set(id, toContainerLabel(name))
  }
  return names
}

async function containerPid(bed: Testbed, host: string, container: string): Promise<number | null> {
  const engine = bed.engines.get(host)
  if (!engine) return null
  const res = await execArgv([...engine.docker, 'inspect', '-f', '{{.State.Pid}}', container], { timeoutMs: 15_000 })
  const pid = Number(res.stdout.trim())
  return res.code === 0 && pid > 0 ? pid : null
}

/** The kernel's neighbour state for the next hop towards `address`, seen from the probe's own netns. */
async function neighbourState(prefix: string[], address: string): Promise<string | null> {
  const route = await execArgv([...prefix, 'ip', '-4', 'route', 'get', address], { timeoutMs: 10_000 })
  if (route.code !== 0) return null
  const via = /via (\S+)/.exec(route.stdout)?.[1] ?? address
  const dev = /dev (\S+)/.exec(route.stdout)?.[1]
  if (!dev || dev === 'lo') return null
  const neigh = await execArgv([...prefix, 'ip', '-4', 'neigh', 'show', via, 'dev', dev], { timeoutMs: 10_000 })
  return neigh.stdout.trim() || null
}

export async function runProbe(run: string, from: string, bed: Testbed, owners: Map<string, Owner>): Promise<RecordedProbe> {
  const parsed = parseProbeCommand(run)
  if (!parsed.ok) throw new Error(`probe "${run}": ${parsed.error}`)
  const { exec, command } = parsed.value
  const netns = bed.hostNetns.get(from)
  if (!netns) throw new Error(`probe "${run}": no host named "${from}"`)
  let argv: string[]
  if (exec !== null) {
    const engine = bed.engines.get(from)
    if (!engine) throw new Error(`probe "${run}": ${from} does not run Docker Engine`)
    argv = [...engine.docker, 'exec', exec, ...toBusyboxArgv(command, '/bin/busybox', null)]
  } else {
    argv = ['ip', 'netns', 'exec', netns, ...toBusyboxArgv(command, BUSYBOX, '127.0.0.1')]
  }
  const out = await execArgv(argv, { timeoutMs: 30_000 })
  let classified: Classified
  switch (command.kind) {
    case 'curl':
      classified = classifyCurl(out)
      break
    case 'nslookup':
      classified = classifyNslookup(out)
      break
    case 'nc-udp':
      classified = classifyUdp(out)
      break
    case 'ping': {
      let state: string | null = null
      if (!/ 1 packets received/.test(out.stdout)) {
        const pid = exec !== null ? await containerPid(bed, from, exec) : null
        const prefix = exec !== null ? (pid ? ['nsenter', '-t', String(pid), '-n'] : null) : ['ip', 'netns', 'exec', netns]
        if (prefix) state = await neighbourState(prefix, command.address)
      }
      classified = classifyPing(out, state)
      break
    }
  }
  const probe: Omit<RecordedProbe, 'observed'> = { outcome: classified.outcome }
  if (classified.outcome === 'delivered' && command.kind === 'curl') {
    probe.answeredBy = await answerOf(classified, bed)
  } else if (classified.outcome === 'delivered' && command.kind === 'ping') {
    probe.answeredBy = pingOwner(classified.replyFrom ?? command.address, from, exec, owners)
  }
  if (classified.address) probe.address = classified.address
  return { ...probe, observed: classified.observed }
}

async function answerOf(classified: Classified, bed: Testbed): Promise<AnsweredBy | null> {
  const a = classified.answer
  if (!a) return null
  if (a.containerId === null) return { host: a.host, container: null, port: a.port }
  const name = (await containerNames(bed, a.host)).get(a.containerId)
  return { host: a.host, container: name ?? `unknown:${a.containerId.slice(0, 12)}`, port: a.port }
}

function pingOwner(address: string, from: string, exec: string | null, owners: Map<string, Owner>): AnsweredBy | null {
  if (address.startsWith('127.')) return { host: from, container: exec, port: null }
  const owner = owners.get(address)
  return owner ? { host: owner.host, container: owner.container, port: null } : null
}
