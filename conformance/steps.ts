/**
 * Maps a scenario step to the real command: `docker …` runs the docker client against that host's engine,
 * `iptables …` runs in that host's netns. Two test-bed adaptations, both things a learner's single-NIC host
 * does on its own: `swarm init/join` get `--advertise-addr <the host's first NIC IP>` (swarm only picks
 * "device" interfaces, and veths are not), and the SWMTKN-1-WORKER/MANAGER placeholders become the tokens
 * the manager printed. `service create` gets `--detach` and the recorder then waits up to 30 s for the
 * replicas: without IPVS (this kernel) VIP-mode tasks never converge, and the client would wait forever.
 */
import { execArgv, sleep } from './exec'
import { splitWords } from './probe-command'
import { toStepError, toStepWarning } from './classify'
import { isListingCommand, normalizeListing } from './listing'
import type { RecordedStep } from './schema'
import type { Testbed } from './testbed'

export type SwarmTokens = { worker?: string; manager?: string }

export type StepPlan = { ok: true; argv: string[] } | { ok: false; error: string }

export function planStep(run: string, host: string, bed: Testbed, tokens: SwarmTokens): StepPlan {
  const words = splitWords(run.trim())
  const netns = bed.hostNetns.get(host)
  if (!netns) return { ok: false, error: `no host named "${host}"` }
  if (words[0] === 'iptables') return { ok: true, argv: ['ip', 'netns', 'exec', netns, 'iptables', '-w', '10', ...words.slice(1)] }
  if (words[0] === 'ip') return { ok: true, argv: ['ip', 'netns', 'exec', netns, ...words] }
  if (words[0] !== 'docker') return { ok: false, error: `the test bed runs only docker, iptables and ip steps, got "${words[0] ?? ''}"` }
  const engine = bed.engines.get(host)
  if (!engine) return { ok: false, error: `${host} does not run Docker Engine` }
  let args = words.slice(1).map((w) => w.replace('SWMTKN-1-WORKER', tokens.worker ?? 'SWMTKN-1-WORKER').replace('SWMTKN-1-MANAGER', tokens.manager ?? 'SWMTKN-1-MANAGER'))
  const firstIp = bed.hostIps.get(host)?.[0]
  const isSwarmInitOrJoin = args[0] === 'swarm' && (args[1] === 'init' || args[1] === 'join')
  if (isSwarmInitOrJoin && firstIp && !args.some((a) => a.startsWith('--advertise-addr'))) {
    args = [args[0] ?? '', args[1] ?? '', '--advertise-addr', firstIp, ...args.slice(2)]
  }
  if (args[0] === 'service' && args[1] === 'create' && !args.includes('--detach') && !args.includes('-d')) {
    args = [args[0], args[1], '--detach', ...args.slice(2)]
  }
  return { ok: true, argv: [...engine.docker, ...args] }
}

/** Waits until `docker service ls` shows every replica of the service running, for at most 30 s. */
async function waitForService(bed: Testbed, host: string, name: string): Promise<void> {
  const engine = bed.engines.get(host)
  if (!engine) return
  for (let i = 0; i < 60; i++) {
    const res = await execArgv([...engine.docker, 'service', 'ls', '--filter', `name=${name}`, '--format', '{{.Name}} {{.Replicas}}'], { timeoutMs: 15_000 })
    const m = new RegExp(`^${name} (\\d+)/(\\d+)`, 'm').exec(res.stdout)
    if (m && m[1] === m[2] && m[1] !== '0') return
    await sleep(500)
  }
}

export async function runStep(run: string, host: string, bed: Testbed, tokens: SwarmTokens): Promise<RecordedStep> {
  const plan = planStep(run, host, bed, tokens)
  if (!plan.ok) throw new Error(`step "${run}" on ${host}: ${plan.error}`)
  // `service create` waits for tasks to converge; the engine can take a while on two cores.
  const res = await execArgv(plan.argv, { timeoutMs: 120_000 })
  const warning = toStepWarning(res.stderr)
  if (res.code === 0) {
    const words = splitWords(run)
    if (words[1] === 'swarm' && words[2] === 'init') await fetchTokens(bed, host, tokens)
    const nameAt = words.indexOf('--name')
    if (words[1] === 'service' && words[2] === 'create' && nameAt > 0) await waitForService(bed, host, words[nameAt + 1] ?? '')
    const listing = isListingCommand(run) ? { listing: normalizeListing(res.stdout) } : {}
    return warning ? { ok: true, warning, ...listing } : { ok: true, ...listing }
  }
  const error = res.timedOut ? 'the command did not finish within 120 s' : toStepError(res.stderr)
  return warning ? { ok: false, error, warning } : { ok: false, error }
}

async function fetchTokens(bed: Testbed, host: string, tokens: SwarmTokens): Promise<void> {
  const engine = bed.engines.get(host)
  if (!engine) return
  for (const role of ['worker', 'manager'] as const) {
    const res = await execArgv([...engine.docker, 'swarm', 'join-token', '-q', role], { timeoutMs: 30_000 })
    if (res.code === 0) tokens[role] = res.stdout.trim()
  }
}
