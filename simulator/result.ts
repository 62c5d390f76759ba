// Shared result and error values: expected failures are values, never exceptions (STYLE.md "Errors").

export type SimError = Readonly<{ code: string; message: string; path?: string }>

export type Result<T, E = SimError> = { ok: true; value: T } | { ok: false; error: E }

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value }
}

export function err(code: string, message: string, path?: string): { ok: false; error: SimError } {
  return { ok: false, error: path === undefined ? { code, message } : { code, message, path } }
}

export function assertNever(value: never): never {
  throw new Error(`unreachable case: ${JSON.stringify(value)}`)
}
