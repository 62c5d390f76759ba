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

describe('parseProbeCommand: curl and wget options that take a value', () => {
  const get = (host: string, port: number, program: 'curl' | 'wget' = 'curl') => ({ kind: 'curl', program, host, port, proto: 'tcp', tls: false, maxTime: null })
  it.each([
    ["curl -s -o /dev/null -w '%{http_code}' http://10.0.0.10:8080", get('10.0.0.10', 8080)],
    ['curl -so /dev/null http://web', get('web', 80)],
    ['curl -o/dev/null -w%{http_code} http://web:8080/', get('web', 8080)],
    ['curl --output /dev/null --write-out %{http_code} http://web', get('web', 80)],
    ['curl --output=/dev/null http://web', get('web', 80)],
    ["curl -H 'Host: example.org' -X POST -d a=1 http://web", get('web', 80)],
    ['curl --header X-A:1 --request PUT --data x --data-raw y http://web', get('web', 80)],
    ['curl -A probe -u me:pw -e http://ref.example http://web', get('web', 80)],
    ['curl -sSL -m 2 http://web', { ...get('web', 80), maxTime: 2 }],
    ['curl --max-time 5 http://web', { ...get('web', 80), maxTime: 5 }],
    ['curl -m 0 http://web', get('web', 80)],
    ['curl -O http://web/index.html', get('web', 80)],
    ['curl --url http://web:81', get('web', 81)],
    ['wget -qO- http://web', get('web', 80, 'wget')],
    ['wget -q -O - -T 2 http://web', get('web', 80, 'wget')],
    ['wget --header Host:x -U probe http://web', get('web', 80, 'wget')],
  ])('%s is one GET to the URL', (line, tool) => {
    const r = parseProbeCommand(line)
    expect(r.ok ? r.value.tool : r.error.message).toEqual(tool)
  })

  it.each(['curl -x http://proxy:3128 http://web', 'curl --proxy http://proxy:3128 http://web', 'curl -sx proxy:3128 http://web'])('%s says a proxy is not modelled', (line) => {
    const r = parseProbeCommand(line)
    expect(r.ok ? '' : r.error.message).toContain('a proxy (-x/--proxy) is not modelled in this simulator')
  })

  it('still asks for exactly one URL', () => {
    const r = parseProbeCommand('curl -o out http://a http://b')
    expect(r.ok ? '' : r.error.message).toBe('curl: give exactly one URL, for example curl http://10.0.0.10:8080')
  })
})

describe('parseProbeCommand: nslookup', () => {
  it('asks the default resolver for NAME', () => {
    const r = parseProbeCommand('nslookup -type=a db')
    expect(r.ok ? r.value.tool : r.error.message).toEqual({ kind: 'nslookup', name: 'db' })
  })

  it.each([
    ['nslookup db 10.77.0.10', 'nslookup NAME 10.77.0.10) is not modelled in this simulator', 'nc -u -z 10.77.0.10 53'],
    ['nslookup -port=1053 db 192.168.1.5', 'nslookup NAME 192.168.1.5) is not modelled in this simulator', 'nc -u -z 192.168.1.5 1053'],
    ['nslookup -port=1053 db', '-port is not modelled in this simulator', 'nc -u -z SERVER 1053'],
  ])('%s says that asking a given server is not modelled', (line, says, suggests) => {
    const r = parseProbeCommand(line)
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.error.code).toBe('bad-syntax')
      expect(r.error.message).toContain(says)
      expect(r.error.message).toContain(suggests)
    }
  })
})
