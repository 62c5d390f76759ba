/**
 * A stub DNS server for one test-bed namespace: answers every query NXDOMAIN on 127.0.0.1:53, so unknown
 * names fail fast and no query leaves the machine. Run as its own process inside the netns
 * (`ip netns exec NS node --import tsx stub-dns.ts`); prints "ready" once bound.
 */
import { createSocket } from 'node:dgram'

const RCODE_NXDOMAIN = 3

/** Builds the reply: same ID and question, QR=1, RD copied, RA=1, RCODE=NXDOMAIN, no answers (RFC 1035 §4.1.1). */
export function toNxdomainReply(query: Buffer): Buffer | null {
  if (query.length < 12) return null
  const reply = Buffer.from(query)
  const flags = query.readUInt16BE(2)
  const rd = flags & 0x0100
  reply.writeUInt16BE(0x8000 | 0x0080 | rd | RCODE_NXDOMAIN | (flags & 0x7800), 2)
  reply.writeUInt16BE(0, 6)
  reply.writeUInt16BE(0, 8)
  reply.writeUInt16BE(0, 10)
  // Keep the header and the question only; drop any additional records (EDNS OPT) the query carried.
  const qdcount = query.readUInt16BE(4)
  let offset = 12
  for (let q = 0; q < qdcount; q++) {
    while (offset < query.length && query[offset] !== 0) offset += (query[offset] ?? 0) + 1
    offset += 5
  }
  return offset <= query.length ? reply.subarray(0, offset) : null
}

function serve(): void {
  const socket = createSocket('udp4')
  socket.on('message', (msg, rinfo) => {
    const reply = toNxdomainReply(msg)
    if (reply) socket.send(reply, rinfo.port, rinfo.address)
  })
  socket.on('error', (err) => {
    process.stderr.write(`stub-dns: ${err.message}\n`)
    process.exit(1)
  })
  socket.bind(53, '127.0.0.1', () => process.stdout.write('ready\n'))
  process.on('SIGTERM', () => process.exit(0))
}

if (process.argv[1]?.endsWith('stub-dns.ts')) serve()
