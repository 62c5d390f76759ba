export const PG_BIN: string
export { freePort } from './server-helpers.mjs'
export type StartedPostgres = { url: string; port: number; dir: string; stop: () => void; halt: () => void; resume: () => void }
export function startPostgres(options?: { port?: number; durable?: boolean; maxConnections?: number }): Promise<StartedPostgres>
export function stopPostgres(dir: string): void
export function databaseUrl(adminUrl: string, name: string): string
