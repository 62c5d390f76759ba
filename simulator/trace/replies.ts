// The way back. conntrack lets a reply skip nat, but not filter: it crosses OUTPUT on the host that answers, FORWARD
// (and DOCKER-USER) on every host that forwarded the request and INPUT on the host that opened the connection, in
// state ESTABLISHED. Docker's
// own chains accept it (DOCKER-CT: RELATED,ESTABLISHED ACCEPT), so only learner rules can stop it, and a rule
// written for requests (`-s CLIENT`, `-i eth0`, `--sport 4789`) may match the answer instead. A stopped reply
// leaves the client waiting: the probe times out though the server answered. A REJECT there sends its ICMP
// error to the server, not to the client, so it times out as well.
import { evaluateChain, type RuleHit } from '../model/iptables'
import { end, hop, type Ctx, type End, type ReplyCheck } from './context'
import { filterPacket } from './host-path'

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
    return end(
      'timeout',
      `${who} answered, but ${hit.chain} rule ${hit.index} "${hit.rule.text}" on ${host.name} ${hit.rule.target === 'REJECT' ? 'rejects' : 'drops'} the reply (${p.src} -> ${p.dst}) on its way back, so the client waits until it times out. Firewall rules see replies too: match only new connections (-m conntrack --ctstate NEW) or accept ESTABLISHED,RELATED first.`,
    )
  }
  return request
}
