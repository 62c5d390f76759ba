// applyCommand: one command line typed on one host → the next world and what the terminal would show.
// Framing follows the docker CLI: `docker run` errors read "docker: Error response from daemon: …." and others
// "Error response from daemon: …" (facts 1, CLI run.go).
import { parseDockerCommand, type DockerCommand } from '../parse/docker-command'
import { formatNotRunInContainer, isShellScript, PROBE_PROGRAMS, programOf, programWords } from '../parse/container-programs'
import { parseIpCommand } from '../parse/ip-command'
import { parseExecProbe } from '../parse/probe-command'
import type { SimError } from '../result'
import { connectNetwork, disconnectNetwork } from './connect'
import { createContainer, exitContainer, failStart, removeContainer, removeFromEngine, renameContainer, startContainer, stopContainer } from './containers'
import { formatPort } from './docker-port'
import { runFirewallLine } from './firewall-command'
import { applyIpCommand } from './ip-link'
import { formatNetworkLsCommand } from './network-ls'
import { createNetwork, removeNetwork, type Change } from './networks'
import { formatPsCommand } from './ps-output'
import { serviceCreate, serviceRemove, serviceUpdate, swarmInit, swarmJoin, swarmLeave } from './swarm'
import type { Container, Host, StepResult, World } from './types'
import { findContainer, getHost } from './world'

const HOST_MODE_WARNING = 'WARNING: Published ports are discarded when using host network mode'

function daemonError(e: SimError, cmd: DockerCommand): string {
  if (e.code === 'exec-not-found') return cmd.kind === 'run' ? e.message : e.message.replace(/^docker: /, '')
  if (e.code === 'usage' || e.code === 'unknown-flag' || e.code === 'invalid-port' || e.code === 'invalid-argument' || e.code === 'invalid-ip') {
    return e.message
  }
  if (cmd.kind === 'run') {
    const pull = e.code === 'no-such-image' ? `Unable to find image '${cmd.image.includes(':') ? cmd.image : `${cmd.image}:latest`}' locally\n` : ''
    return `${pull}docker: Error response from daemon: ${e.message}\n\nRun '${cmd.create ? 'docker create' : 'docker run'} --help' for more information`
  }
  return `Error response from daemon: ${e.message}`
}

/** What applyCommand may be asked to do beyond the line itself. */
export type ApplyOptions = Readonly<{
  // A `docker run` (with or without -d) leaves its container running and names it in `held`: the caller runs the
  // container's command (a probe) and then ends it with exitHeld. Other lines are unaffected.
  holdForeground?: boolean
  // `docker start`/`restart`: the containers this says yes to keep running (their command is a probe the caller
  // runs) and are named in `started`; the caller ends each with exitHeld, as for a held foreground run.
  keepRunning?: (c: Container) => boolean
}>

export type Applied = { world: World; result: StepResult; held?: string; started?: readonly string[] }

function runContainer(world: World, host: Host, cmd: Extract<DockerCommand, { kind: 'run' }>, hold: boolean): Change & { held?: string } {
  const created = createContainer(world, host, cmd)
  if (!created.ok) return created
  const warnings = cmd.networks[0] === 'host' && cmd.publish.length > 0 ? [HOST_MODE_WARNING] : []
  if (cmd.create) return { ok: true, value: { world: created.value.world, output: created.value.container.id, warnings } }
  const holding = hold
  const container = holding ? { ...created.value.container, longRunning: true } : created.value.container
  const started = startContainer(created.value.world, container)
  // A failed start leaves the container Created; with --rm the daemon removes it at once (the CLI waits for that),
  // so the name is free again. Both as the 20.10 test bed shows (conformance 082).
  if (!started.ok) return { ok: false, error: started.error, world: cmd.rm ? removeFromEngine(created.value.world, created.value.container) : created.value.world }
  const held = holding && started.value.container.state === 'running' ? { held: started.value.container.name } : {}
  const output = cmd.detach ? created.value.container.id : holding || container.longRunning ? '' : foregroundNote(cmd.cmd)
  return { ok: true, value: { world: started.value.world, output, warnings }, ...held }
}

