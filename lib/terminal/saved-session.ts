// A terminal session kept in the browser's localStorage (issue 14: nothing typed is lost). What is kept is every line
// the learner ran, in order, with the machine it ran on, and the Host selection; restoring runs the same lines through
// runLine again, so the log, the world and `undo` come back exactly as they were. The key names the challenge (or the
// sandbox preset) and a version of its content: when the lesson author changes the start world, an old session is
// not replayed onto a world it was never typed on.
import type { Command } from '../challenges/schema'

export type SavedSession = { lines: Command[]; machine: string }

/** At most this many lines are kept; a longer session keeps its newest lines' worth of space for the rest. */
export const MAX_SAVED_LINES = 500

/** FNV-1a over the JSON of `value`, as 8 hex digits: a short, stable version of a challenge's or preset's content. */
export function contentVersion(value: unknown): string {
  const text = JSON.stringify(value)
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h.toString(16).padStart(8, '0')
}

export const savedSessionKey = (kind: 'challenge' | 'sandbox', id: string, version: string) => `packet-path:${kind}:${id}:${version}`

/** Of `keys` (localStorage's), those of a session kept for this challenge or preset, whatever its content version. */
export function keptSessionKeys(keys: readonly string[], kind: 'challenge' | 'sandbox', id: string): string[] {
  const prefix = savedSessionKey(kind, id, '')
  return keys.filter((k) => k.startsWith(prefix))
}

const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.length > 0 && v.length <= max

/**
 * The saved session in `text` (what localStorage held), or null when there is none or it is not one: another
 * version's shape, a hand-edited value. Lines that are not {on, run} strings are a damaged save, dropped whole.
 */
export function parseSavedSession(text: string | null): SavedSession | null {
  if (text === null) return null
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    return null
  }
  if (typeof raw !== 'object' || raw === null) return null
  const { lines, machine } = raw as Record<string, unknown>
  if (!Array.isArray(lines) || lines.length > MAX_SAVED_LINES || !isText(machine, 64)) return null
  const ok = lines.every((l: unknown) => typeof l === 'object' && l !== null && isText((l as Command).on, 64) && isText((l as Command).run, 1000))
  return ok ? { lines: lines.map((l: Command) => ({ on: l.on, run: l.run })), machine } : null
}

/** The session to store: the newest MAX_SAVED_LINES lines. */
export function toSavedText(lines: readonly Command[], machine: string): string {
  return JSON.stringify({ lines: lines.slice(-MAX_SAVED_LINES), machine } satisfies SavedSession)
}
