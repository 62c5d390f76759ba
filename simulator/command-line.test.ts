import { describe, expect, it } from 'vitest'
import { runCommandLine } from './command-line'
import { applyCommand, type World } from './model'
import { runScenario } from './run'
import { lab, OFFICE, on1 } from './testing'
import { formatClientOutput } from './trace'

const base = lab(on1('docker network create appnet', 'docker run -d --name web --network appnet nginx'))

function psAll(world: World): string {
  const r = applyCommand(world, 'host1', 'docker ps -a')
  if (!r.result.ok) throw new Error(r.result.error)
  return r.result.output
}

function row(world: World, name: string): string | undefined {
  return psAll(world)
    .split('\n')
    .find((l) => l.endsWith(` ${name}`))
}

describe('docker run in the foreground with a probe command', () => {
  it('runs ping from the new container on the default bridge, prints busybox ping, and --rm removes it', () => {
    const r = runCommandLine(base.world, 'host1', 'docker run --rm --network bridge alpine ping -c 1 10.77.0.50')
    expect(r.result).toEqual({ ok: true, output: '', warnings: [] })
    expect(r.probe?.result.outcome).toBe('delivered')
    expect(r.probe?.exitCode).toBe(0)
    // The echo request leaves from the container's own address on docker0, then is masqueraded to host1's.
    expect(r.probe?.result.trace[0]?.packet.src).toBe('172.17.0.2')
    expect(r.probe?.result.trace.some((h) => h.packet.src === '10.77.0.10')).toBe(true)
    const p = r.probe
    if (p === undefined) throw new Error('no probe')
    expect(formatClientOutput(p.world, 'host1', p.run, p.result)).toMatch(/^PING 10\.77\.0\.50 \(10\.77\.0\.50\): 56 data bytes\n64 bytes from 10\.77\.0\.50: seq=0/)
    expect(psAll(r.world)).toBe(psAll(base.world))
  })

  it('leaves an Exited (0) container without --rm, and Exited (1) when the probe fails', () => {
    const ok = runCommandLine(base.world, 'host1', 'docker run --name pinger alpine ping -c 1 10.77.0.50')
    expect(row(ok.world, 'pinger')).toMatch(/"ping -c 1 10\.77\.0\.50"\s+Exited \(0\)/)
    const lost = runCommandLine(ok.world, 'host1', 'docker run --name lost alpine ping -c 1 10.99.0.1')
    // Nothing owns the LAN's gateway address, so ARP gets no answer.
    expect(lost.probe?.result.outcome).toBe('unreachable')
    expect(lost.probe?.exitCode).toBe(1)
    expect(row(lost.world, 'lost')).toMatch(/Exited \(1\)/)
    // The container's endpoint was released: the next container gets the same address again.
    const next = runCommandLine(lost.world, 'host1', 'docker run --rm alpine ping -c 1 10.77.0.50')
    expect(next.probe?.result.trace[0]?.packet.src).toBe('172.17.0.2')
  })

  it('resolves names through 127.0.0.11 on a user-defined network: nslookup, wget and nc reach web', () => {
    const ns = runCommandLine(base.world, 'host1', 'docker run --rm --network appnet alpine nslookup web')
    expect(ns.probe?.result.outcome).toBe('delivered')
    expect(ns.probe?.result.address).toBe('172.18.0.2')
    const p = ns.probe
    if (p === undefined) throw new Error('no probe')
    expect(formatClientOutput(p.world, 'host1', p.run, p.result)).toMatch(/^Server:\t\t127\.0\.0\.11\n/)
    const wget = runCommandLine(base.world, 'host1', 'docker run --rm --network appnet alpine wget -qO- http://web')
    expect(wget.probe?.result.answeredBy).toEqual({ host: 'host1', container: 'web', port: 80 })
    const nc = runCommandLine(base.world, 'host1', 'docker run --rm --network appnet busybox nc -z web 80')
    expect(nc.probe?.result.outcome).toBe('delivered')
  })

  it('fails to resolve a name on the default bridge, with exit status 1', () => {
    const r = runCommandLine(base.world, 'host1', 'docker run --name lookup busybox nc -z web 80')
    expect(r.probe?.result.outcome).toBe('unresolved')
    expect(row(r.world, 'lookup')).toMatch(/Exited \(1\)/)
  })

  it('goes through the host firewall like docker exec does', () => {
    const fw = runCommandLine(base.world, 'host1', 'iptables -I DOCKER-USER -d 10.77.0.50 -j DROP')
    const r = runCommandLine(fw.world, 'host1', 'docker run --rm alpine ping -c 1 10.77.0.50')
    expect(r.probe?.result.outcome).toBe('timeout')
    expect(r.probe?.result.explanation).toMatch(/DOCKER-USER/)
  })

  it('treats a UDP nc probe that hears nothing as success, as nc -u -z does', () => {
    const fw = runCommandLine(base.world, 'host1', 'iptables -I DOCKER-USER -d 10.77.0.50 -j DROP')
    const r = runCommandLine(fw.world, 'host1', 'docker run --name udp alpine nc -u -z 10.77.0.50 53')
    expect(r.probe?.result.outcome).toBe('timeout')
    expect(r.probe?.exitCode).toBe(0)
    expect(row(r.world, 'udp')).toMatch(/Exited \(0\)/)
    // Without the rule the laptop answers with an ICMP port unreachable: nc exits 1.
    const refused = runCommandLine(base.world, 'host1', 'docker run --name udp alpine nc -u -z 10.77.0.50 53')
    expect(refused.probe?.result.outcome).toBe('refused')
    expect(row(refused.world, 'udp')).toMatch(/Exited \(1\)/)
  })

  it('leaves the input world untouched', () => {
    const before = psAll(base.world)
    runCommandLine(base.world, 'host1', 'docker run --name kept alpine ping -c 1 10.77.0.50')
    expect(psAll(base.world)).toBe(before)
  })
})

