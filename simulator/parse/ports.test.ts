import { describe, expect, it } from 'vitest'
import { formatPortSpec, parsePortSpec } from './ports'

describe('parsePortSpec', () => {
  it.each([
    ['8080:80', [{ hostIp: null, hostPort: 8080, containerPort: 80, proto: 'tcp', mode: 'ingress' }]],
    ['127.0.0.1:8080:80', [{ hostIp: '127.0.0.1', hostPort: 8080, containerPort: 80, proto: 'tcp', mode: 'ingress' }]],
    ['10.0.0.5::80', [{ hostIp: '10.0.0.5', hostPort: null, containerPort: 80, proto: 'tcp', mode: 'ingress' }]],
    ['53:53/udp', [{ hostIp: null, hostPort: 53, containerPort: 53, proto: 'udp', mode: 'ingress' }]],
    ['80', [{ hostIp: null, hostPort: null, containerPort: 80, proto: 'tcp', mode: 'ingress' }]],
    ['published=8080,target=80,mode=host', [{ hostIp: null, hostPort: 8080, containerPort: 80, proto: 'tcp', mode: 'host' }]],
  ])('%s', (text, expected) => {
    expect(parsePortSpec(text)).toEqual({ ok: true, value: expected })
  })

  it('expands ranges one to one', () => {
    const r = parsePortSpec('8000-8002:80-82')
    expect(r.ok && r.value.map((s) => `${s.hostPort}->${s.containerPort}`)).toEqual(['8000->80', '8001->81', '8002->82'])
  })

  it.each([
    ['80:abc', 'invalid containerPort: abc'],
    ['x:80', 'invalid hostPort: x'],
    ['1.2.3:80:80', 'invalid IP address: 1.2.3'],
    ['80/sctpx', 'invalid proto: sctpx'],
    ['8000-8001:80-82', 'invalid ranges specified'],
  ])('rejects %s', (text, message) => {
    const r = parsePortSpec(text)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.message).toContain(message)
  })

  it('round-trips through formatPortSpec', () => {
    for (const t of ['8080:80/tcp', '127.0.0.1:8080:80/tcp', '53:53/udp']) {
      const r = parsePortSpec(t)
      expect(r.ok && formatPortSpec(r.value[0]!)).toBe(t)
    }
  })
})
