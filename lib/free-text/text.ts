// Turns a learner's answer into tokens the rubric can be matched against: lower case, no punctuation,
// contractions expanded ("doesn't" → "does not"), light stemming, and sentence/clause numbers so the claim
// matcher can keep a claim inside one sentence and a negation inside one clause.

import { editDistance } from './edit-distance'

export type Token = Readonly<{
  /** stem used for matching ("sharing" → "shar") */
  stem: string
  /** the word as written, lower-cased */
  word: string
  index: number
  sentence: number
  clause: number
}>

// Words that flip the clause that follows them. "without"/"instead of"/"rather than" count because learners
// write "reached directly without NAT" to mean "NAT is not involved".
// "rarely"/"seldom"/"hardly" deny as good as "not" for what an answer claims: "it rarely works on Wi-Fi" is the
// Wi-Fi caveat, not a claim that it works there.
const NEGATORS = new Set(['not', 'no', 'never', 'without', 'cannot', 'neither', 'nor', 'none', 'nothing', 'instead', 'rather', 'rarely', 'seldom', 'hardly'])

// Words that end a negation's scope: "host mode has no NAT and shares the host IP" negates only the NAT part.
const CLAUSE_BREAKS = new Set([
  'and', 'but', 'so', 'because', 'since', 'which', 'while', 'whereas', 'although', 'though', 'however', 'then',
  'thus', 'therefore', 'unlike', 'whilst', 'yet', 'where', 'also', 'plus', 'meaning', 'hence',
])

// Articles and possessives carry no claim; dropping them lets "rewrites the destination" match "rewrites destination".
const DROPPED = new Set(['a', 'an', 'the', 'its', 'their', 'his', 'her', 'this', 'that', 'these', 'those', 'my', 'your', 'our'])

// Words that make a string of terms a sentence. A "sentence" with almost none of them is a list of keywords. Modals
// and the labels of pros/cons notes count: "downside: NAT overhead, must publish ports" states a claim.
const FUNCTION_WORDS = new Set([
  ...DROPPED, 'must', 'should', 'may', 'might', 'could', 'would', 'more', 'less', 'pro', 'pros', 'con', 'cons',
  'downside', 'downsides', 'upside', 'upsides', 'drawback', 'drawbacks', 'benefit', 'benefits', 'cost', 'costs', 'is', 'are', 'be', 'was', 'were', 'it', 'they', 'to', 'by', 'of', 'in', 'on', 'for', 'with', 'from',
  'into', 'through', 'via', 'so', 'and', 'but', 'then', 'can', 'will', 'does', 'do', 'has', 'have', 'gets', 'get',
  'uses', 'use', 'each', 'own', 'not', 'no', 'which', 'when', 'if', 'as', 'at', 'than', 'because', 'there',
  'between', 'over', 'every', 'all', 'other', 'same', 'needs', 'need', 'without', 'like', 'where', 'only', 'per',
  'within', 'across', 'onto', 'inside', 'behind', 'under', 'up', 'down', 'out', 'off', 'about', 'after', 'before',
])

export function isClauseBreak(word: string): boolean {
  return CLAUSE_BREAKS.has(word)
}

export function isDroppedWord(word: string): boolean {
  return DROPPED.has(word)
}

export function isNegatorWord(word: string): boolean {
  return NEGATORS.has(word)
}

const COMPOUNDS =
  /\b(?:(?:ip|nf|ebt|arp)[\s-]+tables?|(?:net|name)[\s-]+(?:filter|spaces?|ns)|(?:mac|ip)[\s-]+vlans?|conn?[\s-]+track|docker[\s-]+(?:0|proxy)|v[\s-]+eth|plug-ins?)\b/g

// Shorthand of quick notes, spelt out so the rubric's words meet it ("w/o NAT", "pkts", "port fwd", "ctr IP").
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  'w/o': 'without', 'w/': 'with ', 'b/c': 'because', 'bc': 'because', 'b/w': 'between', 'btw': 'between',
  '&': ' and ', 'pkt': 'packet', 'pkts': 'packets', 'ctr': 'container', 'ctrs': 'containers', 'cntr': 'container',
  'addr': 'address', 'addrs': 'addresses', 'fwd': 'forward', 'fwds': 'forwards', 'fwding': 'forwarding',
  'iso': 'isolation', 'diff': 'different', 'perf': 'performance', 'svc': 'service', 'svcs': 'services',
  'conn': 'connection', 'conns': 'connections', 'intf': 'interface', 'iface': 'interface', 'ifaces': 'interfaces',
  'encap': 'encapsulation', 'decap': 'decapsulation', 'msg': 'message', 'msgs': 'messages', 'req': 'request',
  'reqs': 'requests', 'resp': 'response', 'env': 'environment', 'dst': 'destination', 'src': 'source',
}
// Not inside "HOST:CTR" or a path: port-mapping notation names no container.
const ABBREVIATION = /(?<![a-z0-9]|[a-z0-9]:)(w\/o|w\/|b\/c|b\/w|&|[a-z]+)(?![a-z0-9/]|:[a-z0-9])/g

