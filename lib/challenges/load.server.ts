// Reads content/challenges/<id>.json (CHALLENGE_DIR overrides the folder, for tests). A bad file throws an error
// naming the file and the field, so the build and the tests fail loudly instead of showing a broken challenge.
import { existsSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { ChallengeSchema, formatIssues, type Challenge } from './schema'

const CHALLENGE_ID = /^[a-z0-9][a-z0-9-]*$/

export function challengeDir(): string {
  return process.env.CHALLENGE_DIR ?? path.join(process.cwd(), 'content', 'challenges')
}

export function parseChallengeJson(file: string, text: string): Challenge {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (e) {
    throw new Error(`${file}: not valid JSON (${(e as Error).message})`, { cause: e })
  }
  const parsed = ChallengeSchema.safeParse(raw)
  if (!parsed.success) throw new Error(`${file}: ${formatIssues(parsed.error)}`)
  const expected = path.basename(file, '.json')
  if (parsed.data.id !== expected) throw new Error(`${file}: id: "${parsed.data.id}" must equal the file name "${expected}"`)
  return parsed.data
}

/** The challenge with this id, or null when there is no such file (the caller answers 404). */
export function loadChallenge(id: string, dir = challengeDir()): Challenge | null {
  if (!CHALLENGE_ID.test(id)) return null
  const file = path.join(dir, `${id}.json`)
  if (!existsSync(file)) return null
  // Parsed once per file version: every attempt loads its item, and reading plus schema-checking the file was a
  // measurable part of an attempt's time. The modification time keeps an edited file (tests, dev) current.
  const mtimeMs = statSync(file).mtimeMs
  const cached = parsed.get(file)
  if (cached?.mtimeMs === mtimeMs) return cached.value
  const value = parseChallengeJson(file, readFileSync(file, 'utf8'))
  parsed.set(file, { mtimeMs, value })
  return value
}

const parsed = new Map<string, { mtimeMs: number; value: Challenge }>()
