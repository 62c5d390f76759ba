// Finds rubric phrases in a tokenised answer. A phrase is words separated by spaces; a word may list one-word
// alternatives ("rewrite|change|translate") or end in * to match a prefix ("encapsul*"). The answer may put up to
// MAX_GAP extra words between two phrase words ("rewrites the packet's destination address") but not a comma or a
// connective, and a long word may be misspelt by one or two letters ("iptabels", "namspace"). A phrase that
// starts with ^ must open a clause ("^host" matches "Host: no NAT" and "host is faster" but not "shares the
// host's IP"). A word that starts with = is matched as written, without stemming or spelling tolerance
// ("=isolates" but not "isolated"). A word `#` matches any number or address ("8080", "172.17.0.2"): analogies name
// the port and the target rather than the mechanism ("guests for 8080 go to room 172.17.0.2").
import { isClauseBreak, isDroppedWord, isNegatorWord, normalizeText, toStem, type Token } from './text'
import { editDistance } from './edit-distance'
import { DOMAIN_FORMS, DOMAIN_STEMS } from './vocabulary'

export { editDistance }

const MAX_GAP = 2
const GAP_STOPS = new Set(['than', 'if', 'when', 'whenever'])

type WordPattern = Readonly<{ word: string; stem: string; prefix: boolean; exact: boolean; number?: boolean }>
export type CompiledPhrase = Readonly<{
  source: string
  clauseStart: boolean
  /** "$" at the end: the phrase must close its clause ("^through dockerd$" is an arrow step that is only dockerd) */
  clauseEnd: boolean
  words: ReadonlyArray<ReadonlyArray<WordPattern>>
  /** "!a|b" at the end: the word right after the phrase, in its clause, must not be one of these ("pick host !port"
   * names the host driver in "pick host for speed" but not in "you pick the host ports") */
  notFollowedBy: ReadonlyArray<WordPattern>
}>
export type PhraseMatch = Readonly<{ start: number; end: number; sentence: number; indices: readonly number[] }>