function expandAbbreviations(text: string): string {
  return text.replace(ABBREVIATION, (word) => ABBREVIATIONS[word] ?? word)
}

// Possessors whose "own" thing is the container's ("the container's own MAC", "each app's own port").
const OWN_THINGS_OF = /^(?:container|pod|ctr|app|application|service|process|guest|task|vm)$/

/** Lower-case, expand contractions and spell out flags so that `-p` and "port publishing" meet. */
export function normalizeText(text: string): string {
  return expandAbbreviations(text.toLowerCase())
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/[\u2013\u2014]/g, ' - ')
    // Contractions written without the apostrophe ("doesnt", "cant", "dosnt") are common in quick answers.
    .replace(/\b(do|does|dos|did|is|are|was|were|has|have|had|could|should|would|must)nt\b/g, "$1n't")
    .replace(/\bcant\b/g, "can't")
    .replace(/\bwont\b/g, "won't")
    .replace(/\bdosn't\b/g, "doesn't")
    // Abbreviations do not end a sentence: "works everywhere incl. Wi-Fi", "e.g. a licence server".
    .replace(/\b(e\.g|i\.e|incl|etc|vs|esp|approx|resp)\.(?=\s)/g, (_, abbr: string) => abbr.replace(/\./g, ''))
    // "have to" / "has to" / "got to" say what "need to" says: "host mode still has to publish ports" needs them.
    .replace(/\b(?:have|has|had|got) to\b/g, 'need to')
    .replace(/\bcan't\b/g, 'can not')
    .replace(/\bwon't\b/g, 'will not')
    .replace(/n't\b/g, ' not')
    // "the host's own address", "the house's own door": the possessor's own thing, not the container's ("its own
    // address"), so "own" goes and the possessor stays ("host address"). A container's, pod's or app's own IP is its own.
    .replace(/\b([a-z]+)'s own\b/g, (phrase, owner: string) => (OWN_THINGS_OF.test(owner) ? phrase : `${owner}'s`))
    .replace(/'s\b/g, '')
    .replace(/'(re|ve|ll|d)\b/g, '')
    // The domain's compound words written in two ("ip tables", "name space", "mac-vlan", "docker 0") are one word.
    .replace(COMPOUNDS, (compound) => compound.replace(/[\s-]+/g, ''))
    // A host-side interface name ("vethXXX", "veth3f2a1b@if7") is a veth; a user bridge's name ("br-1a2b3c") a bridge.
    .replace(/\bveth(?:x+|[0-9a-f]*\d[0-9a-f]*)(?:@if\d+)?\b/g, 'veth')
    .replace(/\bbr-(?:x+|[0-9a-f]*\d[0-9a-f]*)\b/g, 'bridge')
    .replace(/(^|[\s(/,])(?:-p|--publish)(?=[\s=:,.)/]|$)/g, '$1 publishflag ')
    // "--network host" names the mode as one word: "the network inside the host" must not read as it.
    .replace(/(^|[\s(/,])(?:--net(?:work)?|net|network_mode)[\s=:]+host\b/g, '$1 hostnetwork ')
    .replace(/(^|[\s(/,])--net(?:work)?[\s=]+/g, '$1 network ')
}

/** A light suffix stripper: enough that plurals and verb forms of one word share a stem. */
export function toStem(word: string): string {
  if (word.length <= 2 || /\d/.test(word)) return word
  let w = word
  let verbal = false
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`
  else if (/(ss|x|z|ch|sh)es$/.test(w)) w = w.slice(0, -2)
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1)
  // The irregular participle of "write": "rewritten" meets "rewrite", "written" meets "write".
  if (w.endsWith('written')) w = `${w.slice(0, -5)}ite`
  if (w.endsWith('ing') && w.length > 4) {
    w = w.slice(0, -3)
    verbal = true
  } else if (w.endsWith('ed') && !w.endsWith('eed') && w.length > 3) {
    w = w.slice(0, -2)
    if (w.endsWith('i')) w = `${w.slice(0, -1)}y`
    verbal = true
  }
  if (verbal && /([b-df-hj-np-tv-z])\1$/.test(w) && !w.endsWith('ss') && !w.endsWith('ll')) w = w.slice(0, -1)
  if (w.endsWith('e') && w.length >= 3) w = w.slice(0, -1)
  return w
}

export type Scan = Readonly<{
  tokens: Token[]
  /** per sentence: how many words it has, how many of them are function words, and how many arrows join its steps */
  sentences: ReadonlyArray<Readonly<{ words: number; functionWords: number; arrows: number }>>
  /** clauses opened by a contrast ("…, but it's the opposite"): where a reported belief ends (claims.ts) */
  contrasts: ReadonlySet<number>
  /** clauses opened by a connective ("and", "so", "because"…), not only by punctuation: a new statement (claims.ts) */
  joined: ReadonlySet<number>
}>

// Connectives that turn from what was said before to what the writer holds: "People think host mode is safer, but".
const CONTRASTS = new Set(['but', 'however', 'whereas', 'yet', 'although', 'though', 'while', 'whilst'])

// Notes read as sentences. An arrow ("NIC -> kernel -> DNAT -> veth", "host → no NAT") joins its two sides with a
// relation: the right side opens a new clause that starts with the word "through", so a chain is one sentence of
// steps and its arrows count as the function words a keyword list lacks. "A + B" is "A and B"; "host = one app per
// port" is "host is one app per port". A markdown table becomes one sentence per row and column (see tableToSentences).
const ARROW = '\u2192'
const ARROW_WORD = 'through'

/** Rewrite note forms (tables, arrows, "+" and "=" between words) into the sentences they stand for. */
export function restructureNotes(text: string): string {
  return labelledLists(tablesToSentences(text))
    // "perf↑ isolation↓": an up or down arrow after a word ranks it, "more performance, less isolation".
    .replace(/([a-z][\w-]*) ?[\u2191\u2b06],?/gi, 'more $1,')
    .replace(/([a-z][\w-]*) ?[\u2193\u2b07],?/gi, 'less $1,')
    .replace(/\s*(?:-{1,2}>|={1,2}>|[\u2192\u21d2\u27f6\u27f9\u2794\u279c])\s*/g, ` ${ARROW} `)
    .replace(/(?<=[a-z0-9)\]]) \+ (?=[a-z0-9(])/gi, ' and ')
    .replace(/(?<=[a-z0-9)\]]) = (?=[a-z0-9(])/gi, ' is ')
    // "perf: host > bridge" ranks the two on the line's label: host is better at it than bridge.
    .replace(/(?<=[a-z0-9)\]]) > (?=[a-z(])/gi, ' better than ')
    .replace(/(?<=[a-z0-9)\]]) < (?=[a-z(])/gi, ' worse than ')
}

