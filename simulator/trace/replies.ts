// The way back. conntrack lets a reply skip nat, but not filter: it crosses OUTPUT on the host that answers, FORWARD
// (and DOCKER-USER) on every host that forwarded the request and INPUT on the host that opened the connection, in
// state ESTABLISHED. Docker's
// own chains accept it (DOCKER-CT: RELATED,ESTABLISHED ACCEPT), so only learner rules can stop it, and a rule
// written for requests (`-s CLIENT`, `-i eth0`, `--sport 4789`) may match the answer instead. A stopped reply
// leaves the client waiting: the probe times out though the server answered. A REJECT there sends its ICMP
// error to the server, not to the client, so it times out as well.
import { evaluateChain, type RuleHit } from '../model/iptables'
import { end, hop, type Ctx, type End, type ReplyCheck } from './context'
import { filterPacket } from './chains'

function stoppedAt(check: ReplyCheck): RuleHit | null {
  const { host, p, inIf, outIf } = check
  const packet = filterPacket(p, inIf, outIf, 'ESTABLISHED')
  if (check.chain !== 'FORWARD') return evaluateChain(check.chain, host.chains[check.chain], packet)
  // FORWARD's inserted rules come before Docker's jump to DOCKER-USER; an ACCEPT there ends the walk.
  const head = evaluateChain('FORWARD', host.chains.FORWARD, packet)
  if (head !== null) return head
  return evaluateChain('DOCKER-USER', host.chains['DOCKER-USER'], packet)
}

/** A delivered TCP connection or ping whose answer a learner rule stops on the way back becomes a timeout. */
export function checkReply(ctx: Ctx, request: End): End {
  if (request.outcome !== 'delivered') return request
  for (let i = ctx.replies.length - 1; i >= 0; i--) {
    const check = ctx.replies[i] as ReplyCheck
    const hit = stoppedAt(check)
    if (hit === null || hit.rule.target === 'ACCEPT') continue
    const { host, p } = check
    const who = request.answeredBy === null ? p.src : request.answeredBy.container === null ? request.answeredBy.host : request.answeredBy.container
    hop(ctx, 'rule', `${host.name}:${hit.chain}`, p, `the reply ${p.src} -> ${p.dst} (ESTABLISHED): ${hit.chain} rule ${hit.index}: ${hit.rule.target} (${hit.rule.text})`)
    const verdict = hit.rule.target === 'REJECT' ? 'REJECT' : 'DROP'
    return end('timeout', { kind: 'reply-stopped', verdict, answeredBy: who, src: p.src, dst: p.dst, host: host.name, chain: hit.chain, index: hit.index, text: hit.rule.text })
  }
  return request
}