/** Compile a phrase once, with the same normalisation the answer gets. */
export function compilePhrase(source: string): CompiledPhrase {
  const words: WordPattern[][] = []
  const clauseStart = source.trimStart().startsWith('^')
  const clauseEnd = source.trimEnd().endsWith('$')
  const exclusion = /\s!([a-z0-9|]+)\s*$/.exec(source)
  const notFollowedBy = (exclusion?.[1] ?? '')
    .split('|')
    .filter((alt) => alt !== '')
    .map((word) => ({ word, stem: toStem(word), prefix: false, exact: false }))
  const body = exclusion === null ? source : source.slice(0, exclusion.index)
  // "docker-proxy" in a rubric must meet "docker-proxy" in an answer, which the tokenizer splits at the hyphen.
  const text = normalizeText(body.replace(/^\s*\^/, '').replace(/\$\s*$/, '')).replace(/([a-z0-9])-(?=[a-z0-9])/g, '$1 ')
  for (const slot of text.split(/\s+/)) {
    if (slot === '' || isDroppedWord(slot) || isClauseBreak(slot)) continue
    const alternatives = slot
      .split('|')
      .map((alt) => alt.replace(/[^a-z0-9.*=#]/g, ''))
      .filter((alt) => alt.replace(/[*=]/g, '').length > 0)
      .map((alt) => {
        if (alt === '#') return { word: '#', stem: '#', prefix: false, exact: false, number: true }
        const prefix = alt.endsWith('*')
        const exact = alt.startsWith('=')
        const word = alt.replace(/^=/, '').replace(/\*$/, '')
        return { word, stem: prefix || exact ? word : toStem(word), prefix, exact }
      })
    if (alternatives.length > 0) words.push(alternatives)
  }
  return { source, clauseStart, clauseEnd, words, notFollowedBy }
}


// Only long, purely alphabetic words of the domain's vocabulary (vocabulary.ts) are matched loosely, only when the
// first letter agrees, and never when the word as written is itself a domain word: short words and names with digits
// ("docker0", "eth0") differ by one letter from other real words far too often.
function isNearMiss(pattern: string, stem: string): boolean {
  if (pattern.length < 5 || pattern[0] !== stem[0] || Math.abs(pattern.length - stem.length) > 2) return false
  if (!DOMAIN_STEMS.has(pattern) || DOMAIN_STEMS.has(stem)) return false
  const key = `${pattern} ${stem}`
  const known = nearMisses.get(key)
  if (known !== undefined) return known
  const near =
    /^[a-z]+$/.test(pattern) &&
    /^[a-z]+$/.test(stem) &&
    (editDistance(pattern, stem) <= (pattern.length >= 10 ? 2 : 1) || isTwoLettersShort(pattern, stem))
  // A memo, not state: the answer for a pair never changes. Bounded so a long-running server cannot grow it forever.
  if (nearMisses.size >= NEAR_MISS_MEMO_LIMIT) nearMisses.clear()
  nearMisses.set(key, near)
  return near
}

// Two letters left out of a long word ("difrent", "conecton") keep its first and last letters and its order.
function isTwoLettersShort(pattern: string, word: string): boolean {
  if (pattern.length < 9 || word.length !== pattern.length - 2 || pattern.at(-1) !== word.at(-1)) return false
  let i = 0
  for (const letter of pattern) if (letter === word[i]) i += 1
  return i === word.length
}

const NEAR_MISS_MEMO_LIMIT = 100_000
const nearMisses = new Map<string, boolean>()

// A long prefix ("encapsulat*", "translat*", "masquerad*") tolerates a typo in the part it names: "encapsulted",
// "translaton", "masqurade". The word's opening, one letter shorter or longer than the prefix, must be within one
// edit of it (two from ten letters), with the first letter right; prefixes under seven letters stay exact, and a
// word that is itself one of the domain's words is never read as another.
const MIN_TOLERANT_PREFIX = 7

function isNearPrefix(prefix: string, word: string, stem: string): boolean {
  if (prefix.length < MIN_TOLERANT_PREFIX || word[0] !== prefix[0] || !/^[a-z]+$/.test(prefix) || !/^[a-z]+$/.test(word)) {
    return false
  }
  if (DOMAIN_STEMS.has(stem)) return false
  const key = `${prefix}* ${word}`
  const known = nearMisses.get(key)
  if (known !== undefined) return known
  const allowed = prefix.length >= 10 ? 2 : 1
  const near = [-1, 0, 1].some((d) => {
    const opening = word.slice(0, prefix.length + d)
    return opening.length >= prefix.length - 1 && editDistance(prefix, opening) <= allowed
  })
  if (nearMisses.size >= NEAR_MISS_MEMO_LIMIT) nearMisses.clear()
  nearMisses.set(key, near)
  return near
}

export function isWordMatch(pattern: WordPattern, token: Token): boolean {
  if (pattern.number === true) return /\d/.test(token.word)
  // A negator is only ever itself: "not" shares its stem with "note", "non" with "none".
  if (isNegatorWord(token.word) && token.word !== pattern.word) return false
  if (pattern.prefix) return token.word.startsWith(pattern.word) || isNearPrefix(pattern.word, token.word, token.stem)
  if (pattern.exact) return token.word === pattern.word
  return (
    token.stem === pattern.stem ||
    token.word === pattern.word ||
    isNearMiss(pattern.stem, token.stem) ||
    isNearMissForm(pattern.word, token) ||
    isSwapped(pattern.word, token.word)
  )
}

// Two neighbouring letters swapped in a word of six letters or more ("chnages", "destiantion") is a typo of any
// rubric word, not only of the domain's vocabulary: unlike a changed letter ("chance" for "change"), a swap almost
// never makes another real word that long. The first letter stays put.
const MIN_SWAPPED = 6

function isSwapped(pattern: string, word: string): boolean {
  if (pattern.length < MIN_SWAPPED || word.length !== pattern.length || word === pattern || word[0] !== pattern[0]) return false
  let i = 0
  while (pattern[i] === word[i]) i += 1
  return pattern[i] === word[i + 1] && pattern[i + 1] === word[i] && pattern.slice(i + 2) === word.slice(i + 2)
}

// The same tolerance on the words as written, for a typo that cuts the stem short ("shaing", "waled", "machnies").
function isNearMissForm(pattern: string, token: Token): boolean {
  if (pattern.length < 6 || !DOMAIN_FORMS.has(pattern) || DOMAIN_STEMS.has(token.stem) || DOMAIN_FORMS.has(token.word)) return false
  if (pattern[0] !== token.word[0] || Math.abs(pattern.length - token.word.length) > 2 || !/^[a-z]+$/.test(token.word)) return false
  const key = `form ${pattern} ${token.word}`
  const known = nearMisses.get(key)
  if (known !== undefined) return known
  const near = editDistance(pattern, token.word) <= (pattern.length >= 10 ? 2 : 1)
  if (nearMisses.size >= NEAR_MISS_MEMO_LIMIT) nearMisses.clear()
  nearMisses.set(key, near)
  return near
}

/** Every place the phrase occurs inside one clause, earliest first. */
export function findPhrase(phrase: CompiledPhrase, tokens: readonly Token[]): PhraseMatch[] {
  const matches: PhraseMatch[] = []
  const first = phrase.words[0]
  if (first === undefined) return matches
  for (const token of tokens) {
    if (!first.some((p) => isWordMatch(p, token))) continue
    if (phrase.clauseStart && token.index > 0 && tokens[token.index - 1]?.clause === token.clause) continue
    const indices = [token.index]
    let last = token
    for (const slot of phrase.words.slice(1)) {
      // "than" never sits inside a phrase: "matters more than isolation" is not "more isolation"; nor does a
      // condition's "if"/"when" ("you use it when NAT breaks the app" is not "uses NAT"), unless the phrase names it.
      const window = tokens.slice(last.index + 1, last.index + 2 + MAX_GAP)
      const stop = window.findIndex((t) => GAP_STOPS.has(t.word) && !slot.some((p) => isWordMatch(p, t)))
      const next = (stop === -1 ? window : window.slice(0, stop)).find(
        (t) => t.clause === token.clause && slot.some((p) => isWordMatch(p, t)),
      )
      if (next === undefined) break
      indices.push(next.index)
      last = next
    }
    if (phrase.clauseEnd && tokens[last.index + 1]?.clause === token.clause) continue
    const following = tokens[last.index + 1]
    if (following !== undefined && following.clause === token.clause && phrase.notFollowedBy.some((p) => isWordMatch(p, following))) continue
    if (indices.length === phrase.words.length) {
      matches.push({ start: token.index, end: last.index, sentence: token.sentence, indices })
    }
  }
  return matches
}