// A notes line that opens with a short head and lists what holds for it ("bridge - isolated, NAT, -p, bit slower",
// "host: fast, no isolation") says each item of the head, one sentence each ("bridge: isolated. bridge: NAT. …"), the
// way a table row does; so it is not a list of bare terms. Only short items (a few words each) make such a list: a
// sentence with a head ("Bridge: it gets its own network, which is safer") is prose. A line with arrows is a chain of
// steps, and one with brackets ("perf: host wins (no NAT, no hop)") keeps its commas inside them: both are left alone.
const LABELLED_ITEM_MAX_WORDS = 4
const LABELLED_LIST = /^(\s*(?:[-*\u2022]\s+)?)([A-Za-z][\w-]*(?: [A-Za-z][\w-]*)?)\s*(?::|\s-|\s\u2013|\s\u2014)\s+(.*,.*)$/
function labelledLists(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => {
      const m = LABELLED_LIST.exec(line)
      if (m === null || /->|=>|\u2192|\(/.test(line)) return line
      const [, bullet = '', head = '', rest = ''] = m
      const items = rest.split(',').map((item) => item.trim().replace(/[.;]$/, '')).filter((item) => item !== '')
      if (items.some((item) => item.split(/\s+/).length > LABELLED_ITEM_MAX_WORDS)) return line
      return bullet + items.map((item) => `${head}: ${item}.`).join(' ')
    })
    .join('\n')
}

