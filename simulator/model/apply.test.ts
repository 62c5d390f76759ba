import { describe, expect, it } from 'vitest'
import { runCommandLine } from '../command-line'
import { lab, on1 } from '../testing'
import { findContainer } from './world'

function outputOf(l: ReturnType<typeof lab>, i: number): string {
  const r = l.results[i]
  if (r === undefined) throw new Error(`no step ${i}`)
  return r.ok ? r.output : `ERROR ${r.error}`
}

describe('a foreground docker run of a program the simulator does not run', () => {
  it.each([
    ['docker run --rm alpine ip addr', 'ip', 'The topology view shows addresses and networks.'],
    ['docker run --rm alpine cat /etc/resolv.conf', 'cat', 'Containers here have no files'],
    ['docker run alpine echo hello', 'echo', 'A probe (curl, ping, nc) and its trace'],
    ['docker run --rm nicolaka/netshoot dig db', 'dig', 'nslookup NAME asks the same DNS question.'],
    ['docker run --rm alpine sh -c "cat /etc/hosts"', 'cat', 'Containers here have no files'],
    ['docker run --rm busybox /bin/ip route', 'ip', 'The topology view'],
  ])('%s prints one line saying so', (line, program, where) => {
    const out = outputOf(lab(on1(line)), 0)
    expect(out.split('\n')).toHaveLength(1)
    expect(out).toContain(`# The simulator does not run "${program}" inside containers; it runs curl, wget, ping, nc and nslookup.`)
    expect(out).toContain(where)
  })

  it('still runs the container: it exits, and --rm removes it', () => {
    const l = lab(on1('docker run --name once alpine ip addr', 'docker run --rm --name gone alpine ip addr'))
    expect(findContainer(l.world, 'host1', 'once')?.state).toBe('exited')
    expect(findContainer(l.world, 'host1', 'gone')).toBeUndefined()
  })

  it.each([
    'docker run --name web nginx',
    'docker run --name dns busybox nc -u -l -p 53',
    'docker run --name www busybox httpd -f -p 8080',
    "docker run --name py alpine sh -c 'python3 -m http.server 8000'",
    'docker run --name idle alpine sleep 3600',
    'docker run --name shell alpine',
  ])('%s keeps quiet: a server (or a plain image) prints nothing here', (line) => {
    expect(outputOf(lab(on1(line)), 0)).toBe('')
  })

  it('a detached run prints only the container ID', () => {
    expect(outputOf(lab(on1('docker run -d alpine ip addr')), 0)).toMatch(/^[0-9a-f]{64}$/)
  })

  it("a probe tool whose words do not parse prints the probe's own error", () => {
    expect(outputOf(lab(on1('docker run --rm alpine curl')), 0)).toBe('# curl: give exactly one URL, for example curl http://10.0.0.10:8080')
  })

  it('a probe inside sh -c says to give it as the command itself', () => {
    expect(outputOf(lab(on1("docker run --rm alpine sh -c 'ping -c 1 10.77.0.11'")), 0)).toContain('not one inside sh -c')
  })

  it('a foreground probe still runs as a probe, with no note', () => {
    const r = runCommandLine(lab([]).world, 'host1', 'docker run --rm alpine ping -c 1 10.77.0.11')
    expect(r.result).toEqual({ ok: true, output: '', warnings: [] })
    expect(r.probe?.result.outcome).toBe('delivered')
  })
})
