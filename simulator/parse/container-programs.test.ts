import { describe, expect, it } from 'vitest'
import { formatNotRunInContainer, programOf } from './container-programs'
import { parseProbeCommand } from './probe-command'

describe('programs inside containers that are not probes', () => {
  it.each([
    [['ip', 'addr'], 'ip'],
    [['/sbin/ip', 'addr'], 'ip'],
    [['busybox', 'ip', 'addr'], 'ip'],
    [['sh', '-c', 'cat /etc/resolv.conf'], 'cat'],
    [['bash', '-c', '  dig db '], 'dig'],
    [['echo', 'hello'], 'echo'],
  ])('%j runs %s', (words, program) => {
    expect(programOf(words)).toBe(program)
  })

  it('names the program, the tools that do run, and where to look instead', () => {
    expect(formatNotRunInContainer('ip')).toBe('The simulator does not run "ip" inside containers; it runs curl, wget, ping, nc and nslookup. The topology view shows addresses and networks.')
    expect(formatNotRunInContainer('dig')).toContain('nslookup NAME asks the same DNS question.')
  })

  it('docker exec says the same for such a program', () => {
    const r = parseProbeCommand('docker exec web cat /etc/resolv.conf')
    expect(r.ok ? '' : r.error.message).toBe(`docker exec web cat: ${formatNotRunInContainer('cat')}`)
  })

  it('docker exec of a probe tool with bad words keeps the tool\'s own error', () => {
    const r = parseProbeCommand('docker exec web ping')
    expect(r.ok ? '' : r.error.message).toBe('ping: usage: ping -c 1 ADDRESS')
  })
})
