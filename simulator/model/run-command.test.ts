import { describe, expect, it } from 'vitest'
import { lab, on1 } from '../testing'

const out = (l: ReturnType<typeof lab>, i: number) => {
  const r = l.results[i]
  return r === undefined ? 'missing' : r.ok ? r.output : `ERROR ${r.error}`
}

describe('docker run: everything after the image is the container command', () => {
  it('"httpd -p 8080:80" makes runc exec "-p": the start fails as the CLI prints it and the container stays Created', () => {
    const l = lab(on1('docker run -d --name web httpd -p 8080:80', 'docker ps -a --format "{{.Names}} {{.Status}} {{.Ports}}"', 'docker run -d --name web httpd'))
    expect(out(l, 0)).toBe('ERROR docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "-p": executable file not found in $PATH: unknown.')
    expect(out(l, 1)).toBe('web Created 80/tcp') // as 20.10 shows it (conformance 084)
    expect(out(l, 2)).toContain('Conflict. The container name "/web" is already in use')
    expect(l.probe('laptop', 'curl http://10.77.0.10:8080').outcome).toBe('refused')
  })

  it("nginx's entrypoint execs a first word like -p, which is not found: the container exits 127 and publishes nothing", () => {
    const l = lab(on1('docker run -d --name web nginx -p 8080:80', 'docker ps -a --format "{{.Status}}"'))
    expect(out(l, 1)).toBe('Exited (127)')
  })

  it("the image's default command typed out still serves", () => {
    const l = lab(on1('docker run -d --name n1 -p 8081:80 nginx nginx -g "daemon off;"', 'docker run -d --name h1 -p 8082:80 httpd httpd-foreground', 'docker run -d --name r1 -p 6379:6379 redis redis-server --appendonly yes', 'docker run -d --name bare nginx nginx'))
    expect(l.probe('laptop', 'curl http://10.77.0.10:8081').answeredBy?.container).toBe('n1')
    expect(l.probe('laptop', 'curl http://10.77.0.10:8082').answeredBy?.container).toBe('h1')
    expect(l.probe('laptop', 'nc -z 10.77.0.10 6379').outcome).toBe('delivered')
    // a bare `nginx` daemonizes, so the main process ends
    expect(l.world.hosts.get('host1')?.engine?.names.get('bare')?.state).toBe('exited')
  })

  it('common flags with no network effect are accepted', () => {
    const l = lab(on1('docker run -d --pull always --mount type=bind,source=/srv,target=/usr/share/nginx/html --mount type=volume,source=data,target=/data --mount type=tmpfs,target=/tmp --restart unless-stopped -e A=1 --env B=2 -v /x:/y -w /app --hostname hh --init --read-only --log-driver json-file --name web -p 8080:80 nginx', 'docker run -d --pull sometimes nginx'))
    expect(l.results[0]).toMatchObject({ ok: true })
    expect(l.probe('laptop', 'curl http://10.77.0.10:8080').answeredBy?.container).toBe('web')
    expect(out(l, 1)).toContain(`invalid pull option: 'sometimes'`)
  })

  it('--network name=NET,alias=A (the key=value form) joins NET with that alias', () => {
    const l = lab(on1('docker network create app', 'docker run -d --network name=app,alias=backend --name api nginx', 'docker run -d --network app --name cli alpine sleep 1d'))
    expect(l.results.map((r) => r.ok)).toEqual([true, true, true])
    expect(l.probe('host1', 'docker exec cli wget -qO- http://backend').answeredBy?.container).toBe('api')
  })

  it('docker rename keeps the container and moves its DNS name', () => {
    const l = lab(on1('docker network create app', 'docker run -d --network app --name api nginx', 'docker run -d --network app --name cli alpine sleep 1d', 'docker rename api backend', 'docker container rename backend cli', 'docker rename nope x'))
    expect(l.results.slice(3).map((r) => r.ok)).toEqual([true, false, false])
    expect(out(l, 4)).toContain('Error when allocating new name: Conflict. The container name "/cli" is already in use')
    expect(out(l, 5)).toBe('ERROR Error response from daemon: No such container: nope\nError: failed to rename container named nope')
    expect(l.probe('host1', 'docker exec cli wget -qO- http://backend').answeredBy?.container).toBe('backend')
    expect(l.probe('host1', 'docker exec cli wget -qO- http://api').outcome).toBe('unresolved')
  })
})

describe('docker run: ports', () => {
  it('a host port range with one container port is a pool: each container takes the next free port', () => {
    const l = lab(on1('docker run -d --name w1 -p 8080-8081:80 nginx', 'docker run -d --name w2 -p 8080-8081:80 nginx', 'docker run -d --name w3 -p 8080-8081:80 nginx', 'docker ps -a --format "{{.Names}} {{.Status}} {{.Ports}}"'))
    expect(out(l, 3).split('\n')).toEqual(['w3 Created ', 'w2 Up 0.0.0.0:8081->80/tcp', 'w1 Up 0.0.0.0:8080->80/tcp'])
    expect(out(l, 2)).toContain('): all ports are allocated')
    expect(l.probe('laptop', 'curl http://10.77.0.10:8081').answeredBy?.container).toBe('w2')
  })

  it('publishing on an address the host does not have fails and leaves the container Created', () => {
    const l = lab(on1('docker run -d --name web -p 10.77.0.99:8080:80 nginx', 'docker ps -a --format "{{.Names}} {{.Status}}"', 'docker run -d --name ok -p 10.77.0.10:8081:80 -p 127.0.0.1:8082:80 nginx'))
    expect(out(l, 0)).toMatch(/driver failed programming external connectivity on endpoint web \([0-9a-f]{64}\): failed to bind host port 10\.77\.0\.99:8080\/tcp: cannot assign requested address/)
    expect(out(l, 1)).toBe('web Created')
    expect(l.results[2]).toMatchObject({ ok: true })
  })
})

describe('a Docker network on the LAN\'s own subnet', () => {
  const l = lab(on1('docker network create --subnet 10.77.0.0/24 clash', 'docker run -d --network clash --name web -p 8080:80 nginx', 'docker run -d --network clash --name cli alpine sleep 1d'))

  it('is accepted, but the host keeps its older LAN route: the container is unreachable even from its host', () => {
    expect(l.results.map((r) => r.ok)).toEqual([true, true, true])
    expect(l.probe('host1', 'curl http://10.77.0.2').outcome).toBe('unreachable')
    expect(l.probe('laptop', 'curl http://10.77.0.10:8080').outcome).not.toBe('delivered')
  })

  it('and the container cannot reach the real LAN', () => {
    expect(l.probe('host1', 'docker exec cli ping -c 1 10.77.0.50').outcome).toBe('unreachable')
    expect(l.probe('host1', 'docker exec cli ping -c 1 10.77.0.2').outcome).toBe('delivered')
  })
})
