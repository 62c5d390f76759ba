import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { longestProseRun, mdxBlocks } from './lesson-pacing'

const LESSONS = path.join(process.cwd(), 'content', 'lessons')
const files = readdirSync(LESSONS).filter((f) => f.endsWith('.mdx')).sort()
/** "At least every few paragraphs": four paragraphs of prose in a row is the most a lesson may ask a learner to read. */
const MAX_PROSE_RUN = 4

describe('mdxBlocks', () => {
  it('keeps a fenced block whole, blank lines included, and splits prose on blank lines', () => {
    const blocks = mdxBlocks('One.\nStill one.\n\n```sh\ndocker ps\n\ndocker ps -a\n```\nTwo.')
    expect(blocks).toEqual(['One.\nStill one.', '```sh\ndocker ps\n\ndocker ps -a\n```', 'Two.'])
  })
})

describe('longestProseRun', () => {
  it('counts paragraphs between breaks; headings neither count nor break', () => {
    const body = ['A.', '## Heading', 'B.', 'C.', '<Figure src="/x.svg" alt="x" caption="x" />', 'D.', '- a list', 'E.'].join('\n\n')
    expect(longestProseRun(body)).toEqual({ paragraphs: 3, startsWith: 'A.' })
  })
})

describe.each(files)('%s', (file) => {
  it(`has no more than ${MAX_PROSE_RUN} prose paragraphs in a row`, () => {
    const body = readFileSync(path.join(LESSONS, file), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '')
    const run = longestProseRun(body)
    expect(run.paragraphs, `a run of ${run.paragraphs} paragraphs starting "${run.startsWith}"`).toBeLessThanOrEqual(MAX_PROSE_RUN)
  })
})
