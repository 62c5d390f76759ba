import { describe, expect, it } from 'vitest'
import { ApiRequestError } from '@/lib/queries'
import { formatClaimError, formatImported, formatImportError, PROGRESS_CODE_SHAPE } from './messages'

const invalid = (message: string) => new ApiRequestError(message, 400, 'invalid-fields')

describe('formatClaimError', () => {
  it.each([
    ['a short code', invalid('The request body has problems: code: must be 12 letters and digits, like ABCD-EFGH-JKMN')],
    ['500 characters', invalid('The request body has problems: code: Too big: expected string to have <=40 characters')],
  ])('%s → one sentence about the shape', (_n, error) => {
    expect(formatClaimError(error)).toEqual({ text: PROGRESS_CODE_SHAPE })
  })
  it('keeps the server sentence for other failures', () => {
    const error = new ApiRequestError('No progress matches that code. Check it on the device where you started.', 404, 'unknown-code')
    expect(formatClaimError(error)).toEqual({ text: error.message })
  })
})

describe('formatImportError', () => {
  const server = invalid('The request body has problems: format: is not a Packet Path progress record; exportedAt: Invalid input: expected string; foo: is not a field this request accepts')
  it.each([
    [{ foo: 1 }, 'it has no "format": "packet-path-record" field'],
    [{ format: 'something-else' }, 'its "format" is not "packet-path-record"'],
    [[1, 2], 'it holds JSON, but not an object with fields'],
    [{ format: 'packet-path-record', version: 2 }, 'some of its fields are not the ones "Download my record" writes'],
  ])('%j → a plain sentence, the server text as details', (record, reason) => {
    const m = formatImportError(server, record)
    expect(m.text).toMatch(/^This file is not a Packet Path progress record \(/)
    expect(m.text).toContain(reason)
    expect(m.text).not.toMatch(/request body|exportedAt|Invalid input/)
    expect(m.details).toBe(server.message)
  })
  it('keeps the server sentence for other failures', () => {
    const error = new ApiRequestError('This record was not signed by this course server.', 400, 'bad-signature')
    expect(formatImportError(error, {})).toEqual({ text: error.message })
  })
})

describe('formatImported', () => {
  it.each([
    [{ lessons: 1, attemptsAdded: 1, skipped: [] }, 'Imported 1 lesson and 1 new attempt.'],
    [{ lessons: 0, attemptsAdded: 3, skipped: [] }, 'Imported 0 lessons and 3 new attempts.'],
    [{ lessons: 2, attemptsAdded: 0, skipped: ['old-lesson'] }, 'Imported 2 lessons and 0 new attempts. Skipped (no longer in the course): old-lesson.'],
  ])('%j → %s', (result, text) => {
    expect(formatImported(result)).toBe(text)
  })
})
