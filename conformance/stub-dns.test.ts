import { describe, expect, it } from 'vitest'
import { toNxdomainReply } from './stub-dns'

// A query for "web" type A, ID 0x1234, RD set, as busybox nslookup sends it.
const query = Buffer.from([0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, 3, 0x77, 0x65, 0x62, 0, 0, 1, 0, 1])

describe('toNxdomainReply', () => {
  it('answers with the same ID and question, QR set and RCODE NXDOMAIN', () => {
    const reply = toNxdomainReply(query)
    expect(reply).not.toBeNull()
    expect(reply?.readUInt16BE(0)).toBe(0x1234)
    expect((reply?.readUInt16BE(2) ?? 0) & 0x8000).toBe(0x8000)
    expect((reply?.readUInt16BE(2) ?? 0) & 0x000f).toBe(3)
    expect(reply?.readUInt16BE(6)).toBe(0)
    expect(reply?.subarray(12).toString('latin1')).toBe(query.subarray(12).toString('latin1'))
  })

  it('ignores packets too short to be DNS', () => {
    expect(toNxdomainReply(Buffer.from([1, 2, 3]))).toBeNull()
  })
})
