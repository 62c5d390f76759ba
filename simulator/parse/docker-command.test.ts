import { describe, expect, it } from 'vitest'
import { parseDockerCommand } from './docker-command'

function run(line: string) {
  const r = parseDockerCommand(line)
  if (!r.ok) throw new Error(r.error.message)
  if (r.value.kind !== 'run') throw new Error(`not a run: ${r.value.kind}`)
  return r.value
}

describe('parseDockerCommand', () => {
  it('splits combined short flags and takes the value of the last one (-dp 8080:80, -itd)', () => {
    const r = run('docker run -dp 8080:80 --name=web nginx')
    expect([r.detach, r.name, r.publish[0]?.hostPort]).toEqual([true, 'web', 8080])
    const i = run('docker run -itd alpine')
    expect([i.interactive, i.tty, i.detach]).toEqual([true, true, true])
  })

  it('keeps everything after the image as the command', () => {
    const r = run('docker container run -d alpine sh -c "nc -l -p 9000" --name not-a-flag')
    expect(r.image).toBe('alpine')
    expect(r.cmd).toEqual(['sh', '-c', 'nc -l -p 9000', '--name', 'not-a-flag'])
    expect(r.name).toBeNull()
  })

  it('accepts flags after the arguments for network commands', () => {
    const r = parseDockerCommand('docker network create app --subnet 10.5.0.0/24 -o com.docker.network.bridge.enable_icc=false')
    expect(r.ok && r.value).toMatchObject({ kind: 'network-create', name: 'app', subnet: '10.5.0.0/24', opts: { 'com.docker.network.bridge.enable_icc': 'false' } })
  })

  it.each([
    ['docker create --name x nginx', 'run'],
    ['docker container start x', 'start'],
    ['docker container rm -f x', 'rm'],
    ['docker network connect --alias db app x', 'network-connect'],
    ['docker swarm join --token SWMTKN-1-WORKER 10.0.0.1:2377', 'swarm-join'],
    ['docker service create --name web --publish published=8080,target=80 nginx', 'service-create'],
  ])('%s', (line, kind) => {
    const r = parseDockerCommand(line)
    expect(r.ok && r.value.kind).toBe(kind)
  })

  it.each([
    ['docker run', '"docker run" requires at least 1 argument.'],
    ['docker run --name', 'flag needs an argument: --name'],
    ['docker run -p 80:x nginx', 'invalid containerPort: x'],
    ['docker run -d nginx | grep x', 'pipes'],
    ['docker network create', '"docker network create" requires exactly 1 argument.'],
    ['docker run "unterminated', 'unterminated'],
  ])('rejects %s', (line, message) => {
    const r = parseDockerCommand(line)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.message).toContain(message)
  })
})
