// The terminal's state machine, pure so the browser and the tests share it: each typed line on one machine gives
// the next session. World-changing lines go through the simulator's runCommandLine and are kept as the submission
// (a foreground `docker run … alpine ping …` among them: it prints the probe and shows its trace); probes (curl,
// ping, nslookup, nc, docker exec …) are traced with runProbe and change nothing. Undo keeps the earlier worlds, so
// a step back costs nothing and the terminal never replays the whole list on a keystroke.
import { findContainer, formatClientOutput, imageBase, parseDockerCommand, parseProbeCommand, probeExitStatus, runCommandLine, runProbe, unreachableErrno, type ProbeResult, type World } from '@/simulator'
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

// What curl prints when a database, not a web server, answers its GET: postgres closes on the bogus startup packet;
// mysql and mariadb greet first and redis answers with an error line, which curl takes for HTTP/0.9 and refuses.
const NOT_HTTP: Readonly<Record<string, string>> = {
  postgres: 'curl: (52) Empty reply from server',
  mysql: 'curl: (1) Received HTTP/0.9 when not allowed',
  mariadb: 'curl: (1) Received HTTP/0.9 when not allowed',
  redis: 'curl: (1) Received HTTP/0.9 when not allowed',
}

const NET_UNREACHABLE = 'Network is unreachable'

// The start of the page each web image serves by default, shortened as the lessons show it.
const PAGES: Readonly<Record<string, string>> = {
  nginx: '<!DOCTYPE html> … Welcome to nginx! …',
  httpd: '<html><body><h1>It works!</h1></body></html>',
  traefik: '404 page not found',
  'traefik/whoami': 'Hostname: … IP: … GET / HTTP/1.1 …',
  whoami: 'Hostname: … IP: … GET / HTTP/1.1 …',
  'containous/whoami': 'Hostname: … IP: … GET / HTTP/1.1 …',
}

/** curl's -m N / --max-time N (seconds), or null. */
function maxTimeOf(argv: readonly string[]): number | null {
  const i = argv.findIndex((a) => a === '-m' || a === '--max-time')
  const n = i >= 0 ? Number(argv[i + 1]) : NaN
  return Number.isInteger(n) && n > 0 ? n : null
}

/** The image of the container that answered a probe, or null when a host (or nothing) answered. */
function answeringImage(world: World, r: ProbeResult): string | null {
  if (r.outcome !== 'delivered' || r.answeredBy?.container == null) return null
  const c = findContainer(world, r.answeredBy.host, r.answeredBy.container)
  return c === undefined ? null : imageBase(c.image)
}

type Printed = { text: string; tone: LogEntry['tone'] }

/**
 * What curl/wget/ping/nslookup/nc would print, followed by the simulator's one-sentence explanation, and how the
 * terminal colours it: a delivered packet is an error when the client still fails (a database answering curl, TLS
 * to a plain-HTTP server).
 */
