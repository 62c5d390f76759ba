// The underlay leg of an overlay packet (facts 56–57, 59): the inner frame travels inside UDP to port 4789 from one
// node to the other, so the sending node's OUTPUT and the receiving node's INPUT see a VXLAN datagram, and the
// answer comes back the same way. Used by overlay networks (container-path.ts) and the ingress mesh (ingress.ts).
import type { Ipv4 } from '../parse/ip'
import type { Host } from '../model/types'
import { userChain } from './chains'
import { expectReplyOnInput, expectReplyOnOutput, type Ctx, type Pkt } from './context'

export const VXLAN_PORT = 4789

/** The outer UDP datagram between two node addresses. */
export function vxlanOuter(src: Ipv4, dst: Ipv4): Pkt {
  return { src, dst, proto: 'udp', sport: VXLAN_PORT, dport: VXLAN_PORT, origDst: dst, origDport: VXLAN_PORT }
}

/**
 * `outer` leaves `from` on `fromNic` and arrives on `to`'s `toNic`: learner rules in OUTPUT there and INPUT here may
 * drop it (the chain that did is returned; null when it got through). `arrive` records the arrival hop, which only
 * a packet that left gets.
 */
export function crossUnderlay(ctx: Ctx, from: Host, fromNic: string | null, to: Host, toNic: string | null, outer: Pkt, arrive?: () => void): 'OUTPUT' | 'INPUT' | null {
  const out = userChain(ctx, from, 'OUTPUT', outer, null, fromNic)
  if (out !== null && out !== 'accept') return 'OUTPUT'
  expectReplyOnInput(ctx, from, outer, fromNic)
  arrive?.()
  const input = userChain(ctx, to, 'INPUT', outer, toNic, null)
  if (input !== null && input !== 'accept') return 'INPUT'
  expectReplyOnOutput(ctx, to, outer, toNic)
  return null
}
