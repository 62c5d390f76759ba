// The image catalog: which ports each image's default command listens on, and whether a command keeps running.
// alpine/busybox run `sh`, which exits at once under -d without -it (docker docs: "docker run -d alpine" exits).
import { compact } from './compact'
import type { Listener } from './types'

const SERVERS: Readonly<Record<string, readonly Listener[]>> = {
  nginx: [{ port: 80, proto: 'tcp' }],
  httpd: [{ port: 80, proto: 'tcp' }],
  redis: [{ port: 6379, proto: 'tcp' }],
  postgres: [{ port: 5432, proto: 'tcp' }],
  mysql: [{ port: 3306, proto: 'tcp' }],
  mariadb: [{ port: 3306, proto: 'tcp' }],
  traefik: [{ port: 80, proto: 'tcp' }],
  'traefik/whoami': [{ port: 80, proto: 'tcp' }],
  whoami: [{ port: 80, proto: 'tcp' }],
  'containous/whoami': [{ port: 80, proto: 'tcp' }],
}

const SHELLS = new Set(['alpine', 'busybox', 'ubuntu', 'debian', 'nicolaka/netshoot'])
const LONG_RUNNING = new Set(['sleep', 'tail', 'top', 'httpd', 'nc', 'nginx', 'redis-server', 'postgres', 'mysqld', 'python', 'python3'])

export function imageBase(image: string): string {
  const noDigest = image.split('@')[0] as string
  const colon = noDigest.lastIndexOf(':')
  const name = colon > noDigest.lastIndexOf('/') ? noDigest.slice(0, colon) : noDigest
  return name.replace(/^docker\.io\//, '').replace(/^library\//, '')
}

export function isKnownImage(image: string): boolean {
  const base = imageBase(image)
  return base in SERVERS || SHELLS.has(base)
}

function listenersOfCommand(cmd: readonly string[]): Listener[] {
  const [prog, ...args] = cmd
  const portAfter = (flag: string): number | null => {
    const i = args.indexOf(flag)
    const n = i >= 0 ? Number(args[i + 1]) : NaN
    return Number.isInteger(n) && n > 0 && n < 65536 ? n : null
  }
  if (prog === 'httpd') return [{ port: portAfter('-p') ?? 80, proto: 'tcp' }]
  if (prog === 'nc' && args.some((a) => a.startsWith('-l'))) {
    const p = portAfter('-p') ?? Number(args[args.length - 1])
    const proto = args.some((a) => a === '-u' || /^-\w*u/.test(a)) ? 'udp' : 'tcp'
    return Number.isInteger(p) && p > 0 && p < 65536 ? [{ port: p, proto }] : []
  }
  if ((prog === 'python' || prog === 'python3') && args[0] === '-m' && args[1] === 'http.server') {
    return [{ port: Number(args[2] ?? 8000) || 8000, proto: 'tcp' }]
  }
  return []
}

/** What the container's main process does: the ports it listens on and whether it keeps running. */
export function processOf(image: string, cmd: readonly string[], interactive: boolean): { listens: readonly Listener[]; longRunning: boolean } {
  const base = imageBase(image)
  const server = SERVERS[base]
  if (cmd.length === 0) {
    // The catalog's own (readonly) list: every nginx container shares one array rather than copying it.
    if (server !== undefined) return { listens: server, longRunning: true }
    return { listens: compact([]), longRunning: interactive }
  }
  const prog = cmd[0] === 'sh' && cmd[1] === '-c' ? (cmd[2] ?? '').trim().split(/\s+/) : cmd
  const listens = listenersOfCommand(prog)
  const first = prog[0] ?? ''
  const isShell = first === 'sh' || first === 'bash' || first === 'ash'
  return { listens, longRunning: LONG_RUNNING.has(first) || (isShell && interactive) || listens.length > 0 }
}

const DEFAULT_COMMANDS: Readonly<Record<string, string>> = {
  nginx: '/docker-entrypoint.sh nginx -g daemon off;',
  httpd: 'httpd-foreground',
  redis: 'docker-entrypoint.sh redis-server',
  postgres: 'docker-entrypoint.sh postgres',
  mysql: 'docker-entrypoint.sh mysqld',
  mariadb: 'docker-entrypoint.sh mariadbd',
  traefik: '/entrypoint.sh traefik',
  'traefik/whoami': '/whoami',
  whoami: '/whoami',
  alpine: '/bin/sh',
  busybox: 'sh',
}

/** The COMMAND column of `docker ps`: the image's default when no command was given, cut at 20 characters. */
export function formatCommand(image: string, cmd: readonly string[]): string {
  const full = cmd.length > 0 ? cmd.join(' ') : (DEFAULT_COMMANDS[imageBase(image)] ?? '')
  return `"${full.length > 20 ? `${full.slice(0, 20)}…` : full}"`
}
