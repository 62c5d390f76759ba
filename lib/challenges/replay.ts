// Replaying a learner's commands on a challenge's start world. Pure (simulator only), so the browser terminal and
// the server grader build exactly the same world from the same command list: both go through runCommandLine, so a
// foreground `docker run … ping …` leaves the same Exited (0)/(1) container in each.
import { createWorld, runCommandLine, type StepResult, type World } from '@/simulator'
import type { Challenge, Command } from './schema'

/** The programs the simulator traces as probes (simulator/parse/probe-command.ts), alone or after `docker exec C`. */
export const PROBE_TOOLS: readonly string[] = ['curl', 'wget', 'ping', 'nslookup', 'nc', 'netcat']

/** curl, wget, ping, nslookup, nc/netcat and `docker exec …` only observe the world; every other line may change it. */
export function isProbeLine(line: string): boolean {
  const words = line.trim().split(/\s+/)
  const first = words[0] ?? ''
  if (PROBE_TOOLS.includes(first)) return true
  const sub = words[1] === 'container' ? words[2] : words[1]
  return first === 'docker' && sub === 'exec'
}

// Worlds are immutable, so one challenge's start world is built once per loaded challenge and shared by every replay
// (the server grades each attempt from it; the setup steps were a third of an attempt's work).
const startWorlds = new WeakMap<Challenge['world'], World>()

export function startWorld(challenge: Pick<Challenge, 'world'>): World {
  const known = startWorlds.get(challenge.world)
  if (known) return known
  let world = createWorld(challenge.world)
  for (const step of challenge.world.steps) world = runCommandLine(world, step.on, step.run).world
  startWorlds.set(challenge.world, world)
  return world
}

/** One replayed command with the world before and after it (worlds are immutable, so keeping them is cheap). */
export type ReplayedStep = { on: string; run: string; before: World; after: World; result: StepResult }

/** `changed`: at least one command changed the world (a setup of the learner's own, not only listings or errors). */
export type Replay = { start: World; world: World; steps: StepResult[]; history: ReplayedStep[]; changed: boolean }

/** Applies each world-changing command in order; a failing command is a result (as in a real shell), not a stop. */
export function replayCommands(challenge: Pick<Challenge, 'world'>, commands: readonly Command[]): Replay {
  const start = startWorld(challenge)
  let world = start
  const steps: StepResult[] = []
  const history: ReplayedStep[] = []
  let changed = false
  for (const c of commands) {
    if (isProbeLine(c.run)) continue
    const r = runCommandLine(world, c.on, c.run)
    // The simulator returns the same world object when a command changes nothing (listings, refused commands).
    if (r.world !== world) changed = true
    history.push({ on: c.on, run: c.run, before: world, after: r.world, result: r.result })
    world = r.world
    steps.push(r.result)
  }
  return { start, world, steps, history, changed }
}