// A markdown table (lines of |-separated cells, a |---| rule under the header): each body row becomes sentences.
// With two or more value columns, each column gives one sentence about that column's header: under "| | host |
// bridge |", the row "| performance | fast | NAT overhead |" says "host: performance is fast. bridge: performance is
// NAT overhead." With one value column, the row is a claim about its first cell: "dest rewritten is iptables DNAT."
// Under a "done by" / "who does it" column the row names who does it: "dest rewritten by dockerd."
function tablesToSentences(text: string): string {
  const lines = text.split(/\r?\n/)
  const out: string[] = []
  for (let i = 0; i < lines.length; i += 1) {
    const header = cellsOf(lines[i] as string)
    const rule = lines[i + 1]
    const ruled = rule !== undefined && isTableRule(rule)
    if (header === undefined || (!ruled && !isRulelessTable(lines, i, header.length))) {
      out.push(lines[i] as string)
      continue
    }
    let j = ruled ? i + 2 : i + 1
    const rows: string[][] = []
    for (; j < lines.length; j += 1) {
      const row = cellsOf(lines[j] as string)
      if (row === undefined || (!ruled && row.length !== header.length)) break
      rows.push(row)
    }
    i = j - 1
    if (comparesItsHeaders(header, rows)) {
      for (const row of rows) row.forEach((cell, k) => cell !== '' && header[k] !== undefined && out.push(`${header[k]}: ${cell}.`))
      continue
    }
    for (const row of rows) {
      const [label = '', ...values] = row
      if (values.length >= 2) {
        values.forEach((value, k) => {
          const column = header[k + 1] ?? ''
          if (value === '') return
          if (isNoneCell(value)) out.push(`${column}: no ${label}.`)
          else if (isYesCell(value)) out.push(`${column}: ${label}.`)
          else out.push(isAgentHeader(column) ? `${label} by ${value}.` : `${column}: ${label} is ${value}.`)
        })
      } else if (isNoneCell(values[0] ?? '')) out.push(`no ${label}.`)
      else if (isYesCell(values[0] ?? '')) out.push(`${label}.`)
      else out.push(isAgentHeader(header[1] ?? '') ? `${label} by ${values[0] ?? ''}.` : `${label} is ${values[0] ?? ''}.`)
    }
  }
  return out.join('\n')
}

// A table with no label column compares the things its header names ("| bridge | macvlan |" over "| hidden behind
// host MAC/IP | own MAC, own LAN IP |"): each cell is said of its column's header ("bridge: hidden behind host
// MAC/IP. macvlan: own MAC, own LAN IP."). Such a header is one word per cell, none empty, and the first column holds
// phrases, not names: at least two of its cells, and at least half, have a comma or a function word ("own LAN IP",
// "reach via -p"); one row is too little to tell. "| step | what |" over "| NIC | kernel receives it |", or "| piece |
// role |" over "| CNI plugin | … |", keeps its labels.
const MIN_COMPARED_ROWS = 2
function comparesItsHeaders(header: readonly string[], rows: readonly (readonly string[])[]): boolean {
  if (header.some((cell) => !/^[a-z][\w-]*$/i.test(cell))) return false
  const phrases = rows.filter(([first = '']) => first.includes(',') || first.toLowerCase().split(/[^a-z]+/).some((w) => FUNCTION_WORDS.has(w)))
  return phrases.length >= MIN_COMPARED_ROWS && 2 * phrases.length >= rows.length
}

// A cell that only says "none" ("| encapsulation | none |", "| NAT | no |") denies its row: "no encapsulation.", so the
// row's concept is not read as said, and a denied point is the wrong claim it is.
function isNoneCell(cell: string): boolean {
  return /^(?:none|no|nope|nothing|never|n\/a|not needed|not used|not required|\u2717|\u2718|\u274c)$/i.test(cell.trim())
}

// A tick ("| isolation | ✗ | ✓ |") affirms its row for that column: "bridge: isolation."
function isYesCell(cell: string): boolean {
  return /^(?:yes|y|\u2713|\u2714|\u2705)$/i.test(cell.trim())
}

// Notes often drop the |---| rule: a header and at least two rows, each of three cells or more and all of one width
// ("trade-off | host | bridge" over "isolation | ✗ | ✓"), are a table too. Two cells ("host | bridge") are not.
const RULELESS_MIN_CELLS = 3
const RULELESS_MIN_ROWS = 2
function isRulelessTable(lines: readonly string[], start: number, width: number): boolean {
  if (width < RULELESS_MIN_CELLS) return false
  const rows = lines.slice(start + 1, start + 1 + RULELESS_MIN_ROWS).map(cellsOf)
  return rows.length === RULELESS_MIN_ROWS && rows.every((row) => row !== undefined && row.length === width)
}

