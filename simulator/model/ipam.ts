// Docker's IPAM: default address pools in order, lowest-free subnets (v27+ reuse) and lowest-free addresses on local
// networks; serial addresses on swarm networks (facts 15–20; moby ipamutils/utils.go, defaultipam/address_space.go).
import { cidrContains, cidrLast, cidrsOverlap, intToIp, ipToInt, toCidr, type Cidr, type Ipv4 } from '../parse/ip'
import { err, ok, type Result } from '../result'
import type { Network } from './types'

function buildLocalPools(): Cidr[] {
  const pools: Cidr[] = []
  for (let b = 17; b <= 31; b++) pools.push(toCidr(((172 << 24) >>> 0) + (b << 16), 16))
  for (let c = 0; c < 256; c += 16) pools.push(toCidr(((192 << 24) >>> 0) + (168 << 16) + (c << 8), 20))
  return pools
}

export const LOCAL_POOLS: readonly Cidr[] = buildLocalPools()

/** The lowest predefined local pool that overlaps nothing already in use (networks and the host's own routes). */
export function pickLocalSubnet(taken: readonly Cidr[]): Cidr | null {
  return LOCAL_POOLS.find((p) => !taken.some((t) => cidrsOverlap(p, t))) ?? null
}

/** The swarm's global pool: 10.0.0.0/8 cut into /24s; ingress takes 10.0.0.0/24 first. */
export function pickGlobalSubnet(taken: readonly Cidr[]): Cidr | null {
  for (let i = 0; i < 65536; i++) {
    const c = toCidr(((10 << 24) >>> 0) + (i << 8), 24)
    if (!taken.some((t) => cidrsOverlap(c, t))) return c
  }
  return null
}

function isReserved(net: Network, n: number): boolean {
  const subnet = net.subnet as Cidr
  if (n === subnet.base || n === cidrLast(subnet)) return true
  const ip = intToIp(n)
  return ip === net.gateway || net.aux.includes(ip) || net.byIp.has(ip)
}

/** Reserve `requested` or the lowest free dynamic address. Returns the address and the network's new hint. */
export function allocateAddress(net: Network, requested: Ipv4 | null): Result<{ ip: Ipv4; nextHint: number }> {
  const subnet = net.subnet
  if (subnet === null) return err('no-subnet', `network ${net.name} has no IPv4 subnet`)
  if (requested !== null) {
    if (!cidrContains(subnet, requested)) return err('ip-not-in-subnet', `no configured subnet contains IP address ${requested}`)
    if (isReserved(net, ipToInt(requested))) return err('address-in-use', 'Address already in use')
    return ok({ ip: requested, nextHint: net.nextHint })
  }
  const range = net.ipRange ?? subnet
  const first = Math.max(range.base, subnet.base + 1)
  const last = Math.min(cidrLast(range), cidrLast(subnet) - 1)
  const start = Math.min(Math.max(net.nextHint, first), last + 1)
  for (const [from, to] of [[start, last], [first, start - 1]] as const) {
    for (let n = from; n <= to; n++) {
      if (!isReserved(net, n)) return ok({ ip: intToIp(n), nextHint: n + 1 })
    }
  }
  return err('pool-exhausted', `no available IPv4 addresses on this network's address pools: ${net.name} (${net.id})`)
}

/** The hint after `ip` is freed: local networks hand the lowest free address out again (facts 17). */
export function hintAfterRelease(net: Network, ip: Ipv4): number {
  return net.serial ? net.nextHint : Math.min(net.nextHint, ipToInt(ip))
}
