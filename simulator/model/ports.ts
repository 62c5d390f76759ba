// Port publishing: which endpoint is the gateway (only it publishes, facts 35), host-port allocation with Docker's
// conflict texts (facts 1–2), and dynamic ports from the ephemeral range 32768–60999 (facts 36).
import type { Ipv4 } from '../parse/ip'
import type { PortSpec, Proto } from '../parse/ports'
import { ok, type Result } from '../result'
import type { Binding, Container, Engine, Host, Network, PortOwner, World } from './types'
import { appended } from './compact'
import { imageExposes, unstartableProgram } from './images'
import { getNetwork } from './world'

export function portKey(proto: Proto, port: number): string {
  return `${proto}/${port}`
}

/** The endpoint that carries the default route: non-internal first, then network name (libnetwork Endpoint.Less). */
export function gatewayNetwork(world: World, c: Container): Network | null {
  const nets = c.endpoints
    .map((e) => getNetwork(world, c.host, e.netId))
    .filter((n): n is Network => n !== undefined && !n.internal && n.gateway !== null && n.driver !== 'overlay')
  nets.sort((a, b) => a.name.localeCompare(b.name))
  return nets[0] ?? null
}

/** Plain processes listening in the host's own network namespace: scenario services and --network host containers. */
export function hostProcessListens(host: Host, proto: Proto, port: number): { container: Container | null } | null {
  if (host.services.some((s) => s.port === port && s.proto === proto)) return { container: null }
  const engine = host.engine
  if (engine === null) return null
  for (const id of engine.hostNet) {
    const c = engine.containers.get(id)
    if (c?.state === 'running' && c.listens.some((l) => l.port === port && l.proto === proto)) return { container: c }
  }
  return null
}

function clashes(owners: readonly PortOwner[], hostIp: Ipv4 | null): boolean {
  return owners.some((o) => o.hostIp === null || hostIp === null || o.hostIp === hostIp)
}

export type PortError = { reason: 'allocated' | 'bind'; text: string }

function hostHasAddress(engine: Engine, host: Host, ip: Ipv4): boolean {
  if (ip === '0.0.0.0' || ip.startsWith('127.')) return true
  if (host.nics.some((n) => n.ip === ip)) return true
  return [...engine.networks.values()].some((n) => n.driver === 'bridge' && n.gateway === ip)
}

export function allocateBindings(
  engine: Engine,
  host: Host,
  c: Container,
  specs: readonly PortSpec[],
): Result<{ engine: Engine; bindings: Binding[] }, PortError> {
  let ports = engine.ports
  const bindings: Binding[] = []
  for (const s of specs) {
    let hostPort = s.hostPort
    // Binding an address the host does not have fails in bind(2) (EADDRNOTAVAIL).
    if (s.hostIp !== null && !hostHasAddress(engine, host, s.hostIp)) {
      return { ok: false, error: { reason: 'bind', text: `failed to bind host port ${s.hostIp}:${hostPort ?? 0}/${s.proto}: cannot assign requested address` } }
    }
    if (hostPort !== null && s.hostPortEnd !== undefined) {
      // A host port range with one container port is a pool: the first port of it nobody holds (portallocator
      // RequestPortsInRange), so each new container takes the next free one.
      const free = (p: number) => !clashes(ports.get(portKey(s.proto, p)) ?? [], s.hostIp) && hostProcessListens(host, s.proto, p) === null
      let p = hostPort
      while (p <= s.hostPortEnd && !free(p)) p++
      // portallocator.ErrAllPortsAllocated (conformance 085)
      if (p > s.hostPortEnd) return { ok: false, error: { reason: 'allocated', text: 'all ports are allocated' } }
      hostPort = p
    }
    if (hostPort === null) {
      for (let p = 32768; p <= 60999; p++) {
        if (!clashes(ports.get(portKey(s.proto, p)) ?? [], s.hostIp) && hostProcessListens(host, s.proto, p) === null) {
          hostPort = p
          break
        }
      }
      if (hostPort === null) return { ok: false, error: { reason: 'allocated', text: 'no free ephemeral port' } }
    }
    const shown = `${s.hostIp ?? '0.0.0.0'}:${hostPort}`
    if (clashes(ports.get(portKey(s.proto, hostPort)) ?? [], s.hostIp)) {
      return { ok: false, error: { reason: 'allocated', text: `Bind for ${shown} failed: port is already allocated` } }
    }
    if (hostProcessListens(host, s.proto, hostPort) !== null) {
      return { ok: false, error: { reason: 'bind', text: `failed to bind host port ${shown}/${s.proto}: address already in use` } }
    }
    ports = ports.set(portKey(s.proto, hostPort), appended(ports.get(portKey(s.proto, hostPort)), { hostIp: s.hostIp, cid: c.id, containerPort: s.containerPort }))
    bindings.push({ hostIp: s.hostIp, hostPort, containerPort: s.containerPort, proto: s.proto, mode: s.mode })
  }
  return ok({ engine: { ...engine, ports }, bindings })
}

export function releaseBindings(engine: Engine, c: Container): Engine {
  let ports = engine.ports
  for (const b of c.bindings) {
    const key = portKey(b.proto, b.hostPort)
    const rest = (ports.get(key) ?? []).filter((o) => o.cid !== c.id)
    ports = rest.length === 0 ? ports.delete(key) : ports.set(key, rest)
  }
  return { ...engine, ports }
}

export function formatBinding(b: Binding): string {
  return `${b.hostIp ?? '0.0.0.0'}:${b.hostPort}->${b.containerPort}/${b.proto}`
}


/**
 * The PORTS column of `docker ps`: each published binding, then each port the container exposes (the image's
 * EXPOSE, --expose) that is not published, as "80/tcp" (api/types DisplayablePorts). A container whose network was
 * set up shows them: a running one, and one whose start failed only at runc's exec (conformance 084); one never
 * started, or whose port binding failed, shows none (083, 085). host, none and container: modes show none.
 */
export function formatPorts(c: Container): string {
  const networked = c.state === 'running' || (c.state === 'created' && unstartableProgram(c.image, c.cmd) !== null)
  if (c.netMode.kind !== 'default' || !networked) return c.bindings.map(formatBinding).join(', ')
  const exposed = [...imageExposes(c.image), ...c.expose.map((port) => ({ port, proto: 'tcp' as const }))]
  const open = exposed.filter((l, i) => !c.bindings.some((b) => b.containerPort === l.port && b.proto === l.proto) && exposed.findIndex((x) => x.port === l.port && x.proto === l.proto) === i)
  return [...c.bindings.map(formatBinding), ...open.map((l) => `${l.port}/${l.proto}`)].join(', ')
}
