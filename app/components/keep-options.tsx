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
