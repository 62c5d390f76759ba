import { describe, expect, it } from 'vitest'
import { parseDockerCommand } from './docker-command'

function errorOf(line: string): string {
  const r = parseDockerCommand(line)
  return r.ok ? `parsed as ${r.value.kind}` : r.error.message
}

describe('docker subcommands the simulator does not model', () => {
  it.each([
    ['docker inspect web', 'docker inspect: not available in this simulator; docker ps, docker network ls and the topology view show the same addresses.'],
    ['docker container inspect web', 'docker container inspect: not available in this simulator; docker ps, docker network ls and the topology view show the same addresses.'],
    ['docker network inspect bridge', 'docker network inspect: not available in this simulator; docker ps, docker network ls and the topology view show the same addresses.'],
    ['docker logs -f web', 'docker logs: not available in this simulator; containers here run no real programs, so there are no logs; a probe (curl, ping, nc) and its trace show what happens to traffic.'],
    ['docker node ls', 'docker node ls: not available in this simulator; the topology view shows every swarm node and its role (docker swarm init/join made them).'],
    ['docker service ls', 'docker service ls: not available in this simulator; the topology view lists each service, its VIPs and tasks.'],
    ['docker swarm join-token manager', expect.stringMatching(/^docker swarm join-token: not available in this simulator; the tokens here are SWMTKN-1-WORKER and SWMTKN-1-MANAGER/)],
    ['docker volume ls', 'docker volume ls: not available in this simulator; containers here have no files, so there are no volumes.'],
  ])('%s says so plainly', (line, message) => {
    expect(errorOf(line)).toEqual(message)
  })

  it('keeps Docker\'s own text for a word Docker does not know', () => {
    expect(errorOf('docker foo')).toBe("docker: 'foo' is not a docker command.\nSee 'docker --help'")
    expect(errorOf('docker network frobnicate')).toMatch(/^docker network: unknown command "frobnicate"/)
  })
})

describe('docker port', () => {
  it.each([
    ['docker port web', { container: 'web', port: null }],
    ['docker port web 80', { container: 'web', port: { text: '80', number: 80, proto: 'tcp' } }],
    ['docker container port web 53/udp', { container: 'web', port: { text: '53/udp', number: 53, proto: 'udp' } }],
  ])('%s', (line, fields) => {
    expect(parseDockerCommand(line)).toEqual({ ok: true, value: { kind: 'port', ...fields } })
  })

  it('wants one or two arguments and a numeric port', () => {
    expect(errorOf('docker port')).toBe(`"docker port" requires at least 1 and at most 2 arguments.\nSee 'docker port --help'.`)
    expect(errorOf('docker port web http')).toBe('Error: invalid port (http): strconv.ParseUint: parsing "http": invalid syntax')
  })
})

describe('docker ps', () => {
  it('reads -q and --format', () => {
    expect(parseDockerCommand("docker ps -aq --format '{{.Names}}'")).toEqual({ ok: true, value: { kind: 'ps', all: true, quiet: true, format: '{{.Names}}', filters: [] } })
  })
})

describe('interactive shells and image references', () => {
  it.each(['docker run -it --rm alpine sh', 'docker run -i -t alpine /bin/bash', 'docker run -it alpine', 'docker run -t busybox'])('%s says the simulator has no terminal', (line) => {
    expect(errorOf(line)).toMatch(/^docker run -i?t?: interactive shells are not available in this simulator/)
  })

  it.each(['docker run -dit alpine sh', 'docker create -it --name later alpine sh', 'docker run -it alpine sh -c "ping -c 1 10.0.0.1"', 'docker run --rm alpine ping -c 1 10.0.0.1'])('%s still runs', (line) => {
    expect(parseDockerCommand(line).ok).toBe(true)
  })

  it('rejects a malformed reference before anything is created, as the CLI does', () => {
    expect(errorOf('docker run -p 80 nginx:')).toBe("docker: invalid reference format.\n\nRun 'docker run --help' for more information")
    expect(errorOf('docker create Nginx')).toBe("docker: invalid reference format: repository name (library/Nginx) must be lowercase.\n\nRun 'docker create --help' for more information")
  })
})
