// The probe result vocabulary shared with the UI (issue 3): outcomes, stages of the lesson's packet path, hops.
// Each idea is written once, as a zod schema because it crosses boundaries (API responses, challenge and quiz files,
// conformance recordings); everything else uses the inferred type. This file and stages.ts import nothing else from
// the simulator, so a client island can check a response against these schemas without loading the engine.
import { z } from 'zod'
import type { EndReason } from './reason'
import { HOP_KINDS } from './stages'

export const OutcomeSchema = z.enum(['delivered', 'refused', 'timeout', 'unreachable', 'unresolved', 'error'])
export type Outcome = z.infer<typeof OutcomeSchema>

export const StageSchema = z.enum(['internet', 'router', 'host-nic', 'os', 'docker-engine', 'network-plugin', 'container-app'])
export type Stage = z.infer<typeof StageSchema>

export const HopPacketSchema = z.object({
  srcMac: z.string().optional(),
  dstMac: z.string().optional(),
  src: z.string(),
  dst: z.string(),
  proto: z.enum(['tcp', 'udp', 'icmp']),
  sport: z.number().optional(),
  dport: z.number().optional(),
  encap: z.object({ src: z.string(), dst: z.string(), proto: z.literal('udp'), dport: z.number(), vni: z.number() }).optional(),
})
export type HopPacket = z.infer<typeof HopPacketSchema>

/** `kind` says what happened at the hop (trace/stages.ts); `stage` is the lesson's stage it belongs to, from that kind. */
export const HopSchema = z.object({ stage: StageSchema, kind: z.enum(HOP_KINDS), at: z.string(), packet: HopPacketSchema, note: z.string() })
export type Hop = z.infer<typeof HopSchema>

export const AnsweredBySchema = z.object({ host: z.string(), container: z.string().nullable(), port: z.number().optional() })
export type AnsweredBy = z.infer<typeof AnsweredBySchema>

export type ProbeResult = {
  outcome: Outcome
  answeredBy: AnsweredBy | null
  address?: string
  reason: EndReason // why it ended, for code; explanation is the same reason rendered for the learner (explain.ts)
  explanation: string
  trace: Hop[]
}
