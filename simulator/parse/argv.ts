// Split a command line the way a POSIX shell would for the simple cases learners type: whitespace, single and
// double quotes, backslash escapes. No expansion, pipes or redirection (those are reported as errors).
import { err, ok, type Result } from '../result'

export function splitArgv(line: string): Result<string[]> {
  const out: string[] = []
  let cur = ''
  let inToken = false
  let quote: '"' | "'" | null = null
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string
    if (quote !== null) {
      if (c === quote) quote = null
      // POSIX: inside double quotes a backslash escapes only $ ` " \ and newline (a backslash-newline is removed);
      // before anything else it stays, so "table {{.ID}}\t{{.Names}}" reaches docker with its \t.
      else if (c === '\\' && quote === '"' && i + 1 < line.length && '$`"\\\n'.includes(line[i + 1] as string)) {
        const next = line[++i] as string
        if (next !== '\n') cur += next
      }
      else cur += c
      continue
    }
    if (c === '"' || c === "'") {
      quote = c
      inToken = true
    } else if (c === '\\' && i + 1 < line.length) {
      cur += line[++i]
      inToken = true
    } else if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      if (inToken) out.push(cur)
      cur = ''
      inToken = false
    } else if ((c === '$' && line[i + 1] === '(') || c === '`') {
      return err('bad-syntax', `the simulator runs one command per line with no shell expansion; "${c === '$' ? '$(…)' : '`…`'}" (command substitution) is not supported: run the inner command on its own line and type what it printed`)
    } else if (c === '|' || c === ';' || c === '&' || c === '>' || c === '<') {
      const what = c === '|' ? (line[i + 1] === '|' ? '||' : '|') : c === '&' ? (line[i + 1] === '&' ? '&&' : '&') : c
      return err('bad-syntax', `the simulator runs one command per line with no shell expansion; "${what}" (pipes, redirection, chaining) is not supported: type each command on its own line`)
    } else {
      cur += c
      inToken = true
    }
  }
  if (quote !== null) return err('bad-syntax', `unterminated ${quote} quote in: ${line}`)
  if (inToken) out.push(cur)
  return ok(out)
}

/** A word as a POSIX shell (and splitArgv) reads it back unchanged: quoted only when it has to be. */
export function formatShellWord(word: string): string {
  return /^[A-Za-z0-9_./:@%+=,-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`
}
