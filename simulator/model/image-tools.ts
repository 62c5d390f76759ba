// Which client tools an image really ships, so `docker exec web ping db` fails in the simulator as it does on a real
// host (nginx is Debian slim: no ping). Source: docker-library/repo-info package lists and the images' Dockerfiles,
// checked 2026-11. An image not listed here is unknown and keeps every tool, so the simulator never invents a failure.
import { imageBase } from './images'

export type ClientTool = 'curl' | 'wget' | 'ping' | 'nc' | 'nslookup'

const NONE: ReadonlySet<ClientTool> = new Set()
// busybox's applets in alpine and busybox images (and in images built FROM alpine).
const BUSYBOX: ReadonlySet<ClientTool> = new Set(['wget', 'ping', 'nc', 'nslookup'])
const EVERY: ReadonlySet<ClientTool> = new Set(['curl', 'wget', 'ping', 'nc', 'nslookup'])
const CURL_ONLY: ReadonlySet<ClientTool> = new Set(['curl'])

const TOOLS: Readonly<Record<string, ReadonlySet<ClientTool>>> = {
  // Debian trixie-slim with curl.
  nginx: CURL_ONLY,
  httpd: NONE,
  redis: NONE,
  postgres: NONE,
  mariadb: NONE,
  // Oracle Linux 9 slim with curl from microdnf.
  mysql: CURL_ONLY,
  alpine: BUSYBOX,
  busybox: BUSYBOX,
  traefik: BUSYBOX,
  'nicolaka/netshoot': EVERY,
  // scratch / distroless: one static binary and no shell at all.
  'traefik/whoami': NONE,
  'containous/whoami': NONE,
  whoami: NONE,
  'coredns/coredns': NONE,
  coredns: NONE,
  debian: NONE,
  ubuntu: NONE,
}

/** The tool a program name stands for: `netcat` is nc's other name. Null for a program outside the table. */
export function toClientTool(program: string): ClientTool | null {
  if (program === 'netcat') return 'nc'
  return (EVERY as ReadonlySet<string>).has(program) ? (program as ClientTool) : null
}

/** The tools an image has, or null when the simulator does not know the image (then it allows every tool). */
export function toolsOfImage(image: string): ReadonlySet<ClientTool> | null {
  const base = imageBase(image)
  const tools = TOOLS[base]
  if (tools === undefined) return null
  const noDigest = image.split('@')[0] as string
  const colon = noDigest.lastIndexOf(':')
  const tag = colon > noDigest.lastIndexOf('/') ? noDigest.slice(colon + 1) : ''
  // An -alpine tag (nginx:1.29-alpine, redis:7-alpine, postgres:16-alpine) is built FROM alpine, whose busybox
  // applets stay; nginx's alpine variant has curl as well.
  return tag.includes('alpine') ? new Set([...tools, ...BUSYBOX]) : tools
}

/** True when `image` is known not to contain `program` (false for unknown images and programs). */
export function imageLacksTool(image: string, program: string): boolean {
  const tool = toClientTool(program)
  const tools = toolsOfImage(image)
  return tool !== null && tools !== null && !tools.has(tool)
}

/** runc's error for an exec whose program is not in $PATH; `docker exec` prints it and exits 126 (moby daemon/exec.go). */
export function formatExecNotFound(program: string): string {
  return `OCI runtime exec failed: exec failed: unable to start container process: exec: "${program}": executable file not found in $PATH: unknown`
}

/** The CLI's line for a `docker run` whose command is missing; it exits 127 (docker/cli run.go runStartContainerErr). */
export function formatRunNotFound(program: string): string {
  return `docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "${program}": executable file not found in $PATH: unknown.`
}