/**
 * What a foreground `docker run IMAGE PROGRAM …` prints when PROGRAM is neither a server (which keeps running
 * silently) nor a probe the caller runs (ApplyOptions.holdForeground): one line saying the simulator does not run
 * it, as `docker exec` says for the same program, instead of an empty line that suggests it ran and printed nothing.
 * A probe tool lands here only when its words do not parse, and then its own error is the line.
 */
function foregroundNote(cmd: readonly string[]): string {
  if (cmd.length === 0) return ''
  const program = programOf(cmd)
  if (!PROBE_PROGRAMS.includes(program)) return `# ${formatNotRunInContainer(program)}`
  const probe = parseExecProbe('probe', programWords(cmd))
  if (!probe.ok) return `# ${probe.error.message}`
  return isShellScript(cmd) ? `# The simulator runs a probe given as the container's own command (docker run IMAGE ${program} …), not one inside sh -c.` : ''
}

function eachContainer(world: World, names: readonly string[], f: (w: World, name: string) => Change): Change {
  let w = world
  const out: string[] = []
  for (const name of names) {
    const r = f(w, name)
    if (!r.ok) return r
    w = r.value.world
    out.push(r.value.output)
  }
  return { ok: true, value: { world: w, output: out.join('\n') } }
}

function noSuch(name: string): Change {
  return { ok: false, error: { code: 'no-such-container', message: `No such container: ${name}` } }
}

// `docker run` is applyCommand's own case: only it can hold a foreground container for a probe run.
function dispatch(world: World, host: Host, cmd: Exclude<DockerCommand, { kind: 'run' }>, options: ApplyOptions = {}, started: string[] = []): Change {
  switch (cmd.kind) {
    case 'start':
    case 'restart':
      return eachContainer(world, cmd.names, (w, name) => {
        const c = findContainer(w, host.name, name)
        if (c === undefined) return noSuch(name)
        const w1 = cmd.kind === 'restart' ? stopContainer(w, c) : w
        const fresh = findContainer(w1, host.name, c.id) ?? c
        const keep = options.keepRunning?.(fresh) === true
        const r = startContainer(w1, keep ? { ...fresh, longRunning: true } : fresh)
        if (r.ok && keep && r.value.container.state === 'running') started.push(r.value.container.name)
        return r.ok ? { ok: true, value: { world: r.value.world, output: name } } : r
      })
    case 'stop':
    case 'kill':
      return eachContainer(world, cmd.names, (w, name) => {
        const c = findContainer(w, host.name, name)
        if (c === undefined) return noSuch(name)
        if (cmd.kind === 'kill' && c.state !== 'running') return { ok: false, error: { code: 'not-running', message: `cannot kill container: ${name}: container ${c.id} is not running` } }
        return { ok: true, value: { world: stopContainer(w, c), output: name } }
      })
    case 'rm':
      return eachContainer(world, cmd.names, (w, name) => {
        const c = findContainer(w, host.name, name)
        if (c === undefined) return noSuch(name)
        const r = removeContainer(w, c, cmd.force)
        return r.ok ? { ok: true, value: { world: r.value, output: name } } : r
      })
    case 'rename': {
      const r = renameContainer(world, host, cmd.container, cmd.name)
      return r.ok ? { ok: true, value: { world: r.value, output: '' } } : r
    }
    case 'exec': {
      const c = findContainer(world, host.name, cmd.container)
      if (c === undefined) return noSuch(cmd.container)
      if (c.state !== 'running') return { ok: false, error: { code: 'not-running', message: `container ${c.id} is not running` } }
      return { ok: true, value: { world, output: '' } }
    }
    case 'ps': {
      const listed = formatPsCommand(world, host, cmd)
      return listed.ok ? { ok: true, value: { world, output: listed.value } } : listed
    }
    case 'port': {
      const listed = formatPort(world, host, cmd)
      return listed.ok ? { ok: true, value: { world, output: listed.value } } : listed
    }
    case 'network-ls': {
      const listed = formatNetworkLsCommand(world, host, cmd)
      return listed.ok ? { ok: true, value: { world, output: listed.value } } : listed
    }
    case 'network-create':
      return createNetwork(world, host, cmd)
    case 'network-rm':
      return eachContainer(world, cmd.names, (w, name) => removeNetwork(w, getHost(w, host.name) as Host, name))
    case 'network-connect':
      return connectNetwork(world, host, cmd)
    case 'network-disconnect':
      return disconnectNetwork(world, host, cmd)
    case 'swarm-init':
      return swarmInit(world, host, cmd)
    case 'swarm-join':
      return swarmJoin(world, host, cmd)
    case 'swarm-leave':
      return swarmLeave(world, host, cmd.force)
    case 'service-create':
      return serviceCreate(world, host, cmd)
    case 'service-rm':
      return serviceRemove(world, host, cmd.names)
    case 'service-update':
      return serviceUpdate(world, host, cmd)
  }
}

