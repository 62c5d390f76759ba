/**
 * Builds a scenario's world out of network namespaces: one netns per host, one per LAN holding a Linux
 * bridge as the switch, a veth from the switch into each host for each NIC, the LAN's gateway as the
 * host's default route, a stub DNS per host, busybox httpd for plain-host services and a dockerd for
 * docker hosts. All traffic stays inside these namespaces.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { throwIfAborting, type Cleanup } from './cleanup'
import { startEngine, type Engine } from './engine'
import { mustExec, spawnDaemon } from './exec'
import { BUSYBOX } from './images'
import type { Scenario } from './schema'

export type Testbed = { prefix: string; hostNetns: Map<string, string>; engines: Map<string, Engine>; hostIps: Map<string, string[]> }

const STUB_DNS = fileURLToPath(new URL('./stub-dns.ts', import.meta.url))

async function ip(...args: string[]): Promise<void> {
  await mustExec(['ip', ...args], { timeoutMs: 15_000 })
}

async function addNetns(name: string, cleanup: Cleanup): Promise<void> {
  await ip('netns', 'add', name)
  cleanup.addNetns(name)
  await ip('-n', name, 'link', 'set', 'lo', 'up')
}

async function startStubDns(netns: string, cleanup: Cleanup): Promise<void> {
  const child = spawnDaemon(['ip', 'netns', 'exec', netns, process.execPath, '--import', 'tsx', STUB_DNS])
  cleanup.addProcess(child, `stub-dns ${netns}`)
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`stub DNS in ${netns} did not start`)), 20_000)
    child.stdout?.on('data', (d: Buffer) => {
      if (d.toString().includes('ready')) {
        clearTimeout(timer)
        resolve()
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`stub DNS in ${netns} exited with ${code}`))
    })
  })
}

async function startService(netns: string, host: string, port: number, dir: string, cleanup: Cleanup): Promise<void> {
  const www = join(dir, `www-${port}`)
  mkdirSync(www, { recursive: true })
  writeFileSync(join(www, 'index.html'), `pp-answer host=${host} port=${port}\n`)
  const child = spawnDaemon(['ip', 'netns', 'exec', netns, BUSYBOX, 'httpd', '-f', '-p', String(port), '-h', www])
  cleanup.addProcess(child, `httpd ${host}:${port}`)
}

/** `name` is a short unique prefix for this scenario's namespaces (netns names are files; keep them short). */
export async function buildTestbed(scenario: Scenario, prefix: string, workDir: string, rootfsTar: string, cleanup: Cleanup): Promise<Testbed> {
  const hostNetns = new Map<string, string>()
  const hostIps = new Map<string, string[]>()
  const lanNetns = new Map<string, string>()
  for (const lan of scenario.lans) {
    const ns = `${prefix}-lan-${lan.name}`
    await addNetns(ns, cleanup)
    await ip('-n', ns, 'link', 'add', 'br0', 'type', 'bridge')
    await ip('-n', ns, 'link', 'set', 'br0', 'up')
    lanNetns.set(lan.name, ns)
  }
  for (const [hi, host] of scenario.hosts.entries()) {
    throwIfAborting()
    const ns = `${prefix}-${host.name}`
    await addNetns(ns, cleanup)
    hostNetns.set(host.name, ns)
    let gateway: string | undefined
    for (const [ni, nic] of host.nics.entries()) {
      const lan = scenario.lans.find((l) => l.name === nic.lan)
      const lanNs = lanNetns.get(nic.lan)
      if (!lan || !lanNs) throw new Error(`hosts[${hi}].nics[${ni}].lan: no LAN named "${nic.lan}"`)
      const port = `h${hi}n${ni}`
      await ip('-n', lanNs, 'link', 'add', port, 'type', 'veth', 'peer', 'name', nic.name, 'netns', ns)
      await ip('-n', lanNs, 'link', 'set', port, 'master', 'br0', 'up')
      if (nic.mac) await ip('-n', ns, 'link', 'set', nic.name, 'address', nic.mac)
      await ip('-n', ns, 'addr', 'add', `${nic.ip}/${lan.subnet.split('/')[1]}`, 'dev', nic.name)
      await ip('-n', ns, 'link', 'set', nic.name, 'up')
      hostIps.set(host.name, [...(hostIps.get(host.name) ?? []), nic.ip])
      gateway ??= lan.gateway
    }
    if (gateway) await ip('-n', ns, 'route', 'add', 'default', 'via', gateway)
    await startStubDns(ns, cleanup)
    for (const svc of host.services ?? []) await startService(ns, host.name, svc.port, workDir, cleanup)
  }
  const engines = new Map<string, Engine>()
  throwIfAborting()
  await Promise.all(
    scenario.hosts
      .filter((h) => h.docker)
      .map(async (h) => {
        const dir = join(workDir, h.name)
        mkdirSync(dir, { recursive: true })
        engines.set(h.name, await startEngine(h.name, hostNetns.get(h.name) ?? '', dir, rootfsTar, cleanup))
      }),
  )
  return { prefix, hostNetns, engines, hostIps }
}
