import { describe, expect, it } from 'vitest'
import { parseProbeCommand } from './probe-command'

describe('parseProbeCommand: nc -z', () => {
  it.each([
    ['nc -u -z 10.77.0.10 5353', { kind: 'nc', host: '10.77.0.10', port: 5353, proto: 'udp', verbose: 0, numeric: false, wait: false }],
    ['nc -zu 10.77.0.10 53', { kind: 'nc', host: '10.77.0.10', port: 53, proto: 'udp', verbose: 0, numeric: false, wait: false }],
    ['nc -uz 10.77.0.10 53', { kind: 'nc', host: '10.77.0.10', port: 53, proto: 'udp', verbose: 0, numeric: false, wait: false }],
    ['nc -vzu dns 53', { kind: 'nc', host: 'dns', port: 53, proto: 'udp', verbose: 1, numeric: false, wait: false }],
    ['nc -u -z -w 2 10.77.0.10 53', { kind: 'nc', host: '10.77.0.10', port: 53, proto: 'udp', verbose: 0, numeric: false, wait: true }],
    ['nc -uzw3 10.77.0.10 53', { kind: 'nc', host: '10.77.0.10', port: 53, proto: 'udp', verbose: 0, numeric: false, wait: true }],
    ['nc -z 10.77.0.10 8080', { kind: 'nc', host: '10.77.0.10', port: 8080, proto: 'tcp', verbose: 0, numeric: false, wait: false }],
    ['nc -nvz 10.77.0.10 8080', { kind: 'nc', host: '10.77.0.10', port: 8080, proto: 'tcp', verbose: 1, numeric: true, wait: false }],
    ['nc -vvz 10.77.0.10 8080', { kind: 'nc', host: '10.77.0.10', port: 8080, proto: 'tcp', verbose: 2, numeric: false, wait: false }],
  ])('%s', (line, tool) => {
    expect(parseProbeCommand(line)).toEqual({ ok: true, value: { exec: null, tool, argv: line.split(' ') } })
  })

  it('runs inside a container through docker exec', () => {
    expect(parseProbeCommand('docker exec client nc -u -z dns 53')).toEqual({ ok: true, value: { exec: 'client', tool: { kind: 'nc', host: 'dns', port: 53, proto: 'udp', verbose: 0, numeric: false, wait: false }, argv: ['nc', '-u', '-z', 'dns', '53'] } })
  })

  it.each([
    ['nc -u', 'nc: missing address and port; usage: nc [-u] -z [-w N] ADDRESS PORT'],
    ['nc -u -z 10.77.0.10', 'nc: missing port after 10.77.0.10'],
    ['nc -u 10.77.0.10 53', 'add -z so nc sends one probe and exits'],
    ['nc -u -z 10.77.0.10 70000', 'port "70000" is not a number from 1 to 65535'],
    ['nc -z 10.77.0.10 20-30', 'port "20-30" is not a number from 1 to 65535'],
    ['nc -u -z 10.77.0.10 53 54', 'give one address and one port'],
    ['nc -u -z -w x 10.77.0.10 53', '-w needs a whole number of seconds, got "x"'],
    ['nc -u -l -p 53', '-l listens, it does not probe'],
    ['nc -zx 10.77.0.10 53', 'not "-x"'],
    ['nc -z bad/host 53', "nc: bad address 'bad/host'"],
    ['ping -c 1 bad/host', "ping: bad address 'bad/host'"],
  ])('%s is rejected with a clear message', (line, message) => {
    const r = parseProbeCommand(line)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.message).toContain(message)
  })

  it('names nc among the supported probes', () => {
    const r = parseProbeCommand('dig @10.77.0.10 example.org')
    expect(r.ok ? '' : r.error.message).toContain('nc -z (add -u for UDP)')
  })
})
