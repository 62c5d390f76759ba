// Every command the course shows must stay true on a real host, where a container can run only the client tools its
// image has (simulator/model/image-tools.ts): nginx has curl but no ping, postgres has no client at all, alpine has
// busybox wget but no curl. This walks every lesson command, every challenge (start world, reference solution and
// near misses, then each check) and every quiz predict probe, and names each item that fails for a missing tool.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { runCommandLine, runProbe, runScenario, type World } from '@/simulator'
import { runCheckProbe } from '../challenges/grade'
import { challengeDir, loadChallenge } from '../challenges/load.server'
import { isProbeLine, startWorld } from '../challenges/replay'
import type { Challenge, Command } from '../challenges/schema'
import { extractLessonCommands, runLessonCommands } from './lesson-commands'

vi.mock('server-only', () => ({}))
const { getSolutions } = await import('../challenges/solutions/index.server')
const { loadAllQuizzes } = await import('../quiz/load.server')

// runc's words when the program is not in the image (the simulator's docker exec and docker run both say it).
const MISSING = 'executable file not found in $PATH'

/** The lines of `text` that report a missing tool, each prefixed with what ran. */
function missing(label: string, text: string): string[] {
  return text.includes(MISSING) ? [`${label}: ${text.split('\n').join(' / ')}`] : []
}

/** Runs commands as the terminal does (probes traced in the world of the moment), collecting missing-tool failures. */
function runCommands(world: World, commands: readonly Command[], label: string): { world: World; found: string[] } {
  let w = world
  const found: string[] = []
  for (const c of commands) {
    if (isProbeLine(c.run)) {
      found.push(...missing(`${label} ${c.on}$ ${c.run}`, runProbe(w, c.on, c.run).explanation))
      continue
    }
    const r = runCommandLine(w, c.on, c.run)
    w = r.world
    found.push(...missing(`${label} ${c.on}$ ${c.run}`, r.result.ok ? (r.probe?.result.explanation ?? '') : r.result.error))
  }
  return { world: w, found }
}

function checkAll(challenge: Challenge, world: World, label: string): string[] {
  return challenge.checks.flatMap((check) => missing(`${label} check ${check.id} (${check.run})`, runCheckProbe(world, check.from, check.run).explanation))
}

const lessonDir = path.join(process.cwd(), 'content', 'lessons')
const lessons = readdirSync(lessonDir).filter((f) => f.endsWith('.mdx')).sort()
const challengeIds = readdirSync(challengeDir())
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''))
  .sort()

describe('content execs only tools the image has', () => {
  it('notices a missing tool in a lesson line, a command and a check (the walk is not vacuous)', () => {
    const runs = runLessonCommands(extractLessonCommands('```sh\ndocker run -d --name web nginx\ndocker exec web ping -c 1 10.77.0.50\n```'))
    expect(runs.flatMap((r) => missing(`line ${r.line}`, r.output))).toEqual([expect.stringMatching(/^line 3: OCI runtime exec failed: .*"ping": executable file not found/)])
    const challenge = loadChallenge('internal-db-network')
    if (challenge === null) throw new Error('internal-db-network is missing')
    const ran = runCommands(startWorld(challenge), [{ on: 'host1', run: 'docker run --rm postgres curl http://10.77.0.50' }], 'x')
    expect(ran.found).toEqual([expect.stringContaining('exec: "curl": executable file not found')])
    const withCurlCheck = { ...challenge, checks: [{ ...challenge.checks[0]!, from: 'host1', run: 'docker exec db curl http://10.77.0.50' }] }
    expect(checkAll(withCurlCheck, ran.world, 'x')).toHaveLength(1)
  })

  it.each(lessons)('lesson %s', (file) => {
    const runs = runLessonCommands(extractLessonCommands(readFileSync(path.join(lessonDir, file), 'utf8')))
    expect(runs.flatMap((r) => missing(`line ${r.line}: ${r.on}$ ${r.run}`, r.output))).toEqual([])
  })

  it.each(challengeIds)('challenge %s: start world, reference solution, near misses and checks', (id) => {
    const challenge = loadChallenge(id)
    const solutions = getSolutions(id)
    if (challenge === null || solutions === undefined) throw new Error(`challenge ${id} has no file or no solutions`)
    const start = startWorld(challenge)
    const steps = runCommands(createStart(challenge), challenge.world.steps, 'start step')
    const solved = runCommands(start, solutions.reference, 'reference')
    const misses = solutions.nearMisses.flatMap((m) => {
      const r = runCommands(start, m.commands, `near miss "${m.name}"`)
      return [...r.found, ...checkAll(challenge, r.world, `near miss "${m.name}"`)]
    })
    expect([...steps.found, ...checkAll(challenge, start, 'start'), ...solved.found, ...checkAll(challenge, solved.world, 'reference'), ...misses]).toEqual([])
  })

  const predicts = loadAllQuizzes().flatMap((quiz) => quiz.questions.flatMap((q) => (q.type === 'predict' ? [[`${quiz.id}/${q.id}`, q] as const] : [])))
  it.each(predicts)('quiz predict %s', (_id, q) => {
    const run = runScenario({ ...q.scenario, probes: [q.probe] })
    if (!run.ok) throw new Error(run.error.message)
    const found = [
      ...run.value.steps.flatMap((s, i) => (s.ok ? [] : missing(`step ${i}`, s.error))),
      ...run.value.probes.flatMap((p) => missing(`probe ${q.probe.from}$ ${q.probe.run}`, p.explanation)),
    ]
    expect(found).toEqual([])
  })
})

/** The world before the challenge's own steps, so a step that fails for a missing tool is seen too. */
function createStart(challenge: Challenge): World {
  return startWorld({ world: { ...challenge.world, steps: [] } })
}
