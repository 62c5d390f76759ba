// trace/: walks one probe through a world and explains the deciding step: a typed reason (reason.ts) and the sentence
// rendered from it (explain.ts). It reads the model, never raw strings other than the probe command it parses through
// parse/ (or takes already parsed). It also says what the client programs print (client-, curl-, probe-output.ts).
export { runProbe, type ProbeOptions } from './probe'
export { formatClientOutput } from './client-output'
export { formatProbeOutput, type ProbeOutput } from './probe-output'
export { probeExitStatus } from './exit-status'
export { unreachableErrno, type EndReason, type UnreachableErrno } from './reason'
export { AnsweredBySchema, HopPacketSchema, HopSchema, OutcomeSchema, StageSchema, type AnsweredBy, type Hop, type HopPacket, type Outcome, type ProbeResult, type Stage } from './types'
export { HOP_KINDS, STAGE_OF_HOP, WRITTEN_BY_DOCKER, type HopKind } from './stages'
