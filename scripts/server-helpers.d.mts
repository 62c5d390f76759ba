import type { ChildProcess } from 'node:child_process'
export function freePort(): Promise<number>
export function waitFor(url: string, child: Pick<ChildProcess, 'exitCode'>, timeoutMs: number): Promise<void>