// A column that names who does each step ("done by", "who", "handled by") reads as a passive: "| destination
// rewritten | dockerd |" is "destination rewritten by dockerd", so the claim names its actor.
function isAgentHeader(cell: string): boolean {
  return /^(?:done by|by|who does it|who does this|handled by|performed by|actor|responsible|does it)$/i.test(cell.trim())
}

function cellsOf(line: string): string[] | undefined {
  const trimmed = line.trim()
  if (!trimmed.includes('|') || (trimmed.match(/\|/g) ?? []).length < (trimmed.startsWith('|') ? 2 : 1)) return undefined
  return trimmed.replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => c.trim())
}

function isTableRule(line: string): boolean {
  return /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/.test(line)
}

/** Split normalised text into tokens, numbering sentences (. ! ? ; newline) and clauses (also , : and connectives). */
export function scanText(text: string): Scan {
  const tokens: Token[] = []
  const sentences: { words: number; functionWords: number; arrows: number }[] = [{ words: 0, functionWords: 0, arrows: 0 }]
  let sentence = 0
  let clause = 0
  let pendingSentence = false
  let pendingClause = false
  let pendingContrast = false
  const contrasts = new Set<number>()
  const joined = new Set<number>()
  let pendingJoined = false
  const parts = normalizeText(restructureNotes(text)).match(/[a-z0-9]+(?:[.:][a-z0-9]+)*|[.!?;\n]|[,:()\u2192>=]/g) ?? []
  for (const [at, part] of parts.entries()) {
    if (isAdverbBetween(parts, at)) continue
    if (/^[.!?;\n]$/.test(part)) {
      pendingSentence = true
      continue
    }
    if (/^[,:()>=]$/.test(part)) {
      pendingClause = true
      continue
    }
    const words = part === ARROW ? arrowWords(tokens.length > 0) : part.includes(':') || part.includes('.') ? splitCompound(part) : [part]
    if (part === ARROW) pendingClause = true
    for (const word of words) {
      if (pendingSentence && tokens.length > 0) {
        sentence += 1
        clause += 1
        sentences.push({ words: 0, functionWords: 0, arrows: 0 })
      } else if (pendingClause && tokens.length > 0) clause += 1
      if (pendingJoined && !CLAUSE_BREAKS.has(word)) {
        joined.add(clause)
        pendingJoined = false
      }
      if (pendingContrast && !CLAUSE_BREAKS.has(word)) {
        contrasts.add(clause)
        pendingContrast = false
      }
      pendingSentence = false
      pendingClause = false
      const stats = sentences[sentence] as { words: number; functionWords: number; arrows: number }
      if (part === ARROW) stats.arrows += 1
      stats.words += 1
      if (FUNCTION_WORDS.has(word) || CLAUSE_BREAKS.has(word) || isMisspeltFunctionWord(word)) stats.functionWords += 1
      // "says which port goes to which container": an interrogative "which" names a thing, it opens no clause.
      if (word === 'which' && isInterrogativeWhich(parts, at)) continue
      if (CLAUSE_BREAKS.has(word)) {
        pendingClause = true
        pendingJoined = true
        if (CONTRASTS.has(word)) pendingContrast = true
        continue
      }
      if (DROPPED.has(word)) continue
      const read = asNegator(word)
      tokens.push({ stem: toStem(read), word: read, index: tokens.length, sentence, clause })
    }
  }
  return { tokens, sentences, contrasts, joined }
}

// "then" and "also" are connectives ("Docker writes the rule, then the kernel forwards it"), except as an adverb inside
// a clause, between its subject and its verb: "the kernel then forwards it", "Docker also adds a DNAT rule" keep the
// kernel and Docker the subject of their verb. Adverb: a content word (the subject) comes right before it, with no
// comma, connective or auxiliary between them, and right after it a word that is not an article or a pronoun opening a clause of its own ("rules then the kernel").
const ADVERB_CONNECTIVES = new Set(['then', 'also'])
const OPENS_CLAUSE = new Set([...DROPPED, 'it', 'they', 'we', 'you', 'i', 'he', 'she', 'there', 'packets', 'packet', 'traffic'])