describe('docker run with a tool the image does not have', () => {
  const MISSING_PING =
    'docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "ping": executable file not found in $PATH: unknown.'

  it('fails to start as runc reports it and leaves a Created container holding no address', () => {
    const r = runCommandLine(base.world, 'host1', 'docker run --name pinger --network appnet nginx ping -c 1 10.77.0.50')
    expect(r.result).toEqual({ ok: false, error: MISSING_PING })
    expect(r.probe).toBeUndefined()
    expect(row(r.world, 'pinger')).toMatch(/"\/docker-entrypoint\.…"\s+Created\s/)
    // The address it had while starting (web has .2) is free again: the next container gets it.
    const next = runCommandLine(r.world, 'host1', 'docker run --rm --network appnet alpine ping -c 1 web')
    expect(next.probe?.result.trace[0]?.packet.src).toBe('172.18.0.3')
    expect(runCommandLine(r.world, 'host1', 'docker run --name pinger alpine true').result).toMatchObject({ ok: false })
  })

  it('removes the container with --rm, so its name is free again (conformance 082)', () => {
    const r = runCommandLine(base.world, 'host1', 'docker run --rm --name once postgres curl http://web')
    expect(r.result.ok ? '' : r.result.error).toContain('exec: "curl": executable file not found in $PATH: unknown.')
    expect(row(r.world, 'once')).toBeUndefined()
    expect(runCommandLine(r.world, 'host1', 'docker run -d --name once nginx').result.ok).toBe(true)
  })

  it('names busybox when an image without it is asked for busybox ping', () => {
    const r = runCommandLine(base.world, 'host1', 'docker run --rm redis busybox ping -c 1 10.77.0.50')
    expect(r.result.ok ? '' : r.result.error).toContain('exec: "busybox": executable file not found')
  })
})

describe('every other line is applyCommand', () => {
  it.each([
    ['a detached probe command', 'docker run -d --name bg alpine ping -c 1 10.77.0.50'],
    ['a command that is not a probe', 'docker run --name hi alpine echo hi'],
    ['nc without -z, which probe-command.ts does not accept', 'docker run --name talk alpine nc web 80'],
    ['docker create', 'docker create --name later alpine ping -c 1 10.77.0.50'],
    ['a foreground shell', 'docker run -it --name shell alpine sh'],
    ['a run whose network does not exist', 'docker run --rm --network nosuch alpine ping -c 1 10.77.0.50'],
    ['an image that does not exist', 'docker run --rm nosuchimage ping -c 1 10.77.0.50'],
    ['a probe typed on its own', 'ping -c 1 10.77.0.50'],
  ])('%s', (_name, line) => {
    const r = runCommandLine(base.world, 'host1', line)
    const plain = applyCommand(base.world, 'host1', line)
    expect(r.probe).toBeUndefined()
    expect(r.result).toEqual(plain.result)
    expect(psAll(r.world)).toBe(psAll(plain.world))
  })
})

describe('runScenario', () => {
  it('applies a foreground probe run as a step: the container keeps the probe status', () => {
    const res = runScenario({ ...OFFICE, steps: [{ on: 'host1', run: 'docker run --name lost alpine ping -c 1 10.99.0.1' }, { on: 'host1', run: 'docker ps -a' }] })
    if (!res.ok) throw new Error(res.error.message)
    expect(res.value.steps[0]).toEqual({ ok: true, output: '', warnings: [] })
    expect(res.value.steps[1]).toMatchObject({ ok: true, output: expect.stringMatching(/Exited \(1\)\s+lost$/) })
  })
})

describe('probe containers run their command whenever they start', () => {
  const step = (world: World, line: string) => {
    const r = runCommandLine(world, 'host1', line)
    if (!r.result.ok) throw new Error(r.result.error)
    return r
  }

  it('a detached run prints only the id, yet exits with the probe\'s status', () => {
    const lost = step(base.world, 'docker run -d --name lost alpine ping -c 1 10.99.0.1')
    expect(lost.result.ok && lost.result.output).toMatch(/^[0-9a-f]{64}$/)
    expect(lost.probe).toBeUndefined()
    expect(row(lost.world, 'lost')).toMatch(/Exited \(1\)/)
    expect(row(step(base.world, 'docker run -d --name seen --network appnet alpine nc -z web 80').world, 'seen')).toMatch(/Exited \(0\)/)
  })

  it('docker start runs the probe again: Exited (1) while web is missing, Exited (0) once web runs', () => {
    const empty = lab(on1('docker network create appnet')).world
    const first = runCommandLine(empty, 'host1', 'docker run --name lookup --network appnet busybox nc -z web 80')
    expect(row(first.world, 'lookup')).toMatch(/"nc -z web 80"\s+Exited \(1\)/)
    const again = step(first.world, 'docker start lookup')
    expect(again.result.ok && again.result.output).toBe('lookup')
    expect(row(again.world, 'lookup')).toMatch(/Exited \(1\)/)
    const withWeb = step(again.world, 'docker run -d --name web --network appnet nginx')
    expect(row(step(withWeb.world, 'docker start lookup').world, 'lookup')).toMatch(/Exited \(0\)/)
    expect(row(step(withWeb.world, 'docker restart lookup').world, 'lookup')).toMatch(/Exited \(0\)/)
  })

  it('starting a long-running container is unchanged', () => {
    const stopped = step(base.world, 'docker stop web')
    expect(row(step(stopped.world, 'docker start web').world, 'web')).toMatch(/\bUp\b/)
  })
})
