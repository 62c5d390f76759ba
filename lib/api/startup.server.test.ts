// Start-up names the setting that is wrong before it tries the database, and fails once per process, loudly.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'

vi.mock('server-only', () => ({}))

const saved = { ...process.env }
const state = globalThis as typeof globalThis & { __packetPathPrepared?: Promise<void>; __packetPathSecret?: string }

afterEach(() => {
  process.env = { ...saved }
  delete state.__packetPathPrepared
  delete state.__packetPathSecret
})

describe('prepareServer', () => {
  it('names a missing SESSION_SECRET with DATABASE_URL even when that database cannot be reached', async () => {
    process.env.DATABASE_URL = 'postgres://nobody@127.0.0.1:1/none'
    delete process.env.SESSION_SECRET
    const { prepareServer, startupFailure } = await import('./startup.server')
    const failure = await prepareServer().then(() => undefined, (error: unknown) => error)
    expect(startupFailure(failure)).toMatch(/^Packet Path: cannot start: SESSION_SECRET is required when DATABASE_URL is set/)
  })

  it('names a TRUSTED_PROXIES entry that is not an address', async () => {
    process.env.TRUSTED_PROXIES = '127.0.0.1, not-an-address'
    const { prepareServer, startupFailure } = await import('./startup.server')
    const failure = await prepareServer().then(() => undefined, (error: unknown) => error)
    expect(startupFailure(failure)).toContain('not-an-address')
  })

  it('indexes the review grader\'s reviewed answers in the background once started, and logs a broken set by name', async () => {
    const reviewed = mkdtempSync(path.join(tmpdir(), 'reviewed-'))
    writeFileSync(path.join(reviewed, 'review-q1.x1-holdout.json'), '{ "question": ')
    process.env.REVIEWED_ANSWERS_DIR = reviewed
    process.env.DATA_DIR = mkdtempSync(path.join(tmpdir(), 'data-'))
    delete process.env.DATABASE_URL
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    try {
      const { prepareServer } = await import('./startup.server')
      await expect(prepareServer()).resolves.toBeUndefined()
      await vi.waitFor(() =>
        expect(errors).toHaveBeenCalledWith(
          expect.stringMatching(/^Packet Path: the review grader cannot read its reviewed answers: .*review-q1\.x1-holdout\.json: .*JSON/),
        ),
      )
    } finally {
      errors.mockRestore()
    }
  })
})
