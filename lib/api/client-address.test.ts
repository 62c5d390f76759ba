import { describe, expect, it } from 'vitest'
import { normalizeAddress, parseTrustedProxies, resolveClientAddress } from './client-address'

describe('parseTrustedProxies', () => {
  it.each(['', undefined, ' , '])('accepts an empty list (%j): X-Forwarded-For is never used', (text) => {
    expect(parseTrustedProxies(text).empty).toBe(true)
  })
  it.each(['10.0.0.1', '10.0.0.0/8', '::1', 'fd00::/8', '127.0.0.1, 10.0.0.0/8 ,::1'])('accepts %j', (text) => {
    expect(parseTrustedProxies(text).empty).toBe(false)
  })
  it.each(['localhost', '10.0.0.1/33', '10.0.0.0/', '10.0.0.0/8/1', '300.1.1.1', '::1/129'])('refuses %j naming TRUSTED_PROXIES', (text) => {
    expect(() => parseTrustedProxies(text)).toThrow(/^TRUSTED_PROXIES: ".*" is not an IP address or CIDR/)
  })
})

describe('normalizeAddress', () => {
  it.each([
    ['::ffff:127.0.0.1', '127.0.0.1'],
    ['203.0.113.9:4711', '203.0.113.9'],
    ['[2001:db8::1]:443', '2001:db8::1'],
    [' 2001:db8::1 ', '2001:db8::1'],
  ])('%s → %s', (raw, want) => expect(normalizeAddress(raw)).toBe(want))
})

describe('resolveClientAddress', () => {
  const none = parseTrustedProxies(undefined)
  const nginx = parseTrustedProxies('127.0.0.1, 10.0.0.0/8')

  it('uses the socket peer and ignores X-Forwarded-For when no proxy is trusted', () => {
    expect(resolveClientAddress('203.0.113.9', '198.51.100.1', none)).toBe('203.0.113.9')
  })
  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', () => {
    expect(resolveClientAddress('203.0.113.9', '198.51.100.1', nginx)).toBe('203.0.113.9')
  })
  it('takes the entry a trusted proxy appended', () => {
    expect(resolveClientAddress('::ffff:127.0.0.1', '198.51.100.1', nginx)).toBe('198.51.100.1')
  })
  it('skips a client-sent (spoofed) entry: the right-most untrusted address wins', () => {
    expect(resolveClientAddress('127.0.0.1', '192.0.2.66, 198.51.100.1', nginx)).toBe('198.51.100.1')
  })
  it('walks through a chain of trusted proxies', () => {
    expect(resolveClientAddress('127.0.0.1', '198.51.100.1, 10.1.2.3', nginx)).toBe('198.51.100.1')
  })
  it('keeps the proxy itself when it forwarded no header, and says unknown without a peer', () => {
    expect(resolveClientAddress('127.0.0.1', null, nginx)).toBe('127.0.0.1')
    expect(resolveClientAddress(undefined, '198.51.100.1', nginx)).toBe('unknown')
  })
})
