// Which addresses and routes a host has, as the walk asks about them: its own addresses, its bridges, the NIC a
// destination leaves by, and the LAN route that shadows a bridge. Reads the world only; a leaf of the walk.
import { cidrContains, isLoopback, type Ipv4 } from '../parse/ip'
import type { Host, Network } from '../model/types'
import type { Ctx } from './context'

/**
 * The host's older route that wins over a bridge's own route for `dst`: a NIC whose LAN prefix contains `dst` and is
 * at least as long as the bridge's (equal prefixes: the older route, the LAN's, comes first in the FIB). A Docker
 * network created with the LAN's own subnet is accepted (facts 12), but its containers are then unreachable through
 * the host, and their replies leave through the NIC.
 */
export function shadowingNic(ctx: Ctx, host: Host, net: Network, dst: Ipv4): Host['nics'][number] | null {
  if (net.subnet === null || net.driver !== 'bridge') return null
  const prefix = net.subnet.prefix
  return host.nics.find((n) => {
    const lan = ctx.world.lans.get(n.lan)
    return n.up && n.ip !== null && lan !== undefined && lan.subnet.prefix >= prefix && cidrContains(lan.subnet, dst)
  }) ?? null
}

export function localBridges(host: Host): Network[] {
  return [...(host.engine?.networks.values() ?? [])].filter((n) => n.driver === 'bridge' && n.subnet !== null)
}

/** Is `ip` one of this host's own addresses (a NIC, or a bridge's gateway address)? */
export function ownsAddress(host: Host, ip: Ipv4): string | null {
  if (isLoopback(ip)) return 'lo'
  const nic = host.nics.find((n) => n.ip === ip)
  if (nic !== undefined) return nic.name
  const br = localBridges(host).find((n) => n.gateway === ip)
  return br === undefined ? null : (br.bridge as string)
}

/** The NIC a host would send `dst` out of, for MASQUERADE (facts 38). */
export function egressNic(ctx: Ctx, host: Host, dst: Ipv4): Host['nics'][number] | undefined {
  const withIp = host.nics.filter((n) => n.ip !== null && n.up)
  const routed = host.routes.find((r) => cidrContains(r.to, dst))
  const viaRoute = routed === undefined ? undefined : withIp.find((n) => n.name === routed.dev)
  return (
    viaRoute ??
    withIp.find((n) => {
      const lan = ctx.world.lans.get(n.lan)
      return lan !== undefined && cidrContains(lan.subnet, dst)
    }) ??
    withIp.find((n) => ctx.world.lans.get(n.lan)?.gateway != null) ??
    withIp[0]
  )
}
