// Reads content/challenges/<id>.json (CHALLENGE_DIR overrides the folder, for tests). A bad file throws an error
// naming the file and the field, so the build and the tests fail loudly instead of showing a broken challenge.
import path from 'node:path'
import { loadItemFile, parseItemJson } from '../content/item-file.server'
import { ChallengeSchema, formatIssues, type Challenge } from './schema'

const CHALLENGE_ID = /^[a-z0-9][a-z0-9-]*$/

export function challengeDir(): string {
  return process.env.CHALLENGE_DIR ?? path.join(process.cwd(), 'content', 'challenges')
}

export function parseChallengeJson(file: string, text: string): Challenge {
  return parseItemJson(file, text, ChallengeSchema, formatIssues)
}

/** The challenge with this id, or null when there is no such file (the caller answers 404). */
export function loadChallenge(id: string, dir = challengeDir()): Challenge | null {
  if (!CHALLENGE_ID.test(id)) return null
  const file = path.join(dir, `${id}.json`)
  return loadItemFile(file, parseChallengeJson, parsed)
}

const parsed = new Map<string, { mtimeMs: number; value: Challenge }>()
