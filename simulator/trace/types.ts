// The probe result vocabulary shared with the UI (issue 3): outcomes, stages of the lesson's packet path, hops.
import type { EndReason } from './reason'
import type { HopKind } from './stages'

export type Outcome = 'delivered' | 'refused' | 'timeout' | 'unreachable' | 'unresolved' | 'error'
export type Stage = 'internet' | 'router' | 'host-nic' | 'os' | 'docker-engine' | 'network-plugin' | 'container-app'

export type HopPacket = {
  srcMac?: string
  dstMac?: string
  src: string
  dst: string
  proto: 'tcp' | 'udp' | 'icmp'
  sport?: number
  dport?: number
  encap?: { src: string; dst: string; proto: 'udp'; dport: number; vni: number }
}

/** `kind` says what happened at the hop (trace/stages.ts); `stage` is the lesson's stage it belongs to, from that kind. */
export type Hop = { stage: Stage; kind: HopKind; at: string; packet: HopPacket; note: string }
export type AnsweredBy = { host: string; container: string | null; port?: number }

export type ProbeResult = {
  outcome: Outcome
  answeredBy: AnsweredBy | null
  address?: string
  reason: EndReason // why it ended, for code; explanation is the same reason rendered for the learner (explain.ts)
  explanation: string
  trace: Hop[]
}
