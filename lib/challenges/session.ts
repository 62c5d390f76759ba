// The terminal's state machine, pure so the browser and the tests share it: each typed line on one machine gives
// the next session. World-changing lines go through the simulator's applyCommand and are kept as the submission;
// probes (curl, ping, nslookup, docker exec …) are traced with runProbe and change nothing. Undo keeps the earlier
// worlds, so a step back costs nothing and the terminal never replays the whole list on a keystroke.
import { applyCommand, runProbe, type ProbeResult, type World } from '@/simulator'
import { isProbeLine } from './replay'
import type { Command } from './schema'

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
  'Probe from the machine chosen under "Host": curl http://ADDR:PORT, ping -c 1 ADDR, nslookup NAME,',
  '  docker exec CONTAINER curl http://NAME',
  'Terminal: help, clear (empty the screen), undo (take back the last command), reset (back to the start).',
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

const firstWord = (line: string) => line.trim().split(/\s+/)[0] ?? ''

/** What curl/ping/nslookup would print, followed by the simulator's one-sentence explanation. */
export function formatProbeOutput(line: string, r: ProbeResult): string {
  const tool = firstWord(line) === 'docker' ? (line.trim().split(/\s+/).find((w) => ['curl', 'wget', 'ping', 'nslookup'].includes(w)) ?? '') : firstWord(line)
  const by = r.answeredBy === null ? '' : ` from ${r.answeredBy.container ?? r.answeredBy.host}${r.answeredBy.container === null ? '' : ` on ${r.answeredBy.host}`}`
  const head = (() => {
    switch (r.outcome) {
      case 'delivered':
        if (tool === 'ping') return `64 bytes${by}: icmp_seq=1 ttl=64`
        if (tool === 'nslookup') return `Name resolved: ${r.address ?? ''}`
        return `HTTP/1.1 200 OK${by}`
      case 'refused':
        return tool === 'ping' ? 'Destination port unreachable' : `${tool}: (7) Failed to connect: Connection refused`
      case 'timeout':
        return tool === 'ping' ? '1 packets transmitted, 0 received, 100% packet loss' : `${tool}: (28) Connection timed out`
      case 'unreachable':
        return tool === 'ping' ? 'Destination Host Unreachable' : `${tool}: (7) Failed to connect: No route to host`
      case 'unresolved':
        return tool === 'nslookup' ? "** server can't find the name: NXDOMAIN" : `${tool}: (6) Could not resolve host`
      case 'error':
        return ''
    }
  })()
  return head === '' ? r.explanation : `${head}\n# ${r.explanation}`
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
    const result = runProbe(world, on, line)
    return say(s, on, line, formatProbeOutput(line, result), result.outcome === 'delivered' ? 'ok' : 'error', { probe: { id: s.seq + 1, from: on, run: line, result } })
  }
  const step = applyCommand(world, on, line)
  const text = step.result.ok ? [...step.result.warnings, step.result.output].filter((t) => t !== '').join('\n') : [step.result.output, step.result.error].filter((t) => t !== undefined && t !== '').join('\n')
  // A failed command may still change the world (docker run creates the container before the start fails), so it
  // is kept in the submission like any other line the learner ran.
  return say(s, on, line, text, step.result.ok ? 'ok' : 'error', { worlds: [...s.worlds, step.world], commands: [...s.commands, { on, run: line }] })
}
