// runCommandLine: one line typed on a host, as a shell runs it. A `docker run` whose command is a probe tool (ping,
// curl, wget, nslookup, nc) runs that probe from the new container while it runs: same networks, DNS and firewall as
// `docker exec` into it; in the foreground (no -d) its output is the line's. Then the container exits with the tool's
// status and --rm removes it; `docker start` runs it again. A tool the image does not have fails to start, as runc
// reports it. Every other line is exactly applyCommand. This sits above model/ and trace/ because it needs both.
import { applyCommand, exitHeld, failHeld, findContainer, formatRunNotFound, imageLacksTool, type Container, type StepResult, type World } from './model'
import { formatShellWord } from './parse/argv'
import { parseDockerCommand } from './parse/docker-command'
import { parseExecProbe, type ProbeCommand } from './parse/probe-command'
import { probeExitStatus, runProbe, type ProbeResult } from './trace'

export type ForegroundProbe = Readonly<{
  run: string // the same probe as `docker exec NAME TOOL …`, as a person would type it
  command: ProbeCommand // that probe as parsed, for runProbe and formatClientOutput
  world: World // the world while the container ran (it may be gone afterwards with --rm)
  result: ProbeResult
  exitCode: number // the tool's exit status, which is the container's: `Exited (N)`
}>

export type CommandLineResult = { world: World; result: StepResult; probe?: ForegroundProbe }

// `command` runs from a container not yet named here: runHeld puts the name in.
type ProbeProcess = { image: string; program: string; words: readonly string[]; command: ProbeCommand }

/** The probe a container's command runs (`nc -z web 80`, `busybox ping …`), or null for any other command. */
function probeOfCommand(image: string, cmd: readonly string[]): ProbeProcess | null {
  // `busybox ping …` is busybox's own spelling of the same applet.
  const words = cmd[0] === 'busybox' ? cmd.slice(1) : cmd
  if (words.length === 0) return null
  const parsed = parseExecProbe('probe', words)
  return parsed.ok ? { image, program: cmd[0] as string, words, command: parsed.value } : null
}

/** Runs the probe a held (running) container's command is, and ends the container with the tool's status. */
function runHeld(world: World, hostName: string, name: string, p: ProbeProcess): { world: World; run: string; command: ProbeCommand; result: ProbeResult; exitCode: number } {
  const command: ProbeCommand = { ...p.command, exec: name }
  const result = runProbe(world, hostName, command)
  const exitCode = probeExitStatus(command.tool, result)
  return { world: exitHeld(world, hostName, name, exitCode), run: ['docker', 'exec', name, ...p.words].map(formatShellWord).join(' '), command, result, exitCode }
}

/**
 * `docker start`/`restart` of a container whose command is a probe (a finished `docker run --name lookup busybox nc
 * -z web 80`): the command runs again, detached, and the container exits with the tool's status again. A tool the
 * image lacks fails the start again, as runc reports it.
 */
function restartProbes(world: World, hostName: string, line: string): CommandLineResult {
  const keepRunning = (c: Container) => probeOfCommand(c.image, c.cmd) !== null
  const applied = applyCommand(world, hostName, line, { keepRunning })
  let w = applied.world
  for (const name of applied.started ?? []) {
    const c = findContainer(w, hostName, name)
    const p = c === undefined ? null : probeOfCommand(c.image, c.cmd)
    if (p === null) continue
    if (imageLacksTool(p.image, p.words[0] as string)) return { world: failHeld(w, hostName, name, 127), result: { ok: false, error: formatRunNotFound(p.program).replace(/^docker: /, '') } }
    w = runHeld(w, hostName, name, p).world
  }
  return { world: w, result: applied.result }
}

export function runCommandLine(world: World, hostName: string, line: string): CommandLineResult {
  const cmd = parseDockerCommand(line.trim().replace(/^sudo\s+/, ''))
  if (cmd.ok && (cmd.value.kind === 'start' || cmd.value.kind === 'restart')) return restartProbes(world, hostName, line)
  // The probe a `docker run` runs as its command; every other line is applyCommand alone.
  const fg = cmd.ok && cmd.value.kind === 'run' && !cmd.value.create ? probeOfCommand(cmd.value.image, cmd.value.cmd) : null
  if (!cmd.ok || cmd.value.kind !== 'run' || fg === null) return applyCommand(world, hostName, line)
  const started = applyCommand(world, hostName, line, { holdForeground: true })
  if (started.held === undefined) return { world: started.world, result: started.result }
  if (imageLacksTool(fg.image, fg.words[0] as string)) {
    // runc fails to start the command, after the networks and ports were set up; the CLI exits 127. The container
    // stays Created (facts 1), or is removed with --rm, as after any failed start.
    return { world: failHeld(started.world, hostName, started.held, 127), result: { ok: false, error: formatRunNotFound(fg.program) } }
  }
  const ran = runHeld(started.world, hostName, started.held, fg)
  // Detached, the probe still runs and sets the exit status, but its output goes to the container's log, not here.
  if (cmd.value.detach) return { world: ran.world, result: started.result }
  return { world: ran.world, result: started.result, probe: { run: ran.run, command: ran.command, world: started.world, result: ran.result, exitCode: ran.exitCode } }
}
