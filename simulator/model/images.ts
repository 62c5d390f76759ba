// The image catalog: which ports each image's default command listens on, and whether a command keeps running.
// alpine/busybox run `sh`, which exits at once under -d without -it (docker docs: "docker run -d alpine" exits).
import { compact } from './compact'
import type { Listener } from './types'

const DNS_53: readonly Listener[] = [{ port: 53, proto: 'udp' }, { port: 53, proto: 'tcp' }]

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
  // CoreDNS without a Corefile loads the whoami plugin and serves DNS on :53, UDP and TCP (coredns(1)).
  'coredns/coredns': DNS_53,
  coredns: DNS_53,
}

const SHELLS = new Set(['alpine', 'busybox', 'ubuntu', 'debian', 'nicolaka/netshoot'])
const LONG_RUNNING = new Set(['sleep', 'tail', 'top', 'httpd', 'nc', 'netcat', 'redis-server', 'postgres', 'mysqld', 'python', 'python3'])

export function imageBase(image: string): string {
  const noDigest = image.split('@')[0] as string
  const colon = noDigest.lastIndexOf(':')
  const name = colon > noDigest.lastIndexOf('/') ? noDigest.slice(0, colon) : noDigest
  return name.replace(/^docker\.io\//, '').replace(/^library\//, '')
}

/** The ports the image's Dockerfile EXPOSEs (the servers' default ports; none for shells). */
export function imageExposes(image: string): readonly Listener[] {
  return SERVERS[imageBase(image)] ?? []
}

export function isKnownImage(image: string): boolean {
  const base = imageBase(image)
  return base in SERVERS || SHELLS.has(base)
}

const isPort = (n: number): boolean => Number.isInteger(n) && n > 0 && n < 65536

/** netcat as a server: `nc -u -l -p 53`, `nc -lu -p 53`, `nc -ulp 53`, `nc -l -u 53` (busybox, traditional, openbsd). */
function ncListener(args: readonly string[]): Listener[] {
  const clusters = args.filter((a) => /^-[a-zA-Z]+$/.test(a)).map((a) => a.slice(1))
  if (!clusters.some((c) => c.includes('l'))) return []
  const proto = clusters.some((c) => c.includes('u')) ? 'udp' : 'tcp'
  // -p takes the next word; in a cluster (-lup 53) only when it is the cluster's last letter.
  const at = args.findIndex((a) => /^-[a-zA-Z]*p$/.test(a))
  const port = at >= 0 ? Number(args[at + 1]) : Number(args[args.length - 1])
  return isPort(port) ? [{ port, proto }] : []
}

function listenersOfCommand(cmd: readonly string[]): Listener[] {
  const [prog, ...args] = cmd[0] === 'busybox' ? cmd.slice(1) : cmd
  const portAfter = (flag: string): number | null => {
    const i = args.indexOf(flag)
    const n = i >= 0 ? Number(args[i + 1]) : NaN
    return isPort(n) ? n : null
  }
  if (prog === 'httpd') return [{ port: portAfter('-p') ?? 80, proto: 'tcp' }]
  if (prog === 'nc' || prog === 'netcat') return ncListener(args)
  if ((prog === 'python' || prog === 'python3') && args[0] === '-m' && args[1] === 'http.server') {
    return [{ port: Number(args[2] ?? 8000) || 8000, proto: 'tcp' }]
  }
  return []
}

const basename = (word: string) => word.slice(word.lastIndexOf('/') + 1)

// The image's own server started by hand: its default command typed out (`nginx -g 'daemon off;'`,
// `httpd-foreground`), or flags that the image's entrypoint script hands to the server (redis, postgres, mysql,
// mariadb and traefik prepend their server when the first word starts with "-"). A bare `nginx` daemonizes and exits.
const OWN_SERVER: Readonly<Record<string, readonly string[]>> = {
  nginx: ['nginx', 'nginx-debug'],
  httpd: ['httpd-foreground'],
  redis: ['redis-server'],
  postgres: ['postgres'],
  mysql: ['mysqld'],
  mariadb: ['mariadbd', 'mysqld'],
  traefik: ['traefik'],
}
const FLAGS_TO_SERVER = new Set(['redis', 'postgres', 'mysql', 'mariadb', 'traefik'])

function runsOwnServer(base: string, cmd: readonly string[]): boolean {
  const first = cmd[0] ?? ''
  if (FLAGS_TO_SERVER.has(base) && first.startsWith('-')) return true
  if (!(OWN_SERVER[base] ?? []).includes(basename(first))) return false
  return base !== 'nginx' || cmd.some((w) => /daemon\s+off/.test(w))
}

/**
 * A command the runtime cannot start: in an image without an ENTRYPOINT the first word after the image is the
 * program, so `docker run httpd -p 8080:80` makes runc exec "-p" (not found; the container stays Created). null when
 * the program starts (or the image is not in the catalog).
 */
export function unstartableProgram(image: string, cmd: readonly string[]): string | null {
  const config = IMAGE_CONFIG[imageBase(image)]
  const first = cmd[0]
  if (config === undefined || config.entrypoint.length > 0 || first === undefined) return null
  return first.startsWith('-') ? first : null
}

/** The exit status of a main process that ends at once: nginx's entrypoint script execs its arguments, and a first
 *  word like "-p" is not found (sh: 127); a shell or a daemonizing server with nothing left to do exits 0. */
export function quickExitStatus(image: string, cmd: readonly string[]): number {
  return imageBase(image) === 'nginx' && cmd[0]?.startsWith('-') === true ? 127 : 0
}

/** What the container's main process does: the ports it listens on and whether it keeps running. */
export function processOf(image: string, cmd: readonly string[], interactive: boolean): { listens: readonly Listener[]; longRunning: boolean } {
  const base = imageBase(image)
  const server = SERVERS[base]
  // The coredns image's ENTRYPOINT is /coredns, so words after the image are its flags, not a new command.
  if (server === DNS_53 && cmd.length > 0 && cmd[0]?.startsWith('-')) {
    const i = cmd.indexOf('-dns.port')
    const port = i >= 0 ? Number(cmd[i + 1]) : 53
    return { listens: isPort(port) ? [{ port, proto: 'udp' }, { port, proto: 'tcp' }] : [], longRunning: isPort(port) }
  }
  if (cmd.length === 0 || (server !== undefined && runsOwnServer(base, cmd))) {
    // The catalog's own (readonly) list: every nginx container shares one array rather than copying it.
    if (server !== undefined) return { listens: server, longRunning: true }
    return { listens: compact([]), longRunning: interactive }
  }
  const prog = cmd[0] === 'sh' && cmd[1] === '-c' ? (cmd[2] ?? '').trim().split(/\s+/) : cmd
  const listens = listenersOfCommand(prog)
  const first = (prog[0] === 'busybox' ? prog[1] : prog[0]) ?? ''
  const isShell = first === 'sh' || first === 'bash' || first === 'ash'
  return { listens, longRunning: LONG_RUNNING.has(first) || (isShell && interactive) || listens.length > 0 }
}

// ENTRYPOINT and CMD of each image as its Dockerfile sets them (Docker Official Images and the vendors' images).
const IMAGE_CONFIG: Readonly<Record<string, Readonly<{ entrypoint: readonly string[]; cmd: readonly string[] }>>> = {
  nginx: { entrypoint: ['/docker-entrypoint.sh'], cmd: ['nginx', '-g', 'daemon off;'] },
  httpd: { entrypoint: [], cmd: ['httpd-foreground'] },
  redis: { entrypoint: ['docker-entrypoint.sh'], cmd: ['redis-server'] },
  postgres: { entrypoint: ['docker-entrypoint.sh'], cmd: ['postgres'] },
  mysql: { entrypoint: ['docker-entrypoint.sh'], cmd: ['mysqld'] },
  mariadb: { entrypoint: ['docker-entrypoint.sh'], cmd: ['mariadbd'] },
  traefik: { entrypoint: ['/entrypoint.sh'], cmd: ['traefik'] },
  'traefik/whoami': { entrypoint: ['/whoami'], cmd: [] },
  whoami: { entrypoint: ['/whoami'], cmd: [] },
  'containous/whoami': { entrypoint: ['/whoami'], cmd: [] },
  'coredns/coredns': { entrypoint: ['/coredns'], cmd: [] },
  coredns: { entrypoint: ['/coredns'], cmd: [] },
  alpine: { entrypoint: [], cmd: ['/bin/sh'] },
  busybox: { entrypoint: [], cmd: ['sh'] },
  ubuntu: { entrypoint: [], cmd: ['/bin/bash'] },
  debian: { entrypoint: [], cmd: ['bash'] },
  'nicolaka/netshoot': { entrypoint: [], cmd: ['zsh'] },
}

/**
 * The COMMAND column of `docker ps`: the entrypoint followed by the given command (or the image's CMD), arguments
 * with a space in single quotes (daemon/list.go), cut by the CLI's formatter.Ellipsis to 20 columns: 19 characters
 * and "…", then quoted (cli/command/formatter/container.go Command).
 */
export function formatCommand(image: string, cmd: readonly string[]): string {
  const config = IMAGE_CONFIG[imageBase(image)] ?? { entrypoint: [], cmd: [] }
  const words = [...config.entrypoint, ...(cmd.length > 0 ? cmd : config.cmd)].map((w) => (w.includes(' ') ? `'${w}'` : w))
  const full = words.join(' ')
  return `"${full.length > 20 ? `${full.slice(0, 19)}…` : full}"`
}
