// runCommandLine: one line typed on a host, as a shell runs it. A `docker run` in the foreground (no -d) whose
// command is a probe tool (ping, curl, wget, nslookup, nc) runs that probe from the new container while it runs:
// same networks, DNS and firewall as `docker exec` into it. Then the container exits with the tool's status and
// --rm removes it. A tool the image does not have fails to start, as runc reports it. Every other line is exactly
// applyCommand. This sits above model/ and trace/ because it needs both.
import { applyCommand, exitHeld, failHeld, formatRunNotFound, imageLacksTool, type StepResult, type World } from './model'
import { formatShellWord } from './parse/argv'
import { parseDockerCommand } from './parse/docker-command'
import { parseProbeCommand, type ProbeTool } from './parse/probe-command'
import { runProbe, type ProbeResult } from './trace'
import { NET_UNREACHABLE } from './trace/client-output'

export type ForegroundProbe = Readonly<{
  run: string // the same probe as `docker exec NAME TOOL …`, the line formatClientOutput reads
  world: World // the world while the container ran (it may be gone afterwards with --rm)
  result: ProbeResult
  exitCode: number // the tool's exit status, which is the container's: `Exited (N)`
}>

export type CommandLineResult = { world: World; result: StepResult; probe?: ForegroundProbe }

/** The probe tool a foreground `docker run` would run, or null when the line is anything else. */
function foregroundProbe(line: string): { image: string; program: string; words: readonly string[]; tool: ProbeTool } | null {
  const cmd = parseDockerCommand(line.trim().replace(/^sudo\s+/, ''))
  if (!cmd.ok || cmd.value.kind !== 'run' || cmd.value.detach || cmd.value.create) return null
  // `busybox ping …` is busybox's own spelling of the same applet.
  const words = cmd.value.cmd[0] === 'busybox' ? cmd.value.cmd.slice(1) : cmd.value.cmd
  if (words.length === 0) return null
  const parsed = parseProbeCommand(['docker', 'exec', 'probe', ...words].map(formatShellWord).join(' '))
  return parsed.ok ? { image: cmd.value.image, program: cmd.value.cmd[0] as string, words, tool: parsed.value.tool } : null
}

/** What the tool exits with: 0 when it got through, else 1 (busybox and iputils ping, nslookup, curl/wget, nc). */
export function probeExitStatus(tool: ProbeTool, r: ProbeResult): number {
  if (r.outcome === 'delivered') return 0
  // nc -u -z fails only when an ICMP error comes back or no route exists: silence counts as success (open|filtered).
  const silent = r.outcome === 'timeout' || (r.outcome === 'unreachable' && !r.explanation.startsWith(NET_UNREACHABLE))
  return tool.kind === 'nc' && tool.proto === 'udp' && silent ? 0 : 1
}

export function runCommandLine(world: World, hostName: string, line: string): CommandLineResult {
  const fg = foregroundProbe(line)
  if (fg === null) return applyCommand(world, hostName, line)
  const started = applyCommand(world, hostName, line, { holdForeground: true })
  if (started.held === undefined) return { world: started.world, result: started.result }
  if (imageLacksTool(fg.image, fg.words[0] as string)) {
    // runc fails to start the command, after the networks and ports were set up; the CLI exits 127. The container
    // stays Created (facts 1), or is removed with --rm, as after any failed start.
    return { world: failHeld(started.world, hostName, started.held, 127), result: { ok: false, error: formatRunNotFound(fg.program) } }
  }
  const run = ['docker', 'exec', started.held, ...fg.words].map(formatShellWord).join(' ')
  const result = runProbe(started.world, hostName, run)
  const exitCode = probeExitStatus(fg.tool, result)
  return { world: exitHeld(started.world, hostName, started.held, exitCode), result: started.result, probe: { run, world: started.world, result, exitCode } }
}
