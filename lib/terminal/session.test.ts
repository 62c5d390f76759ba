import { describe, expect, it } from 'vitest'
import { completeLine, namesIn } from './completion'
import { loadChallenge } from '../challenges/load.server'
import { startWorld } from '../challenges/replay'
import { currentWorld, HELP_TEXT, newSession, runLine, type Session } from './session'

const challenge = loadChallenge('expose-nginx-8080')!
const typed = (lines: [string, string][]): Session => lines.reduce((s, [on, l]) => runLine(s, on, l), newSession(startWorld(challenge)))

describe('runLine', () => {
  it('keeps world-changing commands as the submission and prints Docker\'s output', () => {
    const s = typed([['host1', 'docker run -d --name web -p 8080:80 nginx'], ['host1', 'docker ps'], ['host1', 'iptables -L DOCKER-USER'], ['host1', 'docker nmae']])
    // docker ps, a listing and a typo change nothing, so they are not part of the submission.
    expect(s.commands).toEqual([{ on: 'host1', run: 'docker run -d --name web -p 8080:80 nginx' }])
    expect(s.worlds).toHaveLength(2)
    expect(s.log[0]!.output).toMatch(/^[0-9a-f]{64}$/)
    expect(s.log[1]!.output).toMatch(/0\.0\.0\.0:8080->80\/tcp\s+web/)
    expect(s.log[3]).toMatchObject({ tone: 'error', output: expect.stringMatching(/is not a docker command/) })
    // So undo takes back the last command that did something.
    expect(runLine(s, 'host1', 'undo').log[4]!.output).toBe('Took back: docker run -d --name web -p 8080:80 nginx (on host1)')
  })

  it('an https:// URL to a plain-HTTP server fails the TLS handshake, though the packet got there', () => {
    const s = typed([['host1', 'docker run -d --name web -p 8080:80 nginx'], ['laptop', 'curl https://10.77.0.10:8080']])
    expect(s.probe?.result.outcome).toBe('delivered')
    expect(s.log[1]).toMatchObject({ tone: 'error', output: expect.stringMatching(/^curl: \(35\) OpenSSL: .*wrong version number\n# web speaks plain HTTP on port 8080, not TLS/) })
    expect(runLine(s, 'laptop', 'curl http://10.77.0.10:8080').log[2]!.tone).toBe('ok')
  })

  it('a throwaway docker run --rm helper, printing or failing, stays out of the submission like a probe', () => {
    const s = typed([
      ['host1', 'docker run -d --name web -p 8080:80 nginx'],
      ['host1', 'docker run --rm --network container:web alpine ping -c 1 10.77.0.50'],
      ['host1', 'docker run --rm alpine curl http://10.77.0.10:8080'],
    ])
    expect(s.log[1]!.output).toMatch(/^PING 10\.77\.0\.50/)
    expect(s.log[2]!.output).toMatch(/executable file not found/)
    expect(s.commands).toEqual([{ on: 'host1', run: 'docker run -d --name web -p 8080:80 nginx' }])
    // A --rm run without a probe is a command like any other once its container stays (here: it keeps running).
    expect(runLine(s, 'host1', 'docker run -d --rm --name tmp nginx').commands).toHaveLength(2)
  })

  it('a database answering curl is a delivered connection but no web page', () => {
    const s = typed([['host1', 'docker network create app'], ['host1', 'docker run -d --name db --network app -p 5432:5432 postgres'], ['host1', 'docker run -d --name cache --network app redis'], ['laptop', 'curl http://10.77.0.10:5432'], ['host1', 'docker run -d --name web --network app nginx'], ['host1', 'docker exec web curl http://cache:6379']])
    expect(s.log[3]).toMatchObject({ tone: 'error', output: expect.stringMatching(/^curl: \(52\) Empty reply from server\n# db \(postgres\) accepted the TCP connection on port 5432 but speaks no HTTP/) })
    expect(s.log[5]!.output).toMatch(/^curl: \(1\) Received HTTP\/0\.9 when not allowed\n# cache \(redis\)/)
    expect(s.probe?.result.outcome).toBe('delivered')
  })

  it('curl and GNU wget on a host print their own failures', () => {
    const s = typed([['host1', 'docker run -d --name web -p 8080:80 nginx'], ['laptop', 'curl http://10.77.0.10:9999'], ['laptop', 'wget -qO- http://10.77.0.10:9999'], ['laptop', 'curl http://nosuch'], ['laptop', 'wget http://nosuch']])
    expect(s.log[1]!.output).toMatch(/^curl: \(7\) Failed to connect to 10\.77\.0\.10 port 9999 after 0 ms: Connection refused\n# /)
    expect(s.log[2]!.output).toMatch(/^Connecting to 10\.77\.0\.10:9999\.\.\. failed: Connection refused\.\n# /)
    expect(s.log[3]!.output).toMatch(/^curl: \(6\) Could not resolve host: nosuch\n# /)
    expect(s.log[4]!.output).toMatch(/^wget: unable to resolve host address ‘nosuch’\n# /)
  })

  it('traces probes without adding them to the submission', () => {
    const s = typed([['host1', 'docker run -d --name web -p 8080:80 nginx'], ['laptop', 'curl http://10.77.0.10:8080']])
    expect(s.commands).toHaveLength(1)
    expect(s.probe).toMatchObject({ from: 'laptop', result: { outcome: 'delivered' } })
    expect(s.log[1]).toMatchObject({ tone: 'ok', output: expect.stringMatching(/^<!DOCTYPE html> … Welcome to nginx! …\n# Delivered to web \(nginx\) on host1/) })
  })

  it('ping and nslookup print what the client prints (busybox in an alpine container), then the explanation', () => {
    const s = typed([
      ['host1', 'docker run -d --name box alpine sleep 1000'],
      ['host1', 'docker exec box ping -c 1 cache'],
      ['laptop', 'ping -c 1 10.77.0.10'],
    ])
    expect(s.log[1]).toMatchObject({ tone: 'error', output: expect.stringMatching(/^ping: bad address 'cache'\n# /) })
    expect(s.log[2]).toMatchObject({ tone: 'ok', output: expect.stringMatching(/^PING 10\.77\.0\.10 .*\n64 bytes from 10\.77\.0\.10/s) })
  })

  it('prints a daemon error for a conflict, and docker is not found on the laptop', () => {
    const s = typed([['host1', 'docker run -d --name web nginx'], ['host1', 'docker run -d --name web nginx'], ['laptop', 'docker ps']])
    expect(s.log[1]).toMatchObject({ tone: 'error', output: expect.stringMatching(/Conflict\. The container name "\/web" is already in use/) })
    expect(s.log[2]).toMatchObject({ tone: 'error', output: 'bash: docker: command not found' })
  })

  it('undo takes back the last command and its world; reset goes back to the start', () => {
    const start = typed([])
    const one = runLine(start, 'host1', 'docker run -d --name web nginx')
    const undone = runLine(one, 'host1', 'undo')
    expect(undone.commands).toEqual([])
    expect(currentWorld(undone)).toBe(currentWorld(start))
    const reset = runLine(runLine(one, 'host1', 'docker network create n'), 'host1', 'reset')
    expect(reset.commands).toEqual([])
    expect(runLine(start, 'host1', 'undo').log[0]!.output).toMatch(/Nothing to undo/)
  })

  it('help explains the terminal; clear empties the screen but keeps the world', () => {
    const s = typed([['host1', 'docker run -d --name web nginx'], ['host1', 'help']])
    expect(s.log[1]!.output).toMatch(/undo \(take back the last command that changed something\)/)
    expect(s.log[1]!.output).toMatch(/iptables -L DOCKER-USER -n --line-numbers/)
    expect(s.log[1]!.output).toMatch(/docker run --rm --network NET alpine ping -c 1 ADDR/)
    const cleared = runLine(s, 'host1', 'clear')
    expect(cleared.log).toEqual([])
    expect(cleared.commands).toHaveLength(1)
  })
})

describe('docker run in the foreground with a probe command', () => {
  const PING = 'docker run --rm --network bridge alpine ping -c 1 10.77.0.50'

  it('prints what busybox ping prints in the container, then the explanation, and shows its trace', () => {
    const s = typed([['host1', PING]])
    expect(s.log[0]).toMatchObject({ tone: 'ok', output: expect.stringMatching(/^PING 10\.77\.0\.50 \(10\.77\.0\.50\): 56 data bytes\n64 bytes from 10\.77\.0\.50: seq=0 .*\n# \S/s) })
    expect(s.probe).toMatchObject({ id: 1, from: 'host1', run: PING, result: { outcome: 'delivered' } })
    expect(s.probe?.result.trace[0]?.packet.src).toBe('172.17.0.2')
    // --rm left nothing behind, so, like a probe, it is not part of the submission.
    expect(s.commands).toEqual([])
    expect(runLine(s, 'host1', 'docker ps -a').log[1]!.output.split('\n')).toHaveLength(1)
  })

  it('prints busybox wget\'s and nc\'s own errors, and a failed probe leaves an Exited (1) container', () => {
    const s = typed([
      ['host1', 'docker run -d --name web -p 8080:80 nginx'],
      ['host1', 'docker run --rm alpine wget -qO- http://10.77.0.10:8080'],
      ['host1', 'docker run --name lookup busybox nc -z web 80'],
      ['host1', 'docker ps -a'],
      ['host1', 'docker run --rm alpine wget -qO- http://10.77.0.10:9999'],
    ])
    expect(s.log[1]).toMatchObject({ tone: 'ok', output: expect.stringMatching(/^<!DOCTYPE html> … Welcome to nginx! …\n# Delivered to web \(nginx\) on host1/) })
    expect(s.log[2]).toMatchObject({ tone: 'error', output: expect.stringMatching(/^nc: bad address 'web'\n# "web" does not resolve/) })
    expect(s.probe).toMatchObject({ from: 'host1', run: 'docker run --rm alpine wget -qO- http://10.77.0.10:9999', result: { outcome: 'refused' } })
    expect(s.log[3]!.output).toMatch(/"nc -z web 80"\s+Exited \(1\)\s+lookup/)
    expect(s.log[4]).toMatchObject({ tone: 'error', output: expect.stringMatching(/^wget: can't connect to remote host \(10\.77\.0\.10\): Connection refused\n# /) })
  })

  it('a detached run prints the id and traces nothing; undo takes the foreground run back', () => {
    const s = typed([['host1', 'docker run -d --name bg alpine ping -c 1 10.77.0.50']])
    expect(s.log[0]!.output).toMatch(/^[0-9a-f]{64}$/)
    expect(s.probe).toBeNull()
    const kept = runLine(s, 'host1', 'docker run --name fg alpine ping -c 1 10.77.0.50')
    const undone = runLine(kept, 'host1', 'undo')
    expect(undone.commands).toEqual(s.commands)
    expect(currentWorld(undone)).toBe(currentWorld(s))
  })
})

describe('nc in the terminal', () => {
  const udp = loadChallenge('publish-udp-dns')!
  const typedUdp = (lines: [string, string][]): Session => lines.reduce((s, [on, l]) => runLine(s, on, l), newSession(startWorld(udp)))
  const DNS = 'docker run -d --name dns -p 1053:53/udp coredns/coredns'

  it('traces nc -u -z as a probe, not a command, and prints what OpenBSD nc prints', () => {
    const s = typedUdp([['host1', DNS], ['laptop', 'nc -u -z 10.77.0.10 1053']])
    expect(s.commands).toEqual([{ on: 'host1', run: DNS }])
    expect(s.probe).toMatchObject({ from: 'laptop', run: 'nc -u -z 10.77.0.10 1053', result: { outcome: 'delivered', answeredBy: { container: 'dns' } } })
    expect(s.log[1]).toMatchObject({ tone: 'ok', output: expect.stringMatching(/^Connection to 10\.77\.0\.10 1053 port \[udp\/\*\] succeeded!\n# Delivered to dns/) })
    expect(s.log[1]!.output).not.toMatch(/HTTP/)
  })

  it.each([
    ['a TCP-only mapping: the datagram meets ICMP port unreachable, and UDP nc fails silently', '-p 1053:53', 'nc -u -z 10.77.0.10 1053', /^# nc printed nothing and exited with status 1: an ICMP port unreachable came back \("Connection refused"\)\.\n# Port unreachable: nothing on host1 listens on udp 10\.77\.0\.10:1053/],
    ['TCP to a UDP-only mapping, verbose: connect(2) is refused', '-p 1053:53/udp', 'nc -vz 10.77.0.10 1053', /^nc: connect to 10\.77\.0\.10 port 1053 \(tcp\) failed: Connection refused\n# /],
    ['TCP refused without -v prints nothing', '-p 1053:53/udp', 'netcat -z 10.77.0.10 1053', /^# nc printed nothing and exited with status 1 \(nc -v says why\)\.\n# Connection refused/],
  ])('%s', (_name, publish, probe, output) => {
    const s = typedUdp([['host1', `docker run -d --name dns ${publish} coredns/coredns`], ['laptop', probe]])
    expect(s.commands).toHaveLength(1)
    expect(s.log[1]).toMatchObject({ tone: 'error', output: expect.stringMatching(output) })
  })

  it('a dropped datagram still looks like success to nc (open|filtered); the trace says it timed out', () => {
    const s = typedUdp([['host1', DNS], ['host1', 'iptables -I DOCKER-USER -p udp --dport 53 -j DROP'], ['laptop', 'nc -u -z -w 1 10.77.0.10 1053']])
    expect(s.probe?.result.outcome).toBe('timeout')
    expect(s.log[2]).toMatchObject({ tone: 'error', output: expect.stringMatching(/^Connection to 10\.77\.0\.10 1053 port \[udp\/\*\] succeeded!\n# nc cannot tell: .*open or filtered\.\n# /) })
  })

  it('docker exec C nc … is busybox nc: quiet without -v, "open" with it, and busybox\'s own resolver error', () => {
    const s = typed([['host1', 'docker network create app'], ['host1', 'docker run -d --name db --network app postgres'], ['host1', 'docker run -d --name web --network app alpine sleep 1d'], ['host1', 'docker exec web nc -z db 5432']])
    expect(s.commands).toHaveLength(3)
    expect(s.log[3]!.output).toMatch(/^# nc printed nothing and exited with status 0: the port is open \(nc -v says so\)\.\n# Delivered to db/)
    const verbose = runLine(s, 'host1', 'docker exec web nc -zv db 5432')
    expect(verbose.log[4]!.output).toMatch(/^db \(172\.18\.0\.\d+:5432\) open\n# Delivered to db/)
    const missing = runLine(s, 'host1', 'docker exec web nc -z nosuch 5432')
    expect(missing.log[4]!.output).toMatch(/^nc: bad address 'nosuch'\n# "nosuch" does not resolve/)
    const refused = runLine(s, 'host1', 'docker exec web nc -zv db 80')
    expect(refused.log[4]!.output).toMatch(/^# nc printed nothing and exited with status 1 \(busybox nc reports a refused connection only with -vv\)\.\n# /)
    expect(runLine(s, 'host1', 'docker exec web nc -zvv db 80').log[4]!.output).toMatch(/^nc: db \(172\.18\.0\.\d+:80\): Connection refused\n# /)
  })

  it('a bad nc line gets the simulator\'s usage message, not a made-up result', () => {
    const s = typedUdp([['laptop', 'nc -u 10.77.0.10 1053']])
    expect(s.log[0]).toMatchObject({ tone: 'error', output: expect.stringMatching(/^nc: add -z so nc sends one probe/) })
  })

  it('a tool the image lacks prints runc\'s error and the hint once, and a foreground run stays Created', () => {
    const s = typed([['host1', 'docker run -d --name web nginx'], ['host1', 'docker exec web ping -c 1 10.77.0.50']])
    const out = s.log[1]!
    expect(out.tone).toBe('error')
    expect(out.output.split('\n')).toEqual([
      'OCI runtime exec failed: exec failed: unable to start container process: exec: "ping": executable file not found in $PATH: unknown',
      "nginx has no ping. Run it from a throwaway container in web's network namespace: docker run --rm --network container:web alpine ping -c 1 10.77.0.50",
    ])
    const run = runLine(s, 'host1', 'docker run --name pinger redis ping -c 1 10.77.0.50')
    expect(run.log[2]).toMatchObject({ tone: 'error', output: expect.stringMatching(/^docker: Error response from daemon: failed to create task for container: .*exec: "ping": executable file not found in \$PATH: unknown\.$/) })
    expect(runLine(run, 'host1', 'docker ps -a').log[3]!.output).toMatch(/redis .* Created +pinger$/m)
  })

  it('help lists the nc probes', () => {
    expect(HELP_TEXT).toMatch(/nc -z ADDR PORT/)
    expect(HELP_TEXT).toMatch(/nc -u -z ADDR PORT \(UDP/)
  })
})

describe('completeLine', () => {
  const world = currentWorld(typed([['host1', 'docker run -d --name web nginx'], ['host1', 'docker network create backend']]))
  const names = namesIn(world, 'host1')
  it.each([
    ['', '', ['docker', 'curl', 'ping -c 1', 'nslookup', 'nc -z', 'nc -u -z', 'iptables', 'help', 'clear', 'undo', 'reset']],
    ['docker exec web n', 'docker exec web n', ['nslookup', 'nc -z', 'nc -u -z']],
    ['doc', 'docker ', ['docker']],
    ['docker ne', 'docker network ', ['network']],
    ['docker network create -d mac', 'docker network create -d macvlan ', ['macvlan']],
    ['docker network create -d macvlan -o p', 'docker network create -d macvlan -o parent=eth0 ', ['parent=eth0']],
    ['docker run -d --network b', 'docker run -d --network b', ['bridge', 'backend']],
    ['docker run -d ngi', 'docker run -d nginx ', ['nginx']],
    ['docker exec w', 'docker exec web ', ['web']],
    ['docker r', 'docker r', ['run', 'restart', 'rm']],
    ['curl http', 'curl http', []],
  ])('%j → %j', (line, completed, options) => {
    expect(completeLine(line, names)).toEqual({ line: completed, options })
  })
})

describe('completeLine: container names after flags', () => {
  const world = currentWorld(typed([['host1', 'docker run -d --name web nginx'], ['host1', 'docker run -d --name worker redis'], ['host1', 'docker run -d --name db redis']]))
  const names = namesIn(world, 'host1')
  it.each([
    ['docker rm w', 'docker rm w', ['web', 'worker']],
    ['docker rm -f w', 'docker rm -f w', ['web', 'worker']],
    ['docker rm -f ', 'docker rm -f ', ['web', 'worker', 'db']],
    ['docker rm -f web w', 'docker rm -f web w', ['web', 'worker']],
    ['docker stop -t 5 w', 'docker stop -t 5 w', ['web', 'worker']],
    ['docker stop -t ', 'docker stop -t ', []],
    ['docker stop --time 5 d', 'docker stop --time 5 db ', ['db']],
    ['docker kill -s HUP d', 'docker kill -s HUP db ', ['db']],
    ['docker exec -it w', 'docker exec -it w', ['web', 'worker']],
    ['docker exec -it d', 'docker exec -it db ', ['db']],
    ['docker exec -t d', 'docker exec -t db ', ['db']],
    ['docker exec -e K=V -it d', 'docker exec -e K=V -it db ', ['db']],
    ['docker exec -it db n', 'docker exec -it db n', ['nslookup', 'nc -z', 'nc -u -z']],
    ['docker exec -it db curl w', 'docker exec -it db curl w', []],
  ])('%j → %j', (line, completed, options) => {
    expect(completeLine(line, names)).toEqual({ line: completed, options })
  })
})
