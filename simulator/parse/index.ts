// parse/: scenario JSON and command strings → typed values (zod for the file, small hand parsers for commands).
// Nothing here knows about the world; the model layer decides what a parsed command does.
export * from './ip'
export * from './argv'
export * from './ports'
export * from './scenario'
export * from './docker-command'
export * from './service-command'
export * from './iptables-command'
export * from './probe-command'
export * from './ip-command'
export * from './iptables-list'
export type { FlagSpec } from './flags'
export * from './zod-path'
