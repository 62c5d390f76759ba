// Issue 7's writing bar, "no walls of text: a picture or an interaction at least every few paragraphs", as a check
// on the MDX source. A block is what blank lines separate (a fenced code block is one block, blank lines and all);
// headings neither count nor break a run, since a heading is not a picture.

/** Blocks that give the eye or the hands something other than prose. */
const BREAKS = /^(```|~~~|<(Figure|Table|Challenge|Quiz|Callout)\b|\||[-*+] |\d+\. |<)/

/** Splits MDX (front matter already removed) into blocks: runs of non-blank lines, fenced code kept whole. */
export function mdxBlocks(body: string): string[] {
  const blocks: string[] = []
  let current: string[] = []
  let fence: string | null = null
  const flush = () => {
    if (current.length) blocks.push(current.join('\n'))
    current = []
  }
  for (const line of body.split('\n')) {
    const marker = /^(```|~~~)/.exec(line)?.[1]
    if (fence === null && marker) {
      flush()
      fence = marker
      current.push(line)
    } else if (fence !== null) {
      current.push(line)
      if (line.startsWith(fence) && current.length > 1) {
        fence = null
        flush()
      }
    } else if (line.trim() === '') flush()
    else current.push(line)
  }
  flush()
  return blocks
}

/** The longest run of prose paragraphs with no figure, table, list, code, callout, challenge or quiz between them. */
export function longestProseRun(body: string): { paragraphs: number; startsWith: string } {
  let run = 0
  let best = { paragraphs: 0, startsWith: '' }
  let runStart = ''
  for (const block of mdxBlocks(body)) {
    const text = block.trimStart()
    if (text.startsWith('#')) continue
    if (BREAKS.test(text)) {
      run = 0
      continue
    }
    if (run === 0) runStart = text.slice(0, 60)
    run += 1
    if (run > best.paragraphs) best = { paragraphs: run, startsWith: runStart }
  }
  return best
}
