// Challenge and quiz files share one shape of loading: JSON checked by the item's schema, an id that must equal the
// file name (links and records use it), errors that name the file and the field, and one parse per file version.
import { existsSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import type { z } from 'zod'

export function parseItemJson<T extends { id: string }>(file: string, text: string, schema: z.ZodType<T>, formatIssues: (e: z.ZodError) => string): T {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (e) {
    throw new Error(`${file}: not valid JSON (${(e as Error).message})`, { cause: e })
  }
  const parsed = schema.safeParse(raw)
  if (!parsed.success) throw new Error(`${file}: ${formatIssues(parsed.error)}`)
  const expected = path.basename(file, '.json')
  if (parsed.data.id !== expected) {
    throw new Error(`${file}: id: "${parsed.data.id}" must equal the file name "${expected}" so links and records stay stable`)
  }
  return parsed.data
}

/**
 * The parsed file, or null when it does not exist. Parsed once per file version: every attempt loads its item, and
 * reading plus schema-checking the file was a measurable part of an attempt's time; the modification time keeps an
 * edited file (tests, dev) current.
 */
export function loadItemFile<T>(file: string, parse: (file: string, text: string) => T, cache: Map<string, { mtimeMs: number; value: T }>): T | null {
  if (!existsSync(file)) return null
  const mtimeMs = statSync(file).mtimeMs
  const cached = cache.get(file)
  if (cached?.mtimeMs === mtimeMs) return cached.value
  const value = parse(file, readFileSync(file, 'utf8'))
  cache.set(file, { mtimeMs, value })
  return value
}
