// Who is on the other end of a request, for rate limits (issue 12). The socket's peer address is the only thing a
// client cannot forge; scripts/serve.mjs writes it into PEER_HEADER on every request before Next sees it (any
// incoming copy is overwritten). X-Forwarded-For is believed only as far as it was appended by proxies the operator
// named in TRUSTED_PROXIES: walking from the right, each hop that is a trusted proxy vouches for the entry to its
// left, and the first address that is not a trusted proxy is the client (the rule of nginx's
// real_ip_recursive and Express's "trust proxy"). With no trusted proxies, the header is ignored.
import { BlockList, isIP } from 'node:net'

export const PEER_HEADER = 'x-packet-path-peer'

export type TrustedProxies = { list: BlockList; empty: boolean }

/** `10.0.0.5, 172.16.0.0/12, ::1` → a BlockList; throws naming TRUSTED_PROXIES and the bad entry. */
export function parseTrustedProxies(text: string | undefined): TrustedProxies {
  const list = new BlockList()
  const entries = (text ?? '').split(',').map((e) => e.trim()).filter(Boolean)
  for (const entry of entries) {
    const [address = '', prefixText, extra] = entry.split('/')
    const family = isIP(address)
    const prefix = prefixText === undefined ? undefined : Number(prefixText)
    const max = family === 6 ? 128 : 32
    if (family === 0 || extra !== undefined || (prefix !== undefined && !(Number.isInteger(prefix) && prefix >= 0 && prefix <= max && prefixText !== ''))) {
      throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR (e.g. 127.0.0.1, 10.0.0.0/8, ::1); separate entries with commas`)
    }
    const type = family === 6 ? 'ipv6' : 'ipv4'
    if (prefix === undefined) list.addAddress(address, type)
    else list.addSubnet(address, prefix, type)
  }
  return { list, empty: entries.length === 0 }
}

/** `::ffff:127.0.0.1` (an IPv4 peer on a dual-stack socket) → `127.0.0.1`; brackets and a :port are dropped. */
export function normalizeAddress(raw: string): string {
  let a = raw.trim()
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a)
  if (bracketed?.[1]) a = bracketed[1]
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(':'))
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/i.exec(a)
  return mapped?.[1] ?? a
}

function isTrusted(trusted: TrustedProxies, address: string): boolean {
  const family = isIP(address)
  return family !== 0 && trusted.list.check(address, family === 6 ? 'ipv6' : 'ipv4')
}

/** The client's address from the socket peer and X-Forwarded-For, trusting only the named proxies. */
export function resolveClientAddress(peer: string | null | undefined, forwardedFor: string | null | undefined, trusted: TrustedProxies): string {
  if (!peer) return 'unknown'
  let client = normalizeAddress(peer)
  if (trusted.empty || !isTrusted(trusted, client)) return client
  const hops = (forwardedFor ?? '').split(',').map(normalizeAddress).filter(Boolean)
  while (hops.length > 0 && isTrusted(trusted, client)) client = hops.pop() ?? client
  return client
}