const isWordPart = (part: string) => /^[a-z0-9]/.test(part)

/** A word that goes on with the clause: not punctuation, a connective, an article or a pronoun opening a clause. */
const continuesClause = (part: string | undefined) => part !== undefined && isWordPart(part) && !CLAUSE_BREAKS.has(part) && !OPENS_CLAUSE.has(part)

function isAdverbBetween(parts: readonly string[], at: number): boolean {
  const [before, part, after] = [parts[at - 1], parts[at], parts[at + 1]]
  if (part === undefined || !ADVERB_CONNECTIVES.has(part) || before === undefined) return false
  return isWordPart(before) && !FUNCTION_WORDS.has(before) && continuesClause(after)
}

// "which" after a preposition or a verb of knowing or choosing ("goes to which container", "decides which port", "looks
// up which one") asks which thing: it is a determiner inside its clause, not the relative pronoun that opens a clause
// ("a rule, which rewrites it"; "the rule which rewrites it"; "the port to which it goes"). It must be followed by a
// word that opens no clause of its own (not a comma, an article or a pronoun).
const ASKING_WHICH = new Set([
  'to', 'for', 'of', 'on', 'about', 'into', 'at', 'say', 'says', 'said', 'decide', 'decides', 'decided', 'know', 'knows',
  'tell', 'tells', 'determine', 'determines', 'pick', 'picks', 'choose', 'chooses', 'check', 'checks', 'see', 'sees',
  'up', 'out', 'remember', 'remembers', 'track', 'tracks', 'note', 'notes', 'show', 'shows', 'learn', 'learns',
])

function isInterrogativeWhich(parts: readonly string[], at: number): boolean {
  const before = parts[at - 1]
  return before !== undefined && ASKING_WHICH.has(before) && continuesClause(parts[at + 1])
}

// A misspelt long function word ("betwen", "acros", "thru") still makes a sentence of a string of terms.
const LONG_FUNCTION_WORDS = [...FUNCTION_WORDS].filter((w) => w.length >= 5)

function isMisspeltFunctionWord(word: string): boolean {
  if (word.length < 4 || !/^[a-z]+$/.test(word)) return false
  return remember(`fn ${word}`, () =>
    LONG_FUNCTION_WORDS.some((f) => f[0] === word[0] && Math.abs(f.length - word.length) <= 1 && editDistance(f, word) === 1),
  )
}

// A memo, not state: the answer for a word never changes. Bounded so a long-running server cannot grow it forever.
const MEMO_LIMIT = 50_000
const memo = new Map<string, boolean | string>()
function remember<T extends boolean | string>(key: string, compute: () => T): T {
  const known = memo.get(key)
  if (known !== undefined) return known as T
  const value = compute()
  if (memo.size >= MEMO_LIMIT) memo.clear()
  memo.set(key, value)
  return value
}

// A misspelt long negator still negates ("witout NAT", "insted of", "canot", "instaed"): a letter left out, doubled or
// swapped with its neighbour in "without", "instead" or "cannot", first letter right. A changed letter is not
// enough ("cannon" is not "cannot").
const LONG_NEGATORS = ['without', 'instead', 'cannot']
const sortedLetters = (w: string) => [...w].sort().join('')

function asNegator(word: string): string {
  if (word.length < 5 || NEGATORS.has(word) || !/^[a-z]+$/.test(word)) return word
  const near = (n: string) =>
    n[0] === word[0] &&
    Math.abs(n.length - word.length) <= 1 &&
    editDistance(n, word) === 1 &&
    (n.length !== word.length || sortedLetters(n) === sortedLetters(word))
  return remember(`neg ${word}`, () => LONG_NEGATORS.find(near) ?? word)
}


export function tokenize(text: string): Token[] {
  return scanText(text).tokens
}

// Dotted addresses ("172.17.0.2") and VLAN sub-interfaces ("eth0.10") stay one token; "8080:80" and a sentence
// that ends without a space ("nat.then") are split.
function arrowWords(afterWords: boolean): string[] {
  return afterWords ? [ARROW_WORD] : []
}

function splitCompound(part: string): string[] {
  if (/^\d+(\.\d+)+$/.test(part) || /^[a-z]+\d+\.\d+$/.test(part)) return [part]
  // "172.17.0.2:80" is an address and a port
  if (part.includes(':')) return part.split(':').flatMap((piece) => (piece === '' ? [] : splitCompound(piece)))
  return part.split(/[.:]/).filter((w) => w.length > 0)
}
