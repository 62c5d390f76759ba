// Real docker subcommands the simulator does not model. A real host never answers these with "is not a docker
// command", so the simulator says plainly that it lacks them and where to look instead; words Docker itself does
// not know keep Docker's own text (docker-command.ts).

const ADDRESSES = 'docker ps, docker network ls and the topology view show the same addresses.'
const NO_LOGS = 'containers here run no real programs, so there are no logs; a probe (curl, ping, nc) and its trace show what happens to traffic.'
const NO_TERMINAL = 'there is no terminal inside containers; docker exec CONTAINER curl|ping|nc … runs one probe from one.'
const RUNS = 'docker ps shows what runs and its COMMAND.'
const KNOWN_IMAGES = 'docker run knows the images the course uses (nginx, alpine, busybox, …) without pulling them.'
const NAMED_IMAGES = 'use the images the course names (nginx, alpine, busybox, …).'
const NO_REGISTRY = 'there is no registry in the simulated world.'
const NO_FILES = 'containers here have no files.'
const START_STOP = 'docker stop and docker start change whether a container runs.'
const RECREATE = 'docker rm the container and docker run it again with the new options.'
const TOPOLOGY = 'the topology view shows the hosts, their networks and containers.'
const SERVICES = 'the topology view lists each service, its VIPs and tasks.'

// Top-level commands of the docker CLI (v28 `docker --help`), each with where the simulator shows the same thing.
const TOP: Readonly<Record<string, string>> = {
  inspect: ADDRESSES,
  logs: NO_LOGS,
  attach: NO_TERMINAL,
  top: RUNS,
  stats: RUNS,
  pull: KNOWN_IMAGES,
  push: NO_REGISTRY,
  images: KNOWN_IMAGES,
  build: NAMED_IMAGES,
  cp: NO_FILES,
  diff: NO_FILES,
  commit: NAMED_IMAGES,
  export: NO_FILES,
  import: NAMED_IMAGES,
  load: NAMED_IMAGES,
  save: NAMED_IMAGES,
  history: NAMED_IMAGES,
  tag: NAMED_IMAGES,
  rmi: 'images take no space here; docker rm removes containers.',
  pause: START_STOP,
  unpause: START_STOP,
  update: RECREATE,
  wait: 'a foreground docker run … IMAGE ping … waits for its probe and prints it.',
  events: 'the terminal shows what each command did.',
  info: TOPOLOGY,
  version: 'the simulator follows Docker Engine v28/v29.',
  system: TOPOLOGY,
  login: NO_REGISTRY,
  logout: NO_REGISTRY,
  search: KNOWN_IMAGES,
  volume: 'containers here have no files, so there are no volumes.',
  image: KNOWN_IMAGES,
  node: 'the topology view shows every swarm node and its role (docker swarm init/join made them).',
  stack: 'docker service create starts each service on its own.',
  config: 'services here take no config files.',
  secret: 'services here take no secrets.',
  plugin: 'the simulator has the bridge, host, none, macvlan, ipvlan and overlay drivers built in.',
  context: 'each machine under "Host" is its own Docker host.',
  compose: 'run each service with docker run, and its network with docker network create.',
  builder: NAMED_IMAGES,
  buildx: NAMED_IMAGES,
  manifest: NO_REGISTRY,
  trust: NO_REGISTRY,
  checkpoint: START_STOP,
  init: 'run each service with docker run.',
  scout: NO_REGISTRY,
}

// Management commands name their subcommand too (`docker node ls`); the others stand alone (`docker inspect`).
const MANAGEMENT = new Set(['system', 'volume', 'image', 'node', 'stack', 'config', 'secret', 'plugin', 'context', 'compose', 'builder', 'buildx', 'manifest', 'trust', 'checkpoint'])

// Subcommands of the groups the simulator models in part.
const SUB: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  container: { inspect: ADDRESSES, logs: NO_LOGS, attach: NO_TERMINAL, top: RUNS, stats: RUNS, cp: NO_FILES, pause: START_STOP, unpause: START_STOP, update: RECREATE, wait: 'a foreground docker run … IMAGE ping … waits for its probe and prints it.', prune: 'docker rm -f NAME removes a container.', export: NO_FILES, diff: NO_FILES, commit: NAMED_IMAGES },
  network: { inspect: ADDRESSES, prune: 'docker network rm NAME removes a network.' },
  swarm: { 'join-token': 'the tokens here are SWMTKN-1-WORKER and SWMTKN-1-MANAGER: docker swarm join --token SWMTKN-1-MANAGER MANAGER_IP:2377.', update: 'docker swarm leave and init again start over.', unlock: 'the simulated swarm is never locked.', 'unlock-key': 'the simulated swarm is never locked.', ca: 'the simulated swarm has no certificates.' },
  service: { ls: SERVICES, ps: SERVICES, inspect: ADDRESSES, logs: NO_LOGS, scale: 'docker service rm it and create it again with --replicas.', rollback: 'docker service rm it and create it again with the old options.' },
}

/** The hint for `docker WORDS…` when Docker has that command and the simulator does not, else null. */
function hintFor(words: readonly string[]): { command: string; hint: string } | null {
  const [group = '', sub = ''] = words
  const inGroup = SUB[group]?.[sub]
  if (inGroup !== undefined) return { command: `docker ${group} ${sub}`, hint: inGroup }
  const top = Object.hasOwn(TOP, group) ? TOP[group] : undefined
  if (top === undefined) return null
  const named = MANAGEMENT.has(group) && sub !== '' && !sub.startsWith('-') ? `docker ${group} ${sub}` : `docker ${group}`
  return { command: named, hint: top }
}

export function isUnmodelledCommand(words: readonly string[]): boolean {
  return hintFor(words) !== null
}

/** "docker inspect: not available in this simulator; docker ps, … show the same addresses." */
export function formatUnmodelled(words: readonly string[]): string {
  const found = hintFor(words)
  if (found === null) return `docker ${words.join(' ')}: not available in this simulator.`
  return `${found.command}: not available in this simulator; ${found.hint}`
}
