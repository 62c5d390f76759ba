// Pasted text → the command lines the terminal runs, one by one, as if each were typed and Entered. Lesson code
// blocks are shell snippets: long commands are split with a trailing `\`, lines carry a prompt naming the machine
// (`host2$ docker …`, `laptop$ curl …`), whole-line `#` comments explain, and console blocks mix commands with the
// output they print. Pure, so it is tested without a browser; the terminal decides which machine a name means.

export type PastedLine = Readonly<{ on?: string; line: string }>

// `NAME$ ` or a bare `$ `. A `#` at the start is a comment, not a root prompt: the lessons never run as root, and
// bash treats a leading `#` as a comment. `$HOME …` is not a prompt: the `$` must be followed by a space.
const PROMPT = /^(?:([A-Za-z0-9][\w.-]*)?\$)(?:\s+|$)/

// A line continues onto the next when it ends in an odd number of backslashes (bash: `\\` is a literal backslash),
// possibly followed by spaces that an editor or a copy left behind.
function continues(line: string): boolean {
  const trailing = /\\*$/.exec(line.trimEnd())?.[0].length ?? 0
  return trailing % 2 === 1
}

// Joins continued lines into logical lines. The `\`+newline and the next line's indentation become one space, the
// way the block reads; a dangling `\` on the last line is dropped.
function joinContinuations(lines: readonly string[]): string[] {
  const out: string[] = []
  let pending: string | null = null
  for (const raw of lines) {
    const piece = pending === null ? raw : raw.trimStart()
    const text: string = pending === null ? piece : `${pending} ${piece}`
    // A backslash at the end of a whole-line comment is part of the comment (bash reads no further on that line).
    const comment = pending === null && piece.trimStart().startsWith('#')
    if (!comment && continues(text)) pending = text.trimEnd().slice(0, -1).trimEnd()
    else {
      out.push(text)
      pending = null
    }
  }
  if (pending !== null) out.push(pending)
  return out
}

type Classified = { kind: 'prompted'; on: string | undefined; line: string } | { kind: 'plain'; line: string } | { kind: 'skip' }

function classify(logical: string): Classified {
  const text = logical.trim()
  if (text === '' || text.startsWith('#')) return { kind: 'skip' }
  const m = PROMPT.exec(text)
  if (m === null) return { kind: 'plain', line: text }
  const rest = text.slice(m[0].length).trim()
  // `host2$` alone, or `host2$ # now on host2`, runs nothing but still marks the block as a console block.
  if (rest === '' || rest.startsWith('#')) return { kind: 'prompted', on: m[1], line: '' }
  return { kind: 'prompted', on: m[1], line: rest }
}

// The lines to run, in order. When any line carries a prompt, the block is a console transcript and the lines
// without one are the output the commands printed, so only the prompted lines run.
export function toPastedLines(text: string): PastedLine[] {
  const logical = joinContinuations(text.replace(/\r\n?/g, '\n').split('\n'))
  const classified = logical.map(classify)
  const transcript = classified.some((c) => c.kind === 'prompted')
  const lines: PastedLine[] = []
  for (const c of classified) {
    if (c.kind === 'skip' || c.line === '') continue
    if (c.kind === 'plain') {
      if (!transcript) lines.push({ line: c.line })
    } else lines.push(c.on === undefined ? { line: c.line } : { on: c.on, line: c.line })
  }
  return lines
}
