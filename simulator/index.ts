// The simulator's public surface: everything lib/ and app/ may import. Pure TypeScript: no React, DOM or node:*.
export { ScenarioSchema, type Scenario } from './parse/scenario'
export { runScenario, formatSimError, type ScenarioResult } from './run'
export { runCommandLine, probeExitStatus, type CommandLineResult, type ForegroundProbe } from './command-line'
export { createWorld, joinMachine, type Joiner, findContainer, applyCommand, describeWorld, listServices, imageBase, imageLacksTool, toolsOfImage, type World, type StepResult, type Topology, type ServiceEntry } from './model'
export { runProbe, formatClientOutput, NET_UNREACHABLE, type ProbeOptions, type ProbeResult, type Hop, type HopPacket, type Outcome, type Stage, type AnsweredBy } from './trace'
export { parseNc, parseProbeCommand, type ProbeTool } from './parse/probe-command'
export { parseDockerCommand } from './parse/docker-command'
export type { Result, SimError } from './result'
