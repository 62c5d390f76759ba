// Plain sentences for the /progress forms. The API's texts name request fields ("exportedAt: Invalid input …"),
// which suits a developer calling it, not a learner choosing a file; the page maps them by error code and keeps the
// server's words in a collapsed <details> for whoever wants them.
import { ApiRequestError } from '@/lib/queries'

export type FormMessage = { text: string; details?: string }

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

export const PROGRESS_CODE_SHAPE = 'A progress code has 12 letters and digits, like ABCD-EFGH-JKMN.'

/** The claim form's answer to a failed request: one sentence for any malformed code, however short or long. */
export function formatClaimError(error: Error): FormMessage {
  if (error instanceof ApiRequestError && error.code === 'invalid-fields') return { text: PROGRESS_CODE_SHAPE }
  return { text: error.message }
}

const RECORD_FORMAT = 'packet-path-record'

/** What the chosen file lacks, read from the file itself (the server's field list stays in the details). */
function describeNotARecord(record: unknown): string {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return 'it holds JSON, but not an object with fields'
  if (!('format' in record)) return `it has no "format": "${RECORD_FORMAT}" field`
  if (record.format !== RECORD_FORMAT) return `its "format" is not "${RECORD_FORMAT}"`
  return 'some of its fields are not the ones "Download my record" writes; it may have been edited'
}

/** The import's answer to a failed request for the file's parsed JSON `record`. */
export function formatImportError(error: Error, record: unknown): FormMessage {
  if (error instanceof ApiRequestError && error.code === 'invalid-fields') {
    return { text: `This file is not a Packet Path progress record (${describeNotARecord(record)}). Choose a file downloaded with "Download my record".`, details: error.message }
  }
  return { text: error.message }
}

export function formatImported(result: { lessons: number; attemptsAdded: number; skipped: readonly string[]; switchedLearner?: boolean }): string {
  const skipped = result.skipped.length > 0 ? ` Skipped (no longer in the course): ${result.skipped.join(', ')}.` : ''
  const switched = result.switchedLearner ? ' This browser now continues as the learner who downloaded the record.' : ''
  return `Imported ${plural(result.lessons, 'lesson', 'lessons')} and ${plural(result.attemptsAdded, 'new attempt', 'new attempts')}.${skipped}${switched}`
}
