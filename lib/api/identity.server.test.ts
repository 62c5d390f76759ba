import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'

vi.mock('server-only', () => ({}))
const id = await import('./identity.server')

const SECRET = 'a'.repeat(64)
const LEARNER = '0f8fad5b-d9cb-469f-a165-70867728950e'
const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

describe('learner cookie', () => {
  it('round-trips a signed learner id', () => {
    expect(id.verifyLearnerCookie(SECRET, id.signLearnerId(SECRET, LEARNER))).toBe(LEARNER)
  })

  it.each([
    ['another id with the old signature', (v: string) => v.replace(LEARNER, '11111111-d9cb-469f-a165-70867728950e')],
    ['a flipped signature character', (v: string) => v.slice(0, -1) + (v.endsWith('A') ? 'B' : 'A')],
    ['no signature', (v: string) => v.split('.').slice(0, 2).join('.')],
    ['an unknown version', (v: string) => v.replace(/^v1/, 'v2')],
    ['garbage', () => 'hello'],
  ])('rejects %s', (_name, tamper) => {
    expect(id.verifyLearnerCookie(SECRET, tamper(id.signLearnerId(SECRET, LEARNER)))).toBeUndefined()
  })

  it('rejects a cookie signed with another secret', () => {
    expect(id.verifyLearnerCookie(SECRET, id.signLearnerId('b'.repeat(64), LEARNER))).toBeUndefined()
  })

  it('reads one cookie out of a Cookie header', () => {
    expect(id.readCookie('a=1; pp_learner=v1.x.y; b=2', 'pp_learner')).toBe('v1.x.y')
    expect(id.readCookie('a=1', 'pp_learner')).toBeUndefined()
    expect(id.readCookie(null, 'pp_learner')).toBeUndefined()
  })

  it('sets httpOnly, SameSite=Lax, and Secure only over https', () => {
    expect(id.cookieHeader('pp_learner', 'v', false)).toBe('pp_learner=v; Path=/; HttpOnly; SameSite=Lax; Max-Age=31536000')
    expect(id.cookieHeader('pp_learner', 'v', true)).toMatch(/; Secure$/)
  })
})

describe('session secret', () => {
  it('generates a secret on first start into a mode-600 file, then reuses it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pp-secret-'))
    dirs.push(dir)
    const first = id.loadSessionSecret(dir, {})
    expect(first).toMatch(/^[0-9a-f]{64}$/)
    expect(statSync(path.join(dir, 'session-secret')).mode & 0o777).toBe(0o600)
    expect(id.loadSessionSecret(dir, {})).toBe(first)
    expect(readFileSync(path.join(dir, 'session-secret'), 'utf8')).toBe(first)
  })

  it('prefers SESSION_SECRET and refuses a short one', () => {
    expect(id.loadSessionSecret('/nonexistent', { SESSION_SECRET: SECRET })).toBe(SECRET)
    expect(() => id.loadSessionSecret('/nonexistent', { SESSION_SECRET: 'short' })).toThrow(/at least 32 characters/)
  })

  it('requires SESSION_SECRET with DATABASE_URL instead of generating one per instance', () => {
    const url = 'postgres://app@127.0.0.1:5432/pp'
    expect(() => id.loadSessionSecret('/nonexistent', { DATABASE_URL: url })).toThrow(/SESSION_SECRET is required when DATABASE_URL is set/)
    expect(id.loadSessionSecret('/nonexistent', { DATABASE_URL: url, SESSION_SECRET: SECRET })).toBe(SECRET)
  })
})

describe('progress codes', () => {
  it('are 12 symbols from an alphabet without I, L, O or U (60 bits)', () => {
    const codes = new Set(Array.from({ length: 200 }, () => id.generateProgressCode()))
    expect(codes.size).toBe(200)
    for (const c of codes) expect(c).toMatch(/^[0-9ABCDEFGHJKMNPQRSTVWXYZ]{12}$/)
  })

  it.each([
    ['abcd-efgh-jkmn', 'ABCDEFGHJKMN'],
    [' ABCD EFGH JKMN ', 'ABCDEFGHJKMN'],
    ['OOOO-IIII-LLLL', '000011111111'],
    ['ABCD-EFGH-JKM', undefined],
    ['ABCD-EFGH-JKMU', undefined],
    ['', undefined],
  ])('normalises %j to %j', (input, expected) => {
    expect(id.normalizeProgressCode(input)).toBe(expected)
  })

  it('formats for reading and normalises back', () => {
    const code = id.generateProgressCode()
    const shown = id.formatProgressCode(code)
    expect(shown).toMatch(/^.{4}-.{4}-.{4}$/)
    expect(id.normalizeProgressCode(shown)).toBe(code)
  })
})

describe('admin check', () => {
  it('accepts the bearer token or the cookie derived from it, nothing else', () => {
    const cookie = id.adminCookieValue(SECRET, 'tok-123')
    expect(id.isAdminRequest(SECRET, 'tok-123', 'tok-123', undefined)).toBe(true)
    expect(id.isAdminRequest(SECRET, 'tok-123', undefined, cookie)).toBe(true)
    expect(id.isAdminRequest(SECRET, 'tok-123', 'tok-124', undefined)).toBe(false)
    expect(id.isAdminRequest(SECRET, 'tok-123', undefined, id.adminCookieValue(SECRET, 'other'))).toBe(false)
    expect(id.isAdminRequest(SECRET, 'tok-123', undefined, undefined)).toBe(false)
  })
})
