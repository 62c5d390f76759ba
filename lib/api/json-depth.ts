// How deeply a JSON text nests arrays and objects, read without parsing it. Request bodies are checked with this
// before JSON.parse: V8 parses any depth, but the code after it recurses (the record signature's canonicalJson, the
// graders, JSON.stringify on the way into the database), and a body of a few thousand "[" overflowed the stack there
// and answered 500 with an empty body (issue 12).

/** Deeper than any body the API accepts: an exported record nests about 8 levels (record → attempts → submission …). */
export const MAX_JSON_DEPTH = 64

/**
 * The deepest nesting of `[`/`{` in `text`, stopping early once it passes `stopAbove`. Brackets inside strings do not
 * count. The text need not be valid JSON: JSON.parse reports that afterwards.
 */
export function jsonDepth(text: string, stopAbove = Infinity): number {
  let depth = 0
  let deepest = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c /* \ */) i++
      else if (c === 0x22 /* " */) inString = false
    } else if (c === 0x22) {
      inString = true
    } else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      depth++
      if (depth > deepest) {
        deepest = depth
        if (deepest > stopAbove) return deepest
      }
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) {
      depth--
    }
  }
  return deepest
}
