// `docker port CONTAINER [PRIVATE_PORT[/PROTO]]` as docker/cli prints it (cli/command/container/port.go): every
// mapping as "80/tcp -> 0.0.0.0:8080", or only the host addresses of one private port, in natural sort order. The
// simulator binds IPv4 only (as `docker ps` PORTS shows), so there is no "[::]:8080" line.
import type { DockerCommand } from '../parse/docker-command'
import { err, ok, type Result } from '../result'
import type { Host, World } from './types'
import { findContainer } from './world'

/** sortorder.NaturalLess: digit runs compare as numbers, so 9000/tcp sorts before 10000/tcp. */
function naturalLess(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true })
}

export function formatPort(world: World, host: Host, cmd: Extract<DockerCommand, { kind: 'port' }>): Result<string> {
  const c = findContainer(world, host.name, cmd.container)
  if (c === undefined) return err('no-such-container', `No such container: ${cmd.container}`)
  const address = (b: (typeof c.bindings)[number]) => `${b.hostIp ?? '0.0.0.0'}:${b.hostPort}`
  const want = cmd.port
  if (want === null) return ok(c.bindings.map((b) => `${b.containerPort}/${b.proto} -> ${address(b)}`).sort(naturalLess).join('\n'))
  const found = c.bindings.filter((b) => b.containerPort === want.number && b.proto === want.proto)
  if (found.length === 0) return err('invalid-argument', `Error: No public port '${want.text}' published for ${cmd.container}`)
  return ok(found.map(address).sort(naturalLess).join('\n'))
}