export function formatProbeOutput(world: World, on: string, line: string, r: ProbeResult): Printed {
  const tone: LogEntry['tone'] = r.outcome === 'delivered' ? 'ok' : 'error'
  const client = formatClientOutput(world, on, line, r)
  const parsed = parseProbeCommand(line)
  const tool = parsed.ok ? parsed.value.tool : null
  // A probe that never ran (a bad line, a failed docker exec) prints its error, which is the explanation itself.
  const ran = parsed.ok && r.outcome !== 'error'
  if (client !== null && client !== '') return { text: ran ? `${client}\n# ${r.explanation}` : client, tone }
  if (tool?.kind === 'nc' && r.outcome !== 'error') {
    // A shell shows nothing here; say so, so the simulator's sentence below is not mistaken for nc's output.
    const status = probeExitStatus(tool, r)
    const silent =
      status === 0
        ? `# nc printed nothing and exited with status 0: ${r.outcome === 'delivered' ? 'the port is open' : 'no ICMP port unreachable came back (open or filtered)'} (nc -v says so).`
        : tool.proto === 'udp' && r.outcome === 'refused'
          ? '# nc printed nothing and exited with status 1: an ICMP port unreachable came back ("Connection refused").'
          : tool.verbose > 0
            ? '# nc printed nothing and exited with status 1 (busybox nc reports a refused connection only with -vv).'
            : '# nc printed nothing and exited with status 1 (nc -v says why).'
    return { text: `${silent}\n# ${r.explanation}`, tone }
  }
  if (tool?.kind !== 'curl') return { text: r.explanation, tone }
  const program = tool.program
  const by = r.answeredBy === null ? '' : ` from ${r.answeredBy.container ?? r.answeredBy.host}${r.answeredBy.container === null ? '' : ` on ${r.answeredBy.host}`}`
  const image = answeringImage(world, r)
  if (image !== null && image in NOT_HTTP) {
    const client = program === 'curl' ? `${NOT_HTTP[image]}\n` : ''
    return { text: `${client}# ${r.answeredBy?.container} (${image}) accepted the TCP connection on port ${tool.port} but speaks no HTTP, so ${program} gets no page; nc -z tests just the connection. (${r.explanation})`, tone: 'error' }
  }
  // An https:// URL answered by one of the course's servers, which all speak plain HTTP: the TLS handshake fails.
  if (tool.tls && r.outcome === 'delivered') {
    const server = r.answeredBy?.container ?? r.answeredBy?.host ?? tool.host
    // curl with OpenSSL 3 (Debian hosts); busybox wget's own TLS words are not modelled, so only the reason is shown.
    const client = program === 'curl' ? 'curl: (35) OpenSSL: error:0A00010B:SSL routines::wrong version number\n' : ''
    return { text: `${client}# ${server} speaks plain HTTP on port ${tool.port}, not TLS, so the ${program} TLS handshake fails: use http://. (The packet itself got there: ${r.explanation})`, tone: 'error' }
  }
  const page = PAGES[image ?? '']
  const reason = r.outcome === 'refused' ? 'Connection refused' : r.outcome === 'timeout' ? 'Connection timed out' : unreachableErrno(r.reason) === 'ENETUNREACH' ? NET_UNREACHABLE : 'No route to host'
  // curl 7.88 and GNU wget as Debian 12 hosts have them; inside containers wget is busybox (client-output.ts).
  const head = (() => {
    switch (r.outcome) {
      case 'delivered':
        return page ?? `HTTP/1.1 200 OK${by}`
      case 'refused':
      case 'timeout':
      case 'unreachable': {
        if (program === 'wget') return `Connecting to ${tool.host}:${tool.port}... failed: ${reason}.${r.outcome === 'timeout' ? ' Retrying.' : ''}`
        // -m N (--max-time) gives up after N seconds with its own wording; without it the kernel's SYN retries end it.
        const maxTime = maxTimeOf(parsed.ok ? parsed.value.argv : [])
        if (r.outcome === 'timeout' && maxTime !== null) return `curl: (28) Connection timed out after ${maxTime * 1000 + 1} milliseconds`
        const ms = r.outcome === 'timeout' ? 129031 : r.outcome === 'unreachable' && reason !== NET_UNREACHABLE ? 3071 : 0
        return `curl: (${r.outcome === 'timeout' ? 28 : 7}) Failed to connect to ${tool.host} port ${tool.port} after ${ms} ms: ${reason}`
      }
      case 'unresolved':
        return program === 'wget' ? `wget: unable to resolve host address ‘${tool.host}’` : `curl: (6) Could not resolve host: ${tool.host}`
      case 'error':
        return ''
    }
  })()
  return { text: head === '' ? r.explanation : `${head}\n# ${r.explanation}`, tone }
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
    const result = runProbe(world, on, line)
    const printed = formatProbeOutput(world, on, line, result)
    return say(s, on, line, printed.text, printed.tone, { probe: { id: s.seq + 1, from: on, run: line, result } })
  }
  const step = runCommandLine(world, on, line)
  // The simulator hands back the same world for a line that changed nothing (docker ps, iptables -L, a typo), and a
  // foreground `docker run --rm …` (the lessons' throwaway helper) leaves nothing behind. Such a line is not part of
  // the submission, so `undo` takes back the last command that did something.
  const kept = step.world === world || leftNothing(world, step.world, on, line) ? {} : { worlds: [...s.worlds, step.world], commands: [...s.commands, { on, run: line }] }
  if (step.probe !== undefined && step.result.ok) {
    // The container's probe printed to the terminal (`docker exec NAME …` is the same probe, in the world it ran in).
    const { run, world: during, result } = step.probe
    const printed = formatProbeOutput(during, on, run, result)
    return say(s, on, line, [...step.result.warnings, printed.text].join('\n'), printed.tone, { ...kept, probe: { id: s.seq + 1, from: on, run: line, result } })
  }
  const text = step.result.ok ? [...step.result.warnings, step.result.output].filter((t) => t !== '').join('\n') : [step.result.output, step.result.error].filter((t) => t !== undefined && t !== '').join('\n')
  // A failed command may still change the world (docker run creates the container before the start fails); then it
  // is kept in the submission like any other line that changed something.
  return say(s, on, line, text, step.result.ok ? 'ok' : 'error', kept)
}
