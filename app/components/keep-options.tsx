import type { ReactNode } from 'react'

/**
 * Text with command-line option words (`-p`, `--network`) kept on one line: browsers may break after a hyphen, which
 * turned "Publishing ports with -p" into "… with -" / "p" in the bold sidebar entry. The text itself is unchanged, so
 * screen readers and copy-paste see the real hyphen.
 */
export function KeepOptions({ text }: { text: string }): ReactNode {
  return text.split(/(\s+)/).map((word, i) =>
    /^-{1,2}\w/.test(word) ? (
      <span key={i} className="whitespace-nowrap">
        {word}
      </span>
    ) : (
      word
    ),
  )
}

const FLAG = /^-{1,2}\w/
/** A flag and value this short stay on one line (`-p 80:8080`, `--dport 8080`); a longer pair may break between the
 * two, so that `--aux-address host-shim=10.77.0.223` still fits a phone's column. */
export const KEPT_PAIR = 24

/**
 * A command line (inline code, a terminal message, a quiz's world) whose lines may wrap only between words, never
 * inside one: a flag keeps a short value (`-p 80:8080`, `--dport 8080`), and a word with a hyphen (`my-net`) stays
 * whole.
 * Words with no hyphen still break where the browser would (a 64-character container ID in a narrow box).
 */
export function KeepCommand({ text }: { text: string }): ReactNode {
  const parts = text.split(/(\s+)/)
  const out: ReactNode[] = []
  for (let i = 0; i < parts.length; i++) {
    const word = parts[i] ?? ''
    const space = parts[i + 1] ?? ''
    const value = parts[i + 2] ?? ''
    // A flag and its value, joined by one space (not a newline), form one unbreakable piece.
    if (FLAG.test(word) && space === ' ' && value !== '' && !FLAG.test(value) && word.length + 1 + value.length <= KEPT_PAIR) {
      out.push(
        <span key={i} className="whitespace-nowrap">
          {`${word} ${value}`}
        </span>,
      )
      i += 2
    } else if (word.includes('-') && !/^\s*$/.test(word)) {
      out.push(
        <span key={i} className="whitespace-nowrap">
          {word}
        </span>,
      )
    } else {
      out.push(word)
    }
  }
  return out
}
