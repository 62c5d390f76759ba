// Learner rules in the filter, raw and mangle chains as one probe meets them. A leaf of the walk: it decides and
// records hops and expected replies, but hands the packet to no other path (host-path, container-path, lan and
// ingress do that, and only they refer to each other).
import { evaluateChain, type FilterPacket } from '../model/iptables'
import type { ChainName } from '../parse/iptables-command'
import type { Host } from '../model/types'
import { end, hop, reversed, type Ctx, type End, type Pkt } from './context'

export function filterPacket(p: Pkt, inIf: string | null, outIf: string | null, ctState: FilterPacket['ctState'] = 'NEW'): FilterPacket {
  return { inIf, outIf, src: p.src, dst: p.dst, proto: p.proto, dport: p.dport ?? null, sport: p.sport ?? null, origDst: p.origDst, origDport: p.origDport ?? null, ctState }
}

// A forwarded request is answered through the same host's FORWARD (then DOCKER-USER), interfaces swapped.
function expectReplyForwarded(ctx: Ctx, host: Host, p: Pkt, inIf: string | null, outIf: string | null): void {
  const last = ctx.replies[ctx.replies.length - 1]
  const reply = reversed(p)
  if (last !== undefined && last.host === host && last.chain === 'FORWARD' && last.inIf === outIf && last.outIf === inIf && last.p.src === reply.src && last.p.dst === reply.dst) return
  ctx.replies.push({ host, chain: 'FORWARD', p: reply, inIf: outIf, outIf: inIf })
}

/** Learner rules in a chain: returns an End when a rule decides (DROP/REJECT), 'accept' on ACCEPT, null otherwise. */
export function userChain(ctx: Ctx, host: Host, chain: ChainName, p: Pkt, inIf: string | null, outIf: string | null): End | 'accept' | null {
  const rules = chain === 'FORWARD' ? host.chains.FORWARD : host.chains[chain]
  const hit = evaluateChain(chain, rules, filterPacket(p, inIf, outIf))
  if ((chain === 'FORWARD' || chain === 'DOCKER-USER') && (hit === null || hit.rule.target === 'ACCEPT')) expectReplyForwarded(ctx, host, p, inIf, outIf)
  if (hit === null) return null
  const at = `${host.name}:${chain}`
  if (hit.rule.target === 'ACCEPT') {
    hop(ctx, 'rule', at, p, `${chain} rule ${hit.index} (${hit.rule.text}): ACCEPT`)
    return 'accept'
  }
  const reject = hit.rule.target === 'REJECT'
  const rule = { host: host.name, chain, index: hit.index, text: hit.rule.text }
  hop(ctx, 'rule', at, p, `${chain} rule ${hit.index}: ${hit.rule.target} (${hit.rule.text})`)
  if (chain === 'OUTPUT' && !reject && p.proto !== 'tcp') {
    // ip_local_out returns EPERM for a dropped datagram, so ping and nc fail at once; TCP keeps retrying its SYN.
    return end('error', { kind: 'output-eperm', ...rule })
  }
  return end(reject ? 'refused' : 'timeout', { kind: 'rule', verdict: reject ? 'REJECT' : 'DROP', ...rule })
}

/** Learner rules in raw and then mangle PREROUTING, which every arriving packet meets before nat PREROUTING (DNAT):
 *  an End when one drops it, else null. */
export function prerouting(ctx: Ctx, host: Host, p: Pkt, inIf: string): End | null {
  for (const chain of ['raw PREROUTING', 'mangle PREROUTING'] as const) {
    if (host.chains[chain].length === 0) continue
    const r = userChain(ctx, host, chain, p, inIf, null)
    if (r !== null && r !== 'accept') return r
  }
  return null
}
