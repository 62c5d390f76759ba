import { describe, expect, it } from 'vitest'
import { parseProbeCommand } from './probe-command'
import { classifyCurl, classifyNslookup, classifyPing, classifyUdp, normalizeIds, parseAnswer, toContainerLabel, toStepError, toStepWarning } from './classify'

const ID = 'a'.repeat(64)
const out = (code: number, stdout: string, stderr: string, timedOut = false) => ({ code, stdout, stderr, timedOut })

describe('classifyCurl (busybox wget under timeout)', () => {
  it.each([
    [out(1, '', "wget: can't connect to remote host (10.77.0.10): Connection refused"), 'refused'],
    [out(1, '', "wget: can't connect to remote host (10.1.1.1): Network is unreachable"), 'unreachable'],
    [out(1, '', "wget: can't connect to remote host (10.9.0.7): No route to host"), 'unreachable'],
    [out(143, '', ''), 'timeout'],
    [out(1, '', "wget: bad address 'web'"), 'unresolved'],
    [out(1, '', 'wget: server returned error: HTTP/1.1 404 Not Found'), 'delivered'],
    [out(1, '', 'wget: error getting response: Connection reset by peer'), 'refused'],
    [out(1, '', `Error response from daemon: Container ${ID} is not running`), 'error'],
    [out(1, '', 'Error: No such container: ghost'), 'error'],
  ] as const)('%j → %s', (o, outcome) => {
    expect(classifyCurl(o).outcome).toBe(outcome)
  })

  it('reads who answered from the test server reply', () => {
    const c = classifyCurl(out(0, `pp-answer container=${ID} host=host1 port=80\n`, ''))
    expect(c).toMatchObject({ outcome: 'delivered', answer: { containerId: ID, host: 'host1', port: 80 } })
    expect(c.observed).not.toContain(ID)
  })
})

describe('classifyPing', () => {
  it('is delivered when the reply came back', () => {
    const c = classifyPing(out(0, 'PING x\n64 bytes from 10.77.0.10: seq=0 ttl=64 time=0.3 ms\n\n1 packets transmitted, 1 packets received, 0% packet loss', ''), null)
    expect(c).toEqual({ outcome: 'delivered', observed: '64 bytes from 10.77.0.10', replyFrom: '10.77.0.10' })
  })
  it('is unreachable when ARP for the next hop failed, a timeout otherwise', () => {
    const lost = out(1, '1 packets transmitted, 0 packets received, 100% packet loss', '')
    expect(classifyPing(lost, '10.77.0.99 dev eth0 FAILED').outcome).toBe('unreachable')
    expect(classifyPing(lost, '10.77.0.10 dev eth0 lladdr 02:42:0a:4d:00:0a REACHABLE').outcome).toBe('timeout')
    expect(classifyPing(lost, null).outcome).toBe('timeout')
  })
  it('is unreachable without a route', () => {
    expect(classifyPing(out(1, '', 'ping: sendto: Network is unreachable'), null).outcome).toBe('unreachable')
  })
})

describe('classifyNslookup', () => {
  it('takes the first answer address', () => {
    const text = 'Server:\t\t127.0.0.11\nAddress:\t127.0.0.11:53\n\nNon-authoritative answer:\nName:\tweb\nAddress: 172.18.0.2\n'
    expect(classifyNslookup(out(0, text, ''))).toMatchObject({ outcome: 'delivered', address: '172.18.0.2' })
  })
  it.each([
    out(1, "** server can't find web: NXDOMAIN\n", ''),
    out(1, ';; connection timed out; no servers could be reached\n', ''),
    out(1, '', "nslookup: write to '127.0.0.1': Connection refused"),
  ])('is unresolved when no address came back (%j)', (o) => {
    expect(classifyNslookup(o).outcome).toBe('unresolved')
  })
})

describe('step text helpers', () => {
  it('strips the CLI framing and hides IDs', () => {
    const stderr = `docker: Error response from daemon: Conflict. The container name "/web" is already in use by container "${ID}". You have to remove (or rename) that container to be able to reuse that name.\nSee 'docker run --help'.\n`
    expect(toStepError(stderr)).toBe('Conflict. The container name "/web" is already in use by container "<id>". You have to remove (or rename) that container to be able to reuse that name')
  })
  it('drops the CLI usage hint', () => {
    expect(toStepError("docker: Invalid container name (a), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed.\nRun 'docker run --help' for more information\n")).toBe('Invalid container name (a), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed')
  })
  it('collects warnings', () => {
    expect(toStepWarning('WARNING: Published ports are discarded when using host network mode\n')).toBe('Published ports are discarded when using host network mode')
    expect(toStepWarning('')).toBeUndefined()
  })
  it('names swarm tasks SERVICE.SLOT', () => {
    expect(toContainerLabel('/web.1.kq8m1z3x9v7c2b4n6p0r5t8w2')).toBe('web.1')
    expect(toContainerLabel('/web')).toBe('web')
  })
  it('leaves short words alone when hiding IDs', () => {
    expect(normalizeIds('network app id 0123456789ab has active endpoints')).toBe('network app id <id12> has active endpoints')
  })
  it('parses host-process answers', () => {
    expect(parseAnswer('pp-answer host=laptop port=8000')).toEqual({ containerId: null, host: 'laptop', port: 8000 })
    expect(parseAnswer('hello')).toBeNull()
  })
})

describe('classifyUdp (the Node dgram client behind nc -u -z)', () => {
  it.each([
    [out(0, 'ECONNREFUSED\n', ''), 'refused'],
    [out(0, 'EHOSTUNREACH\n', ''), 'unreachable'],
    [out(0, 'ENETUNREACH\n', ''), 'unreachable'],
    [out(0, 'silence\n', ''), 'timeout'],
    [out(0, 'reply\n', ''), 'delivered'],
    [out(1, '', 'node: not found'), 'error'],
  ] as const)('%j → %s', (o, outcome) => {
    expect(classifyUdp(o).outcome).toBe(outcome)
  })

  it.each(['wget -qO- http://web:8080/x', 'wget -q -O - http://web:8080/x'])('parses %s as the same HTTP GET as curl', (line) => {
    expect(parseProbeCommand(`docker exec client ${line}`)).toEqual({ ok: true, value: { exec: 'client', command: { kind: 'curl', url: 'http://web:8080/x', host: 'web', port: 8080, maxSeconds: 6 } } })
  })

  it('rejects wget without -qO-', () => {
    const r = parseProbeCommand('wget http://web')
    expect(r.ok ? '' : r.error).toContain('wget must be "wget -qO- http://ADDR[:PORT][/path]"')
  })

  it('parses nc -u -z from a host only, and leaves TCP to curl', () => {
    expect(parseProbeCommand('nc -zu 10.77.0.10 5353')).toEqual({ ok: true, value: { exec: null, command: { kind: 'nc-udp', host: '10.77.0.10', port: 5353 } } })
    const inContainer = parseProbeCommand('docker exec c nc -u -z dns 53')
    expect(inContainer.ok ? '' : inContainer.error).toContain('busybox nc has no -u')
    const tcp = parseProbeCommand('nc -z 10.77.0.10 80')
    expect(tcp.ok ? '' : tcp.error).toContain('TCP probes use curl')
  })
})
