// trace/: walks one probe through a world and explains the deciding step. It reads the model, never raw strings
// other than the probe command it parses through parse/.
export { runProbe, type ProbeOptions } from './probe'
export { formatClientOutput } from './client-output'
export { formatProbeOutput, type ProbeOutput } from './probe-output'
export { probeExitStatus } from './exit-status'
export { unreachableErrno, type EndReason, type UnreachableErrno } from './reason'
export { AnsweredBySchema, HopPacketSchema, HopSchema, OutcomeSchema, StageSchema, type AnsweredBy, type Hop, type HopPacket, type Outcome, type ProbeResult, type Stage } from './types'
export { HOP_KINDS, STAGE_OF_HOP, WRITTEN_BY_DOCKER, type HopKind } from './stages'
