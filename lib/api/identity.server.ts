// Who is asking: a learner id in a signed cookie, the server secret that signs it, and the
// short progress code that lets a learner resume on another device.
//
// The cookie is `v1.<learner id>.<HMAC-SHA256(secret, "learner:" + id)>`, httpOnly and
// SameSite=Lax, so page scripts cannot read it and other sites cannot send it with a POST.
// A changed id or signature fails verification and the request is treated as a new visitor.
import 'server-only'
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

export const LEARNER_COOKIE = 'pp_learner'
export const ADMIN_COOKIE = 'pp_admin'
const ONE_YEAR_SECONDS = 365 * 24 * 3600

/**
 * SESSION_SECRET, or the secret generated on first start into `<dataDir>/session-secret`
 * (mode 600). Creating with the `wx` flag means two processes starting together agree on one.
 * With DATABASE_URL set (several instances on one PostgreSQL) SESSION_SECRET must be given.
 */
export function loadSessionSecret(dataDir: string, env: Readonly<Record<string, string | undefined>> = process.env): string {
  const fromEnv = env.SESSION_SECRET
  if (fromEnv !== undefined && fromEnv !== '') {
    if (fromEnv.length < 32) throw new Error('SESSION_SECRET must be at least 32 characters (e.g. `openssl rand -hex 32`)')
    return fromEnv
  }
  if (env.DATABASE_URL?.trim()) {
    // A secret generated per instance would make every instance reject the others' cookies and records.
    throw new Error('SESSION_SECRET is required when DATABASE_URL is set: every instance must sign cookies with the same secret (e.g. `openssl rand -hex 32`)')
  }
  const file = path.join(dataDir, 'session-secret')
  mkdirSync(dataDir, { recursive: true })
  try {
    writeFileSync(file, randomBytes(32).toString('hex'), { flag: 'wx', mode: 0o600 })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
  }
  // The umask could have widened the mode on creation; the secret is readable by us alone.
  chmodSync(file, 0o600)
  const secret = readFileSync(file, 'utf8').trim()
  if (secret.length < 32) throw new Error(`${file} is shorter than 32 characters; delete it to generate a new one`)
  return secret
}

function hmac(secret: string, message: string): string {
  return createHmac('sha256', secret).update(message).digest('base64url')
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

export function signLearnerId(secret: string, learnerId: string): string {
  return `v1.${learnerId}.${hmac(secret, `learner:${learnerId}`)}`
}

/** The learner id in a cookie value, or undefined when it is missing, malformed or forged. */
export function verifyLearnerCookie(secret: string, value: string | undefined): string | undefined {
  if (!value) return undefined
  const match = /^v1\.([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/.exec(value)
  if (!match?.[1] || !match[2]) return undefined
  return safeEqual(match[2], hmac(secret, `learner:${match[1]}`)) ? match[1] : undefined
}

/** The admin cookie proves the holder once presented ADMIN_TOKEN; it does not contain the token. */
export function adminCookieValue(secret: string, adminToken: string): string {
  return hmac(secret, `admin:${adminToken}`)
}

export function isAdminRequest(
  secret: string,
  adminToken: string,
  bearer: string | undefined,
  cookie: string | undefined,
): boolean {
  if (bearer !== undefined && safeEqual(bearer, adminToken)) return true
  return cookie !== undefined && safeEqual(cookie, adminCookieValue(secret, adminToken))
}

export function cookieHeader(name: string, value: string, secure: boolean, maxAge = ONE_YEAR_SECONDS): string {
  return `${name}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${secure ? '; Secure' : ''}`
}

/** Reads one cookie from a Cookie header. */
export function readCookie(header: string | null, name: string): string | undefined {
  if (!header) return undefined
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim()
  }
  return undefined
}

// Crockford's base32: no I, L, O or U, so a code read aloud or copied by hand survives.
// 12 symbols × 5 bits = 60 bits of randomness; each byte maps to one symbol (256 = 8·32, no bias).
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
export const PROGRESS_CODE_LENGTH = 12

export function generateProgressCode(length = PROGRESS_CODE_LENGTH): string {
  const bytes = randomBytes(length)
  let code = ''
  for (const b of bytes) code += ALPHABET[b % 32]
  return code
}

/** A class join code: 8 symbols (40 bits), shown as XXXX-XXXX; joins are rate-limited like progress codes. */
export const JOIN_CODE_LENGTH = 8
export const generateJoinCode = () => generateProgressCode(JOIN_CODE_LENGTH)

/** Shown as XXXX-XXXX-XXXX. */
export function formatProgressCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code
}

/**
 * Normalises what a learner typed: case, spaces and dashes are ignored, and the look-alikes
 * Crockford's spec names (O→0, I/L→1) are mapped. Returns undefined when it cannot be a code.
 */
export function normalizeProgressCode(input: string, length = PROGRESS_CODE_LENGTH): string | undefined {
  const code = input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1')
  if (code.length !== length) return undefined
  for (const ch of code) if (!ALPHABET.includes(ch)) return undefined
  return code
}
