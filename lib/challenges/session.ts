// The terminal's state machine, pure so the browser and the tests share it: each typed line on one machine gives
// the next session. World-changing lines go through the simulator's runCommandLine and are kept as the submission
// (a foreground `docker run … alpine ping …` among them: it prints the probe and shows its trace); probes (curl,
// ping, nslookup, nc, docker exec …) are traced with runProbe and change nothing. Undo keeps the earlier worlds, so
// a step back costs nothing and the terminal never replays the whole list on a keystroke.
import { formatClientOutput, parseNc, runCommandLine, runProbe, type ProbeResult, type ProbeTool, type World } from '@/simulator'
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
  '  nc -z ADDR PORT (one TCP connection), nc -u -z ADDR PORT (UDP: one datagram),',
  '  docker exec CONTAINER curl http://NAME (or any probe above, run inside the container)',
  '  docker run --rm --network NET alpine ping -c 1 ADDR (a throwaway container runs the probe and prints it)',
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

/** The probe program's own words: the line itself, or what follows `docker exec [OPTIONS] CONTAINER`. */
function toolWords(line: string): string[] {
  const words = line.trim().split(/\s+/)
  if (words[0] !== 'docker') return words
  const rest = words[1] === 'container' ? words.slice(2) : words.slice(1)
  let i = 1
  while (i < rest.length && (rest[i] as string).startsWith('-')) i++
  return rest.slice(i + 1)
}

// getservbyport(3) answers from /etc/services; these are Debian netbase's entries for ports the course uses.
const SERVICES: Readonly<Record<string, string>> = {
  '22/tcp': 'ssh', '53/tcp': 'domain', '53/udp': 'domain', '80/tcp': 'http', '443/tcp': 'https', '443/udp': 'https',
  '3306/tcp': 'mysql', '5353/udp': 'mdns', '5432/tcp': 'postgresql', '6379/tcp': 'redis', '8080/tcp': 'http-alt',
}

type NcTool = Extract<ProbeTool, { kind: 'nc' }>

/** The nc line as the simulator parsed it (probe-command.ts), or null for a line it rejected (outcome "error"). */
function ncTool(args: readonly string[]): NcTool | null {
  const parsed = parseNc('nc', args)
  return parsed.ok && parsed.value.kind === 'nc' ? parsed.value : null
}

/** The address nc connected to: the first hop of its own packet (a name's DNS query has no source port). */
function connectedTo(r: ProbeResult): string | undefined {
  return r.trace.find((h) => h.packet.sport !== undefined)?.packet.dst
}

/**
 * What `nc -z` prints, in the words of OpenBSD netcat as Debian and Ubuntu ship it (netcat-openbsd, the `nc` on the
 * course's Debian hosts and laptop; netcat.c `connection_info`, `remote_connect`, `udptest`). -z prints "succeeded!"
 * on success; a failed TCP connect is reported only with -v; a UDP probe fails only on an ICMP port unreachable, and
 * then silently ("No info on failed or skipped test"). Exit status: 0 on success, 1 otherwise.
 */
export function formatNcOutput(args: readonly string[], r: ProbeResult): string {
  const nc = ncTool(args)
  if (nc === null) return ''
  const ip = connectedTo(r)
  const service = nc.numeric ? '*' : (SERVICES[`${nc.port}/${nc.proto}`] ?? '*')
  const succeeded = `Connection to ${nc.host}${ip !== undefined && ip !== nc.host ? ` (${ip})` : ''} ${nc.port} port [${nc.proto}/${service}] succeeded!`
  const failed = (reason: string) => (nc.verbose ? `nc: connect to ${nc.host} port ${nc.port} (${nc.proto}) ${reason}` : '')
  switch (r.outcome) {
    case 'delivered':
      return succeeded
    case 'unresolved':
      return `nc: getaddrinfo for host "${nc.host}" port ${nc.port}: Name or service not known`
    case 'error':
      return ''
    case 'refused':
      return nc.proto === 'udp' ? '' : failed('failed: Connection refused')
    case 'timeout':
    case 'unreachable':
      // With no route at all, connect(2) fails at once, for a UDP socket too (ENETUNREACH).
      if (r.explanation.startsWith('Network is unreachable')) return failed('failed: Network is unreachable')
      // UDP needs no answer, so nc reports success unless an ICMP port unreachable comes back: open|filtered.
      if (nc.proto === 'udp') return `${succeeded}\n# nc cannot tell: no ICMP port unreachable came back, so "succeeded" means open or filtered.`
      if (r.outcome === 'unreachable') return failed('failed: No route to host')
      return failed(nc.wait ? 'timed out: Operation now in progress' : 'failed: Connection timed out')
  }
}

/** What curl/ping/nslookup/nc would print, followed by the simulator's one-sentence explanation. */
export function formatProbeOutput(world: World, on: string, line: string, r: ProbeResult): string {
  const [tool = '', ...args] = toolWords(line)
  // ping and nslookup: what the client itself prints (busybox in containers, iputils/bind9 on hosts).
  const client = tool === 'ping' || tool === 'nslookup' ? formatClientOutput(world, on, line, r) : null
  if (client !== null) return client === r.explanation ? client : `${client}\n# ${r.explanation}`
  const by = r.answeredBy === null ? '' : ` from ${r.answeredBy.container ?? r.answeredBy.host}${r.answeredBy.container === null ? '' : ` on ${r.answeredBy.host}`}`
  const head = (() => {
    if (tool === 'nc' || tool === 'netcat') {
      const printed = formatNcOutput(args, r)
      if (printed !== '' || r.outcome === 'error') return printed
      // A shell shows nothing here; say so, so the simulator's sentence below is not mistaken for nc's output.
      if (ncTool(args)?.proto === 'udp') return '# nc printed nothing and exited with status 1: an ICMP port unreachable came back ("Connection refused").'
      return '# nc printed nothing and exited with status 1 (nc -v says why).'
    }
    switch (r.outcome) {
      case 'delivered':
        return `HTTP/1.1 200 OK${by}`
      case 'refused':
        return `${tool}: (7) Failed to connect: Connection refused`
      case 'timeout':
        return `${tool}: (28) Connection timed out`
      case 'unreachable':
        return `${tool}: (7) Failed to connect: No route to host`
      case 'unresolved':
        return `${tool}: (6) Could not resolve host`
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
    return say(s, on, line, formatProbeOutput(world, on, line, result), result.outcome === 'delivered' ? 'ok' : 'error', { probe: { id: s.seq + 1, from: on, run: line, result } })
  }
  const step = runCommandLine(world, on, line)
  const kept = { worlds: [...s.worlds, step.world], commands: [...s.commands, { on, run: line }] }
  if (step.probe !== undefined && step.result.ok) {
    // The container's probe printed to the terminal (`docker exec NAME …` is the same probe, in the world it ran in).
    const { run, world: during, result } = step.probe
    const text = [...step.result.warnings, formatProbeOutput(during, on, run, result)].join('\n')
    return say(s, on, line, text, result.outcome === 'delivered' ? 'ok' : 'error', { ...kept, probe: { id: s.seq + 1, from: on, run: line, result } })
  }
  const text = step.result.ok ? [...step.result.warnings, step.result.output].filter((t) => t !== '').join('\n') : [step.result.output, step.result.error].filter((t) => t !== undefined && t !== '').join('\n')
  // A failed command may still change the world (docker run creates the container before the start fails), so it
  // is kept in the submission like any other line the learner ran.
  return say(s, on, line, text, step.result.ok ? 'ok' : 'error', kept)
}
