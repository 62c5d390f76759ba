// The terminal's state machine, pure so the browser and the tests share it: each typed line on one machine gives
// the next session. World-changing lines go through the simulator's runCommandLine and are kept as the submission
// (a foreground `docker run … alpine ping …` among them: it prints the probe and shows its trace); probes (curl,
// ping, nslookup, nc, docker exec …) are traced with runProbe and change nothing. Undo keeps the earlier worlds, so
// a step back costs nothing and the terminal never replays the whole list on a keystroke.
import { formatProbeOutput as formatSimulatedOutput, parseDockerCommand, parseProbeCommand, runCommandLine, runProbe, type ProbeCommand, type ProbeResult, type World } from '@/simulator'
import { isProbeLine } from '../challenges/replay'
import type { Command } from '../challenges/schema'

export type LogEntry = { id: number; on: string; input: string; output: string; tone: 'ok' | 'error' | 'info' }
export type ProbeRun = { id: number; from: string; run: string; result: ProbeResult }

export type Session = Readonly<{
  worlds: readonly World[] // worlds[0] is the start; worlds[i] follows commands[i - 1]
  commands: readonly Command[]
  log: readonly LogEntry[]
  probe: ProbeRun | null
  seq: number
}>

export const HELP_TEXT = [
  'Type Docker commands as on a real host, for example:',
  '  docker run -d --name web -p 8080:80 nginx      docker ps',
  '  docker network create -d macvlan --subnet … -o parent=eth0 lan',
  'Look around: docker ps, docker port web, docker network ls, iptables -L DOCKER-USER -n --line-numbers,',
  '  iptables -t nat -S (Docker\'s DNAT rules); iptables -D DOCKER-USER 1 deletes rule 1.',
  'Probe from the machine chosen under "Host": curl http://ADDR:PORT, ping -c 1 ADDR, nslookup NAME,',
  '  nc -z ADDR PORT (one TCP connection), nc -u -z ADDR PORT (UDP: one datagram),',
  '  docker exec CONTAINER curl http://NAME (or any probe above, if the image has it: nginx has curl only, alpine',
  '  busybox wget -qO-, ping, nc, nslookup; postgres and redis none)',
  '  docker run --rm --network NET alpine ping -c 1 ADDR (a throwaway container runs the probe and prints it)',
  'Terminal: help, clear (empty the screen), undo (take back the last command that changed something),',
  '  reset (back to the start).',
  'Keys: ↑/↓ history, Tab completes commands, flags, images, networks and container names.',
].join('\n')

export function newSession(start: World): Session {
  return { worlds: [start], commands: [], log: [], probe: null, seq: 0 }
}

export function currentWorld(s: Session): World {
  return s.worlds[s.worlds.length - 1] as World
}

function say(s: Session, on: string, input: string, output: string, tone: LogEntry['tone'], patch: Partial<Session> = {}): Session {
  const id = s.seq + 1
  return { ...s, ...patch, seq: id, log: [...s.log, { id, on, input, output, tone }] }
}

/** What the probe printed in the terminal (the simulator's client output and explanation) and its colour. */
export function formatProbeOutput(world: World, on: string, probe: ProbeCommand | string, r: ProbeResult): { text: string; tone: LogEntry['tone'] } {
  const out = formatSimulatedOutput(world, on, probe, r)
  return { text: out.text, tone: out.failed ? 'error' : 'ok' }
}

const containerCount = (w: World, on: string): number => w.hosts.get(on)?.engine?.containers.size ?? 0

/** A foreground `docker run --rm` whose container is gone again: only the engine's name/id counters moved. */
function leftNothing(before: World, after: World, on: string, line: string): boolean {
  const cmd = parseDockerCommand(line.replace(/^sudo\s+/, ''))
  return cmd.ok && cmd.value.kind === 'run' && cmd.value.rm && !cmd.value.detach && containerCount(before, on) === containerCount(after, on)
}

/** One line typed on machine `on`. Never throws: a bad command is output, as in a shell. */
export function runLine(s: Session, on: string, raw: string): Session {
  const line = raw.trim()
  if (line === '') return s
  switch (line) {
    case 'help':
      return say(s, on, line, HELP_TEXT, 'info')
    case 'clear':
      return { ...s, log: [] }
    case 'undo': {
      const last = s.commands[s.commands.length - 1]
      if (last === undefined) return say(s, on, line, 'Nothing to undo: the world is as the challenge started.', 'info')
      return say(s, on, line, `Took back: ${last.run} (on ${last.on})`, 'info', { worlds: s.worlds.slice(0, -1), commands: s.commands.slice(0, -1), probe: null })
    }
    case 'reset':
      return say(s, on, line, 'Back to the start: every command you ran is gone.', 'info', { worlds: s.worlds.slice(0, 1), commands: [], probe: null })
  }
  const world = currentWorld(s)
  if (isProbeLine(line)) {
    // Parsed once: a line that does not parse still runs, and the probe prints its error.
    const parsed = parseProbeCommand(line)
    const probe = parsed.ok ? parsed.value : line
    const result = runProbe(world, on, probe)
    const printed = formatProbeOutput(world, on, probe, result)
    return say(s, on, line, printed.text, printed.tone, { probe: { id: s.seq + 1, from: on, run: line, result } })
  }
  const step = runCommandLine(world, on, line)
  // The simulator hands back the same world for a line that changed nothing (docker ps, iptables -L, a typo), and a
  // foreground `docker run --rm …` (the lessons' throwaway helper) leaves nothing behind. Such a line is not part of
  // the submission, so `undo` takes back the last command that did something.
  const kept = step.world === world || leftNothing(world, step.world, on, line) ? {} : { worlds: [...s.worlds, step.world], commands: [...s.commands, { on, run: line }] }
  if (step.probe !== undefined && step.result.ok) {
    // The container's probe printed to the terminal (`docker exec NAME …` is the same probe, in the world it ran in).
    const { command, world: during, result } = step.probe
    const printed = formatProbeOutput(during, on, command, result)
    return say(s, on, line, [...step.result.warnings, printed.text].join('\n'), printed.tone, { ...kept, probe: { id: s.seq + 1, from: on, run: line, result } })
  }
  const text = step.result.ok ? [...step.result.warnings, step.result.output].filter((t) => t !== '').join('\n') : [step.result.output, step.result.error].filter((t) => t !== undefined && t !== '').join('\n')
  // A failed command may still change the world (docker run creates the container before the start fails); then it
  // is kept in the submission like any other line that changed something.
  return say(s, on, line, text, step.result.ok ? 'ok' : 'error', kept)
}
