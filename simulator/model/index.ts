// model/: the world (LANs, hosts, Docker engines, networks, containers, swarm) as immutable values, and the
// commands that change it. It knows nothing about probes; trace/ reads what this layer builds.
export { applyCommand, exitHeld, failHeld, type Applied, type ApplyOptions } from './apply'
export { formatExecNotFound, formatRunNotFound, imageLacksTool, toolsOfImage, type ClientTool } from './image-tools'
export { imageBase } from './images'
export { createWorld, findContainer } from './world'
export { joinMachine, type Joiner } from './join'
export { describeWorld, listServices, type ServiceEntry, type Topology } from './describe'
export type { Container, StepResult, World } from './types'
