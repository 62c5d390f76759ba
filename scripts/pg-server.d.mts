export const PG_BIN: string
export function freePort(): Promise<number>
export type StartedPostgres = { url: string; port: number; dir: string; stop: () => void; halt: () => void; resume: () => void }
export function startPostgres(options?: { port?: number; durable?: boolean; maxConnections?: number }): Promise<StartedPostgres>
export function stopPostgres(dir: string): void
export function databaseUrl(adminUrl: string, name: string): string
