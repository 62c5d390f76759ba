// Container lifecycle: create (names, network mode, create-time validation), start (endpoints, published ports,
// the main process), stop, rm. A run that fails at start leaves a Created container whose name stays taken (facts 1),
// unless --rm removes it.
import type { RunCommand } from '../parse/docker-command'
import { err, ok, type Result, type SimError } from '../result'
import { compact } from './compact'
import { attachEndpoint, detachEndpoint, renameEndpoints } from './endpoints'
import { validateEndpointSettings } from './endpoint-settings'
import { hexId } from './ids'
import { imageBase, isKnownImage, processOf, quickExitStatus, unstartableProgram } from './images'
import { formatRunNotFound } from './image-tools'
import { allocateBindings, gatewayNetwork, hostProcessListens, releaseBindings } from './ports'
import type { Attachment, Container, Engine, Host, NetMode, World } from './types'
import { findContainer, findNetwork, getNetwork, nextCounter, putContainer, putEngine } from './world'

export function nameInUse(name: string, id: string): string {
  return `Conflict. The container name "/${name}" is already in use by container "${id}". You have to remove (or rename) that container to be able to reuse that name.`
}

function generatedName(n: number): string {
  const left = ['admiring', 'brave', 'clever', 'eager', 'focused', 'gallant', 'happy', 'jolly', 'keen', 'loving']
  const right = ['babbage', 'curie', 'darwin', 'euler', 'fermi', 'gauss', 'hopper', 'lovelace', 'noether', 'turing']
  return `${left[n % 10]}_${right[Math.floor(n / 10) % 10]}${n >= 100 ? n : ''}`
}

const DEFAULT_MODE: NetMode = { kind: 'default' }

function resolveNetMode(world: World, host: Host, cmd: RunCommand): Result<{ mode: NetMode; attachments: Attachment[] }> {
  const [first, ...others] = cmd.networks.length > 0 ? cmd.networks : ['bridge']
  const mode = first as string
  if (mode === 'host' || mode === 'none' || mode.startsWith('container:')) {
    if (others.length > 0) {
      return err('bad-netmode', mode === 'none' ? 'container cannot be connected to multiple networks with one of the networks in private (none) mode' : 'container sharing network namespace with another container or host cannot be connected to any other network')
    }
    if (mode.startsWith('container:')) {
      if (cmd.publish.length > 0 || cmd.publishAll) return err('conflict', 'conflicting options: port publishing and the container type network mode')
      if (cmd.hostname !== null) return err('conflict', 'conflicting options: hostname and the network mode')
      if (cmd.addHosts.length > 0) return err('conflict', 'conflicting options: custom host-to-IP mapping and the network mode')
      const target = findContainer(world, host.name, mode.slice('container:'.length))
      if (target === undefined) return err('no-such-container', `No such container: ${mode.slice('container:'.length)}`)
      return ok({ mode: { kind: 'container', target: target.id }, attachments: [] })
    }
    return ok({ mode: mode === 'host' ? { kind: 'host' } : { kind: 'none' }, attachments: [] })
  }
  const attachments: Attachment[] = []
  for (const ref of [first as string, ...others]) {
    // --ip/--network-alias apply to the first network; the key=value form of --network names its own.
    const i = attachments.length
    const opt = cmd.networkOptions?.[i]
    const ip = (i === 0 ? cmd.ip : null) ?? opt?.ip ?? null
    const aliases = [...(i === 0 ? cmd.aliases : []), ...(opt?.aliases ?? [])]
    const net = findNetwork(world, host.name, ref === 'default' ? 'bridge' : ref)
    if (net === undefined) {
      // The network is looked up again at start, which is where an unknown name fails (the container stays Created).
      attachments.push({ netId: `missing:${ref}`, ip, aliases: compact(aliases) })
      continue
    }
    if (net.driver === 'host' || net.driver === 'null') {
      return err('bad-netmode', 'container sharing network namespace with another container or host cannot be connected to any other network')
    }
    const settings = validateEndpointSettings(net, ip, aliases, 'create')
    if (!settings.ok) return settings
    if (net.scope === 'swarm' && !net.attachable) {
      return err('not-attachable', `Could not attach to network ${ref}: rpc error: code = PermissionDenied desc = network ${ref} not manually attachable`)
    }
    attachments.push({ netId: net.id, ip, aliases: compact(aliases) })
  }
  return ok({ mode: DEFAULT_MODE, attachments })
}