export function applyCommand(world: World, hostName: string, line: string, options: ApplyOptions = {}): Applied {
  const fail = (error: string): Applied => ({ world, result: { ok: false, error } })
  const host = getHost(world, hostName)
  if (host === undefined) return fail(`no host named "${hostName}" in this world`)
  const text = line.trim().replace(/^sudo\s+/, '')
  const prog = /^\S*/.exec(text)?.[0] ?? ''
  if (prog === 'iptables' || prog === 'ufw') return runFirewallLine(world, host, text)
  if (prog === 'ip') {
    const cmd = parseIpCommand(text)
    if (!cmd.ok) return fail(cmd.error.message)
    const next = applyIpCommand(world, host, cmd.value)
    return next.ok ? { world: next.value.world, result: { ok: true, output: next.value.output, warnings: [] } } : fail(next.error.message)
  }
  if (prog !== 'docker') return fail(`${prog || '(empty)'}: the simulator runs docker, iptables, ufw and ip commands on hosts`)
  if (host.engine === null) return fail('bash: docker: command not found')
  const cmd = parseDockerCommand(text)
  if (!cmd.ok) return fail(cmd.error.message)
  const started: string[] = []
  const r: Change & { held?: string } = cmd.value.kind === 'run' ? runContainer(world, host, cmd.value, options.holdForeground === true) : dispatch(world, host, cmd.value, options, started)
  if (!r.ok && cmd.value.kind === 'rename') {
    // cli/command/container/rename.go prints the daemon's error, then its own line.
    return fail(`${daemonError(r.error, cmd.value)}\nError: failed to rename container named ${cmd.value.container}`)
  }
  if (!r.ok) {
    // A run that fails at start keeps the Created container (its name stays taken) unless --rm, as on a real engine.
    return { world: r.world ?? world, result: { ok: false, error: daemonError(r.error, cmd.value) } }
  }
  const applied: Applied = { world: r.value.world, result: { ok: true, output: r.value.output, warnings: r.value.warnings ?? [] }, ...(started.length > 0 ? { started } : {}) }
  return r.held === undefined ? applied : { ...applied, held: r.held }
}

/** Ends the container applyCommand held (ApplyOptions.holdForeground) with the exit status of its command. */
export function exitHeld(world: World, hostName: string, name: string, exitCode: number): World {
  const c = findContainer(world, hostName, name)
  return c === undefined ? world : exitContainer(world, c, exitCode)
}

/** Undoes the start of the container applyCommand held: its command is not in the image, so it stays Created (--rm: removed). */
export function failHeld(world: World, hostName: string, name: string, exitCode: number): World {
  const c = findContainer(world, hostName, name)
  return c === undefined ? world : failStart(world, c, exitCode)
}
