// Every `docker …`, `iptables …` and `nc …` line a lesson shows must run unchanged in the simulator (issue 7). This
// module finds those lines in a lesson's MDX source and runs them, in order, through the same terminal session
// learners use, in one "course world" per lesson. Conventions for authors (content/AUTHORING.md, "Commands in code blocks"):
//   - fenced blocks in sh, bash, shell or console; other languages are not commands
//   - a line `docker …`, `iptables …` or `nc …`/`netcat …`, optionally after a prompt `$ ` or `host2$ ` (the word
//     names the machine; default host1); a trailing `\` continues the line; every other line (output, comments) is
//     ignored. curl, wget, ping and nslookup lines after a prompt are illustrations: blocks show them with their
//     output, some failing on purpose, so they run without having to deliver
//   - the line right after a prompted probe line is what the lesson says it prints: the terminal's first line for
//     the same command must be exactly that (`shows`)
//   - a probe line (`docker exec web ping db`, `laptop$ nc -u -z 10.77.0.10 1053`) must deliver its packet
//   - ```sh fails marks a block whose commands must fail (an error or a dropped packet the lesson shows on purpose)
import { createWorld, ScenarioSchema, type Scenario, type World } from '@/simulator'
import { isProbeLine } from '../challenges/replay'
import { newSession, runLine } from '../terminal/session'

export type LessonCommand = Readonly<{ line: number; on: string; run: string; mustFail: boolean; illustration?: true; shows?: string }>

/** The world every lesson's commands run in: the office LAN of the lessons' examples. */
export const COURSE_WORLD: Scenario = ScenarioSchema.parse({
  lans: [{ name: 'office', subnet: '10.77.0.0/24', gateway: '10.77.0.1' }],
  hosts: [
    { name: 'host1', docker: true, nics: [{ name: 'eth0', lan: 'office', ip: '10.77.0.10' }] },
    { name: 'host2', docker: true, nics: [{ name: 'eth0', lan: 'office', ip: '10.77.0.11' }] },
    { name: 'laptop', docker: false, nics: [{ name: 'eth0', lan: 'office', ip: '10.77.0.50' }] },
  ],
})

const SHELL_LANGUAGES = new Set(['sh', 'bash', 'shell', 'console'])
const FENCE = /^(\s*)(`{3,}|~{3,})\s*([\w-]*)(.*)$/
const COMMAND = /^(?:([A-Za-z][\w-]*)?\$\s+)?((?:docker|iptables|nc|netcat)\s.*)$/
const ILLUSTRATION = /^([A-Za-z][\w-]*)?\$\s+((?:curl|wget|ping|nslookup)\s.*)$/
const PROBE_LINE = /^(?:[A-Za-z][\w-]*)?\$\s+(?:curl|wget|ping|nslookup|nc|netcat)\s/

/** The commands of one lesson's MDX source, in order, with their 1-based line numbers. */
export function extractLessonCommands(source: string): LessonCommand[] {
  const lines = source.split('\n')
  const out: LessonCommand[] = []
  let fence: { marker: string; shell: boolean; mustFail: boolean } | null = null
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i] ?? ''
    const open = FENCE.exec(text)
    if (fence === null) {
      if (open) {
        const meta = (open[4] ?? '').split(/\s+/)
        fence = { marker: open[2] ?? '```', shell: SHELL_LANGUAGES.has(open[3] ?? ''), mustFail: meta.includes('fails') }
      }
      continue
    }
    if (open && (open[2] ?? '').startsWith(fence.marker) && (open[3] ?? '') === '') {
      fence = null
      continue
    }
    if (!fence.shell) continue
    let joined = text.trim()
    const start = i
    while (joined.endsWith('\\') && i + 1 < lines.length) joined = `${joined.slice(0, -1).trimEnd()} ${(lines[++i] ?? '').trim()}`
    const next = (lines[i + 1] ?? '').trim()
    const shown = PROBE_LINE.test(joined) && next !== '' && !FENCE.test(next) && !/^([A-Za-z][\w-]*)?\$\s/.test(next) ? { shows: next } : {}
    const m = COMMAND.exec(joined)
    const il = m ? null : ILLUSTRATION.exec(joined)
    if (m) out.push({ line: start + 1, on: m[1] ?? 'host1', run: m[2] ?? '', mustFail: fence.mustFail, ...shown })
    else if (il) out.push({ line: start + 1, on: il[1] ?? 'host1', run: il[2] ?? '', mustFail: fence.mustFail, illustration: true, ...shown })
  }
  return out
}

export type CommandRun = LessonCommand & { ok: boolean; output: string }

/** Runs the commands in order in a fresh course world, exactly as the terminal would. */
export function runLessonCommands(commands: readonly LessonCommand[], start: World = createWorld(COURSE_WORLD)): CommandRun[] {
  let session = newSession(start)
  return commands.map((c) => {
    session = runLine(session, c.on, c.run)
    const entry = session.log[session.log.length - 1]
    // A probe (`docker exec web ping db`) works when its packet is delivered; any other line works when the simulated
    // engine accepts it. A `fails` block shows the opposite on purpose: a refused, unresolved or rejected command.
    const ok = isProbeLine(c.run) ? session.probe?.result.outcome === 'delivered' : entry?.tone === 'ok'
    return { ...c, ok, output: entry?.output ?? '' }
  })
}