export function createContainer(world: World, host: Host, cmd: RunCommand, service: Container['service'] = null): Result<{ world: World; container: Container }> {
  if (!isKnownImage(cmd.image)) {
    return err('no-such-image', `pull access denied for ${imageBase(cmd.image)}, repository does not exist or may require 'docker login'`)
  }
  const [w1, n] = nextCounter(world)
  const id = hexId(n)
  const name = cmd.name ?? generatedName(n)
  // Docker's validContainerNamePattern needs at least two characters: ^/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$
  if (!/^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/.test(name)) return err('bad-name', `Invalid container name (${name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`)
  const engine = host.engine as Engine
  const holder = engine.names.get(name)
  if (holder !== undefined) return err('name-conflict', nameInUse(name, holder.id))
  const net = resolveNetMode(w1, host, cmd)
  if (!net.ok) return net
  const proc = processOf(cmd.image, cmd.cmd, cmd.interactive)
  const container: Container = {
    id,
    name,
    host: host.name,
    image: cmd.image,
    cmd: compact(cmd.cmd),
    state: 'created',
    exitCode: 0,
    netMode: net.value.mode,
    attachments: compact(net.value.attachments),
    endpoints: compact([]),
    publish: compact(cmd.publish),
    publishAll: cmd.publishAll,
    expose: compact(cmd.expose),
    bindings: compact([]),
    links: compact(cmd.links),
    addHosts: compact(cmd.addHosts),
    hostname: cmd.hostname,
    interactive: cmd.interactive,
    autoRemove: cmd.rm,
    listens: proc.listens,
    longRunning: proc.longRunning,
    service,
    seq: n,
  }
  return ok({ world: putContainer(w1, container), container })
}

function attachAll(world: World, c: Container): Result<{ world: World; container: Container }> {
  let w = world
  const endpoints: Container['endpoints'][number][] = []
  const wanted = [...c.attachments]
  const needsGw = c.attachments.some((a) => {
    const n = getNetwork(world, c.host, a.netId)
    return n?.driver === 'overlay' && !n.internal
  })
  const gw = needsGw ? findNetwork(world, c.host, 'docker_gwbridge') : undefined
  if (gw !== undefined && !wanted.some((a) => a.netId === gw.id)) wanted.push({ netId: gw.id, ip: null, aliases: [] })
  for (const a of wanted) {
    const found = a.netId.startsWith('missing:') ? findNetwork(w, c.host, a.netId.slice(8)) : getNetwork(w, c.host, a.netId)
    if (found === undefined) return err('no-such-network', `failed to set up container networking: network ${a.netId.replace(/^missing:/, '')} not found`)
    const r = attachEndpoint(w, c, found.id, a.ip, a.aliases)
    if (!r.ok) {
      if (r.error.code === 'address-in-use') return err('address-in-use', `failed to set up container networking: ${r.error.message}`)
      return r
    }
    w = r.value.world
    endpoints.push({ netId: found.id, ip: r.value.ip, mac: r.value.mac })
  }
  return ok({ world: w, container: { ...c, endpoints: compact(endpoints) } })
}

function releaseAll(world: World, c: Container): World {
  let w = world
  for (const e of c.endpoints) w = detachEndpoint(w, c, e.netId)
  const host = w.hosts.get(c.host) as Host
  return putEngine(w, host, releaseBindings(host.engine as Engine, c))
}

function publishPorts(world: World, c: Container): Result<{ world: World; container: Container }> {
  if (c.netMode.kind !== 'default') return ok({ world, container: c })
  const gw = gatewayNetwork(world, c)
  // Only the bridge driver maps ports, and only on the gateway endpoint (facts 34, 35).
  if (gw === null || gw.driver !== 'bridge') return ok({ world, container: c })
  const specs = [...c.publish]
  if (c.publishAll) {
    // Each protocol an image listens on is its own exposed port (coredns: EXPOSE 53 53/udp); --expose N is tcp.
    const exposed = [...c.listens, ...c.expose.map((port) => ({ port, proto: 'tcp' as const }))]
    for (const l of exposed) {
      if (!specs.some((s) => s.containerPort === l.port && s.proto === l.proto)) specs.push({ hostIp: null, hostPort: null, containerPort: l.port, proto: l.proto, mode: 'ingress' })
    }
  }
  const host = world.hosts.get(c.host) as Host
  const r = allocateBindings(host.engine as Engine, host, c, specs)
  if (!r.ok) {
    // Both the allocator's "port is already allocated" and v28+'s own bind() failure come back through the bridge
    // driver's ProgramExternalConnectivity, so both carry the endpoint prefix (facts 1-2).
    const inner = `driver failed programming external connectivity on endpoint ${c.name} (${hexId(world.counter + 1)}): ${r.error.text}`
    return err(r.error.reason === 'bind' ? 'port-bind-failed' : 'port-allocated', `failed to set up container networking: ${inner}`)
  }
  return ok({ world: putEngine(world, host, r.value.engine), container: { ...c, bindings: compact(r.value.bindings) } })
}

