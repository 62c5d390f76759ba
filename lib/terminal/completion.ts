// Tab completion for the terminal: the word under the cursor (the end of the line) completed from what fits its
// position, using the names that exist in the world right now. Pure, so it is tested without a browser.
import { describeWorld, type World } from '@/simulator'

export const IMAGES = ['nginx', 'httpd', 'redis', 'postgres', 'mysql', 'alpine', 'busybox', 'traefik/whoami', 'nicolaka/netshoot', 'coredns/coredns']

const DOCKER = ['run', 'ps', 'port', 'network', 'exec', 'start', 'stop', 'restart', 'rm', 'kill', 'create', 'swarm', 'service']
const PS_FLAGS = ['-a', '-q', '--format']
const NETWORK = ['create', 'ls', 'rm', 'connect', 'disconnect']
const RUN_FLAGS = ['-d', '--name', '-p', '--publish', '--network', '--ip', '-it', '--rm', '--network-alias', '-P', '--expose', '--hostname', '--add-host']
const NET_FLAGS = ['-d', '--driver', '--subnet', '--gateway', '--ip-range', '-o', '--internal', '--attachable', '--aux-address']

const PROBES = ['curl', 'ping -c 1', 'nslookup', 'nc -z', 'nc -u -z']
// The verbs that take container names, and their flags that take the next word as a value (docker stop -t 5,
// docker exec -e K=V, docker kill -s HUP); `docker exec -t` is a tty switch, not a timeout, hence one list per verb.
const CONTAINER_VERBS: Record<string, readonly string[]> = {
  exec: ['-e', '--env', '--env-file', '-u', '--user', '-w', '--workdir'],
  start: [],
  stop: ['-t', '--time', '--timeout', '-s', '--signal'],
  restart: ['-t', '--time', '--timeout', '-s', '--signal'],
  rm: [],
  kill: ['-s', '--signal'],
  port: [],
}

// iptables: the listing and change commands, the chains a learner edits, and (for listings) Docker's own chains.
const IPTABLES_OPS = ['-L', '-S', '-nL', '-I', '-A', '-D', '-F', '-t']
const OWN_CHAINS = ['INPUT', 'FORWARD', 'OUTPUT', 'DOCKER-USER']
const DOCKER_CHAINS = ['DOCKER', 'DOCKER-BRIDGE', 'DOCKER-CT', 'DOCKER-FORWARD', 'DOCKER-INTERNAL']
const LIST_FLAGS = ['-n', '-v', '--line-numbers']

function iptablesCandidates(args: readonly string[]): string[] {
  const prev = args[args.length - 1]
  if (prev === undefined) return IPTABLES_OPS
  if (prev === '-t') return ['filter', 'nat']
  const listing = args.some((a) => /^-[nv]*[LS][nv]*$/.test(a))
  if (/^-[nv]*[LS][nv]*$/.test(prev)) return args.includes('nat') ? ['PREROUTING', 'OUTPUT', 'POSTROUTING', 'DOCKER'] : [...OWN_CHAINS, ...DOCKER_CHAINS]
  if (listing) return LIST_FLAGS
  if (prev === '-I' || prev === '-A' || prev === '-D' || prev === '-F') return OWN_CHAINS
  if (args.length === 2 && args[0] === '-t') return IPTABLES_OPS.filter((o) => o !== '-t')
  return []
}

/** After `docker <verb>`, the words typed so far hold this many container names (flags and their values skipped). */
function countContainerArgs(args: readonly string[], valueFlags: readonly string[]): { names: number; wantsValue: boolean } {
  let names = 0
  let wantsValue = false
  for (const a of args) {
    if (wantsValue) wantsValue = false
    else if (a.startsWith('-')) wantsValue = valueFlags.includes(a)
    else names += 1
  }
  return { names, wantsValue }
}

function containerVerbCandidates(verb: string, args: readonly string[], names: Names): string[] {
  const { names: given, wantsValue } = countContainerArgs(args, CONTAINER_VERBS[verb] ?? [])
  if (wantsValue) return []
  // docker exec takes one container then the command to run in it; docker port one container then a port; the others
  // take any number of containers.
  if (verb === 'exec' && given >= 1) return given === 1 ? PROBES : []
  if (verb === 'port' && given >= 1) return []
  return names.containers
}

const TOP = ['docker', ...PROBES, 'iptables', 'help', 'clear', 'undo', 'reset']

export type Names = { containers: string[]; networks: string[]; nics: string[] }

export function namesIn(world: World, host: string): Names {
  const h = describeWorld(world).hosts.find((x) => x.name === host)
  return {
    containers: h?.containers.map((c) => c.name) ?? [],
    networks: h?.networks.map((n) => n.name) ?? [],
    nics: h?.nics.map((n) => n.name) ?? [],
  }
}

function candidates(words: readonly string[], names: Names): string[] {
  const [w0, w1] = words
  const prev = words[words.length - 1] ?? ''
  if (words.length === 0) return TOP
  if (w0 === 'iptables') return iptablesCandidates(words.slice(1))
  if (w0 !== 'docker') return []
  if (words.length === 1) return DOCKER
  if (w1 === 'network') {
    if (words.length === 2) return NETWORK
    if (prev === '-d' || prev === '--driver') return ['bridge', 'macvlan', 'ipvlan', 'overlay']
    if (prev === '-o') return names.nics.map((n) => `parent=${n}`)
    if (words[2] === 'create') return NET_FLAGS
    return [...names.networks, ...names.containers]
  }
  if (w1 === 'run' || w1 === 'create') {
    if (prev === '--network' || prev === '--net') return ['host', 'none', ...names.networks]
    if (prev === '--name' || prev === '-p' || prev === '--ip') return []
    return [...RUN_FLAGS, ...IMAGES]
  }
  if (w1 === 'ps') return PS_FLAGS
  if (w1 !== undefined && Object.hasOwn(CONTAINER_VERBS, w1)) return containerVerbCandidates(w1, words.slice(2), names)
  return []
}

export type Completion = { line: string; options: string[] }

/** Completes the last word of `line`; with several matches, extends to their common prefix and lists them. */
export function completeLine(line: string, names: Names): Completion {
  const endsWithSpace = /\s$/.test(line) || line === ''
  const words = line.trim() === '' ? [] : line.trim().split(/\s+/)
  const partial = endsWithSpace ? '' : (words.pop() ?? '')
  const options = [...new Set(candidates(words, names))].filter((c) => c.startsWith(partial))
  if (options.length === 0) return { line, options: [] }
  const head = line.slice(0, line.length - partial.length)
  if (options.length === 1) return { line: `${head}${options[0]} `, options }
  let prefix = options[0] as string
  for (const o of options) while (!o.startsWith(prefix)) prefix = prefix.slice(0, -1)
  return { line: `${head}${prefix}`, options }
}