/** Start a created or exited container. On failure the world is unchanged (the container stays as it was). */
export function startContainer(world: World, c: Container): Result<{ world: World; container: Container; warnings: string[] }> {
  if (c.state === 'running') return ok({ world, container: c, warnings: [] })
  if (c.netMode.kind === 'container') {
    const target = world.hosts.get(c.host)?.engine?.containers.get(c.netMode.target)
    if (target === undefined || target.state !== 'running') {
      return err('target-not-running', `cannot join network namespace of a non running container: container ${target?.name ?? c.netMode.target} is ${target?.state ?? 'removed'}`)
    }
  }
  const att = attachAll(world, c)
  if (!att.ok) return att
  const pub = publishPorts(att.value.world, att.value.container)
  if (!pub.ok) return { ok: false, error: { code: pub.error.code, message: pub.error.message } }
  // runc cannot exec the program: the task is never created and the container stays as it was (Created).
  const missing = unstartableProgram(c.image, c.cmd)
  if (missing !== null) return err('exec-not-found', formatRunNotFound(missing))
  let w = pub.value.world
  let started: Container = { ...pub.value.container, state: 'running' }
  const host = w.hosts.get(c.host) as Host
  // A host-network server that finds its port taken exits at once, though `docker run -d` still printed its id.
  const bindFails = c.netMode.kind === 'host' && c.listens.some((l) => hostProcessListens(host, l.proto, l.port) !== null || host.engine?.ports.has(`${l.proto}/${l.port}`))
  if (!c.longRunning || bindFails) {
    w = releaseAll(w, started)
    // nginx/httpd that cannot bind log "Address already in use" and exit 1; a shell with no work exits 0.
    started = { ...started, state: 'exited', exitCode: bindFails ? 1 : quickExitStatus(c.image, c.cmd), endpoints: [], bindings: [] }
    if (c.autoRemove) return ok({ world: removeFromEngine(w, started), container: started, warnings: [] })
  }
  return ok({ world: putContainer(w, started), container: started, warnings: [] })
}

export function stopContainer(world: World, c: Container): World {
  if (c.state !== 'running') return world
  const w = releaseAll(world, c)
  const stopped: Container = { ...c, state: 'exited', exitCode: 0, endpoints: [], bindings: [] }
  return c.autoRemove ? removeFromEngine(w, stopped) : putContainer(w, stopped)
}

/**
 * The main process of a running container finished with `exitCode` (a foreground `docker run` whose command the
 * caller ran, such as a probe): endpoints and ports are released, and --rm removes it. It does not keep running if
 * started again.
 */
export function exitContainer(world: World, c: Container, exitCode: number): World {
  if (c.state !== 'running') return world
  const w = releaseAll(world, c)
  const exited: Container = { ...c, state: 'exited', exitCode, longRunning: false, endpoints: [], bindings: [] }
  return c.autoRemove ? removeFromEngine(w, exited) : putContainer(w, exited)
}

/**
 * The container's command could not be started (runc found no such program): the daemon undoes the start, so
 * endpoints and ports are released and the container stays Created with that exit code, as after any failed start;
 * --rm removes it.
 */
export function failStart(world: World, c: Container, exitCode: number): World {
  if (c.state !== 'running') return world
  const w = releaseAll(world, c)
  const failed: Container = { ...c, state: 'created', exitCode, longRunning: false, endpoints: [], bindings: [] }
  return c.autoRemove ? removeFromEngine(w, failed) : putContainer(w, failed)
}

export function removeFromEngine(world: World, c: Container): World {
  const host = world.hosts.get(c.host) as Host
  const engine = host.engine as Engine
  const target = c.netMode.kind === 'container' ? c.netMode.target : null
  const rest = target === null ? [] : (engine.sharers.get(target) ?? []).filter((id) => id !== c.id)
  return putEngine(world, host, {
    ...engine,
    containers: engine.containers.delete(c.id),
    names: engine.names.delete(c.name),
    hostNet: engine.hostNet.filter((id) => id !== c.id),
    sharers: target === null ? engine.sharers : rest.length > 0 ? engine.sharers.set(target, rest) : engine.sharers.delete(target),
  })
}

export function removeContainer(world: World, c: Container, force: boolean): Result<World, SimError> {
  if (c.state === 'running' && !force) {
    return err('running', `cannot remove container "${c.name}": container is running: stop the container before removing or force remove`)
  }
  return ok(removeFromEngine(c.state === 'running' ? releaseAll(world, c) : world, c))
}

/** `docker rename CONTAINER NEW_NAME` (daemon/rename.go): same container, new name; DNS on its networks follows. */
export function renameContainer(world: World, host: Host, ref: string, newName: string): Result<World> {
  const c = findContainer(world, host.name, ref)
  if (c === undefined) return err('no-such-container', `No such container: ${ref}`)
  const name = newName.replace(/^\//, '')
  if (name === c.name) return err('same-name', 'Renaming a container with the same name as its current name')
  if (!/^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/.test(name)) return err('bad-name', `Invalid container name (${name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`)
  const engine = host.engine as Engine
  const holder = engine.names.get(name)
  if (holder !== undefined) return err('name-conflict', `Error when allocating new name: ${nameInUse(name, holder.id)}`)
  const renamed: Container = { ...c, name }
  const w = putEngine(world, host, { ...engine, names: engine.names.delete(c.name) })
  return ok(renameEndpoints(putContainer(w, renamed), renamed, c.name))
}
