// Decides whether an answer makes a claim. A claim is a few concepts that meet in one sentence, the last one being
// the predicate: "host mode" + "shares the host's IP". Three things keep this from being a keyword count:
// - negation: a "not/no/without/never" earlier in the predicate's clause (or "X is not needed" after it) flips it;
// - attribution: with a subject, the nearest driver named before the predicate must be that subject, so
//   "unlike bridge, which gives each container its own IP, host mode shares the host's" credits each driver right;
// - keyword lists: sentences that are only a string of terms make no claim (see grade.ts).
import { compilePhrase, findPhrase, type CompiledPhrase, type PhraseMatch } from './phrase-match'
import type { Claim, Rubric } from './rubric-schema'
import { isNegatorWord, type Token } from './text'

export type CompiledRubric = Readonly<{ rubric: Rubric; concepts: ReadonlyMap<string, readonly CompiledPhrase[]> }>

/** compared: named in a comparison ("like a bridge, it …"), so not what a predicate after it is about */
type Mention = Readonly<{ concept: string; match: PhraseMatch; compared: boolean }>

export type Analysis = Readonly<{
  tokens: readonly Token[]
  /** sentences to ignore because they are keyword lists */
  ignoredSentences: ReadonlySet<number>
  matches: ReadonlyMap<string, readonly PhraseMatch[]>
  subjects: readonly Mention[]
  defaultSubject: string | undefined
  /** tokens inside a belief the answer reports rather than holds ("a common misconception is that …") */
  reported: ReadonlySet<number>
  /** clauses opened by a connective ("so", "and", "because"…): a new statement with a subject of its own */
  joined: ReadonlySet<number>
  /** clauses opened by a contrast ("but", "whereas"…): where the usual case an answer sets out ends */
  contrasts: ReadonlySet<number>
}>

// "X is not needed / not used / not required": the negation comes after the thing it denies.
const POSTPONED_NEGATION = new Set([
  'need', 'us', 'work', 'requir', 'involv', 'necessary', 'done', 'apply', 'perform', 'present', 'happen', 'occur', 'possibl',
])

export function compileRubric(rubric: Rubric): CompiledRubric {
  const concepts = new Map<string, CompiledPhrase[]>()
  for (const [id, phrases] of Object.entries(rubric.concepts)) concepts.set(id, phrases.map(compilePhrase))
  return { rubric, concepts }
}

export function analyze(
  compiled: CompiledRubric,
  tokens: readonly Token[],
  ignoredSentences: ReadonlySet<number>,
  contrasts: ReadonlySet<number> = new Set(),
  joined: ReadonlySet<number> = new Set(),
): Analysis {
  const matches = new Map<string, PhraseMatch[]>()
  for (const [id, phrases] of compiled.concepts) {
    const found = phrases.flatMap((p) => findPhrase(p, tokens)).filter((m) => !ignoredSentences.has(m.sentence))
    matches.set(id, found)
  }
  const subjects = compiled.rubric.subjects
    .flatMap((concept) => (matches.get(concept) ?? []).map((match) => ({ concept, match, compared: opensComparison(match, tokens) })))
    .filter((s) => !isNamedAbsent(s.match, tokens))
    // Two subjects named from the same word: the longer phrase is the more specific ("the overlay network from Swarm"
    // is Swarm's overlay, not the pod network that "overlay network" alone names).
    .sort((a, b) => a.match.start - b.match.start || b.match.end - a.match.end)
  return {
    tokens,
    ignoredSentences,
    matches,
    subjects,
    defaultSubject: compiled.rubric.defaultSubject,
    reported: reportedBeliefs(tokens, contrasts),
    joined,
    contrasts,
  }
}

// A clause that opens with "like X" ("but like a bridge it hides the container behind NAT") compares with X; X is not
// what the clause is about. Inside a clause ("it goes through NAT just like bridge") the mention stays a subject.
const COMPARISONS = new Set(['like'])

function opensComparison(match: PhraseMatch, tokens: readonly Token[]): boolean {
  const like = tokens[match.start - 1]
  if (like === undefined || !COMPARISONS.has(like.word) || like.clause !== (tokens[match.start] as Token).clause) return false
  const before = tokens[like.index - 1]
  return before === undefined || before.clause !== like.clause
}

// A subject named as something absent ("no bridge, no NAT", "without a bridge", "no veth pair, bridge or NAT") is what
// the statement does without, not what it is about: "Host: no bridge, so it is faster" is said of host mode. Absent:
// a negator at most two words before it in its clause, or it opens a short clause ("bridge or NAT") that continues a
// list opened by "no"/"without" in the clause just before, in the same sentence.
const ABSENCE = new Set(['no', 'without', 'nor'])
const MAX_ABSENT_LIST_ITEM = 4
const LIST_JOINERS = new Set(['or', 'and', 'nor'])

function isNamedAbsent(match: PhraseMatch, tokens: readonly Token[]): boolean {
  const head = tokens[match.start] as Token
  for (let i = match.start - 1; i >= Math.max(0, match.start - 3); i -= 1) {
    const t = tokens[i] as Token
    if (t.clause !== head.clause) break
    if (ABSENCE.has(t.word)) return true
  }
  const before = tokens[match.start - 1]
  if (before === undefined || before.clause === head.clause || before.sentence !== head.sentence) return false
  const previous = tokens.filter((t) => t.clause === before.clause)
  const own = tokens.filter((t) => t.clause === head.clause)
  // A list item is the name alone or joined to the next one ("bridge or NAT"); a name followed by anything else
  // says something of it ("no wifi/cloud, host needs a shim" is said of the host).
  const after = own.filter((t) => t.index > match.end)
  const listItem = after.length === 0 || LIST_JOINERS.has((after[0] as Token).word)
  return ABSENCE.has((previous[0] as Token).word) && previous.length <= MAX_ABSENT_LIST_ITEM && own.length <= MAX_ABSENT_LIST_ITEM && listItem
}

// A belief the answer reports is not a claim it makes: "A common misconception is that dockerd receives every
// packet", "People sometimes think host mode is more secure, but it's the opposite". The report runs from its frame
// (someone thinks/believes/assumes…, or a misconception/myth/mistake) to the end of the sentence or to the first
// clause that turns against it ("but", "however", "whereas"…).
// Believers are people, never "some apps" or "many programs", which assume things the answer may well hold.
const BELIEVERS = new Set([
  'people', 'others', 'beginners', 'newcomers', 'folks', 'learners', 'someone', 'somebody', 'everyone', 'everybody',
  'newbies', 'students',
])
const BELIEF_VERBS = new Set([
  'think', 'thinks', 'believe', 'believes', 'assume', 'assumes', 'say', 'says', 'claim', 'claims', 'imagine',
  'imagines', 'guess', 'suppose', 'supposes',
])
const BELIEF_NOUNS = new Set(['misconception', 'myth', 'mistake', 'misunderstanding', 'fallacy', 'misbelief', 'misconceptions', 'myths', 'mistakes'])
const MAX_BELIEF_GAP = 3
const REBUTTALS = new Set(['wrong', 'false', 'untrue', 'mistaken', 'opposite', 'actually', 'fact', 'reality', 'really', 'truth'])

function reportedBeliefs(tokens: readonly Token[], contrasts: ReadonlySet<number>): Set<number> {
  const reported = new Set<number>()
  for (const t of tokens) {
    const framed =
      BELIEF_NOUNS.has(t.word) ||
      (BELIEF_VERBS.has(t.word) &&
        tokens
          .slice(Math.max(0, t.index - MAX_BELIEF_GAP - 1), t.index)
          .some((b) => b.clause === t.clause && BELIEVERS.has(b.word)))
    if (!framed) continue
    for (let i = t.index + 1; i < tokens.length; i += 1) {
      const next = tokens[i] as Token
      if (next.sentence !== t.sentence || (next.clause !== t.clause && contrasts.has(next.clause))) break
      // "…, and they are wrong: the daemon …", "in fact …": what follows is the answer's own.
      if (REBUTTALS.has(next.word)) break
      reported.add(i)
    }
  }
  return reported
}

// A denial of a point counts only when a plain negator sits right before the predicate, with at most auxiliaries
// and the thing talked about between ("does not share", "no isolation", "don't have DNS", "does not give the
// container its own MAC"): "without encapsulation, by routing", "cannot route pod addresses" or "cannot talk …
// unless you add a shim" deny nothing.
const DENIERS = new Set(['not', 'no', 'never', 'cannot'])
const SKIPPABLE = new Set([
  'is', 'are', 'be', 'do', 'does', 'did', 'have', 'has', 'get', 'gets', 'give', 'gives', 'really', 'even', 'any',
  'it', 'them', 'container', 'containers', 'pod', 'pods', 'packet', 'packets', 'traffic', 'app', 'apps',
])
const MAX_SKIPPED = 3
// "Docker doesn't route anything itself" denies who does it, not that it is done (the kernel routes it).
const SELF_WORDS = new Set(['itself', 'himself', 'herself', 'themselves', 'personally'])

/** The sentence in which the claim is made, or undefined when the answer does not make it. */
export function findClaim(claim: Claim, analysis: Analysis): number | undefined {
  return findClaimIn(
    claim,
    analysis,
    (predicate, used) =>
      isNegated(predicate, used, analysis.tokens) === claim.negated &&
      !(claim.negated && (isHypothetical(predicate, analysis.tokens) || isLimitedNegation(predicate, analysis.tokens))),
  )
}

// "Not every cluster uses an overlay", "not all traffic goes through the proxy": a negated quantifier says that some
// do not, so it neither makes the claim nor denies it (nor makes a negated claim).
const LIMITED = new Set(['every', 'all', 'always', 'each', 'necessarily', 'everything', 'everyone', 'everywhere'])

function isLimitedNegation(predicate: PhraseMatch, tokens: readonly Token[]): boolean {
  const head = tokens[predicate.start] as Token
  return tokens.some(
    (t) =>
      t.clause === head.clause &&
      t.index < predicate.end &&
      t.word === 'not' &&
      LIMITED.has(tokens[t.index + 1]?.word ?? ''),
  )
}

// A negation said of a world without the thing ("Without an overlay, pods on different servers couldn't talk";
// "otherwise the host would not see it") denies nothing about this one: such a clause makes neither a negated claim
// nor a denial. Hypothetical: the sentence opens with "without"/"otherwise" before the predicate's clause, or the
// predicate's clause says "would"/"could".
const DEGREE_WORDS = new Set([
  'much', 'significantly', 'noticeably', 'hugely', 'dramatically', 'massively', 'considerably', 'substantially',
  'meaningfully', 'measurably', 'drastically',
])
const HYPOTHETICAL_OPENERS = new Set(['without', 'otherwise', 'else'])
const HYPOTHETICAL_MODALS = new Set(['would', 'could'])

function isHypothetical(predicate: PhraseMatch, tokens: readonly Token[]): boolean {
  const head = tokens[predicate.start] as Token
  const first = tokens.find((t) => t.sentence === head.sentence)
  if (first !== undefined && first.clause !== head.clause && HYPOTHETICAL_OPENERS.has(first.word)) return true
  return tokens.some((t) => t.clause === head.clause && t.index < predicate.start && HYPOTHETICAL_MODALS.has(t.word))
}

/** The sentence in which the answer makes a wrong claim. A wrong claim is not made as the purpose of a requirement:
 * "the host needs a shim to reach it" says the host cannot reach it without one, the opposite of "the host reaches
 * it". */
export function findWrongClaim(claim: Claim, analysis: Analysis): number | undefined {
  return findClaimIn(
    claim,
    analysis,
    (predicate, used) =>
      isNegated(predicate, used, analysis.tokens) === claim.negated &&
      !(claim.negated && (isHypothetical(predicate, analysis.tokens) || isLimitedNegation(predicate, analysis.tokens))) &&
      !(!claim.negated && isRequirementPurpose(predicate, analysis.tokens)),
  )
}

const REQUIREMENT_WORDS = new Set(['need', 'needs', 'needed', 'require', 'requires', 'required', 'must'])

function isRequirementPurpose(predicate: PhraseMatch, tokens: readonly Token[]): boolean {
  const head = tokens[predicate.start] as Token
  const before = tokens[predicate.start - 1]
  if (before === undefined || before.word !== 'to' || before.clause !== head.clause) return false
  const inClause = tokens.filter((t) => t.clause === head.clause && t.index < before.index)
  // "needs nothing special to reach it", "doesn't need a shim to reach it" deny the requirement: the claim stands.
  // "Pods need to go through NAT" has no object before "to": the need is the claim itself, not the purpose of one.
  const beforeTo = tokens[before.index - 1]
  const objectBefore = beforeTo !== undefined && !REQUIREMENT_WORDS.has(beforeTo.word)
  return (
    objectBefore &&
    inClause.some((t) => REQUIREMENT_WORDS.has(t.word)) &&
    !inClause.some((t) => isNegatorWord(t.word) || t.word === 'nothing')
  )
}

/** The sentence in which the answer flatly denies the claim ("host mode does not share the host's IP"). A point
 * without a subject is about the rubric's default subject: "the host can't talk to it directly" (the macvlan caveat)
 * and "host mode has no NAT" deny nothing about macvlan or about how Docker routes a bridge container's packets. */
export function findDenial(claim: Claim, analysis: Analysis): number | undefined {
  if (claim.negated) return undefined
  return findClaimIn(claim, analysis, (predicate, used) => {
    if (claim.subject === undefined && analysis.defaultSubject !== undefined) {
      const subject = subjectOf(predicate, outsideOf(predicate, analysis.subjects), analysis)
      if (subject !== undefined && subject !== analysis.defaultSubject) return false
      // "Normally containers can't be reached from the LAN" describes the usual case, not the rubric's subject.
      const frame = frameOf(predicate, analysis)
      if (frame !== undefined && subjectOf(predicate, inFrame(predicate, frame, analysis), analysis) === undefined) return false
    }
    const head = analysis.tokens[predicate.start] as Token
    if (analysis.tokens.some((t) => t.clause === head.clause && SELF_WORDS.has(t.word))) return false
    if (isHypothetical(predicate, analysis.tokens) || isLimitedNegation(predicate, analysis.tokens)) return false
    // "Bridge isn't slower by much", "not much slower": a matter of degree, not a denial.
    if (analysis.tokens.some((t) => t.clause === head.clause && DEGREE_WORDS.has(t.word))) return false
    for (let i = predicate.start - 1, skipped = 0; i >= 0 && skipped <= MAX_SKIPPED; i -= 1) {
      const t = analysis.tokens[i] as Token
      if (t.clause !== head.clause || used.has(i)) return false
      // "BGP + IPIP/VXLAN, or no encap": an alternative the answer offers, not a denial.
      if (DENIERS.has(t.word)) return analysis.tokens[i - 1]?.word !== 'or' || analysis.tokens[i - 1]?.clause !== head.clause
      if (!SKIPPABLE.has(t.word)) return false
      skipped += 1
    }
    return false
  })
}

function findClaimIn(
  claim: Claim,
  analysis: Analysis,
  polarityHolds: (predicate: PhraseMatch, used: ReadonlySet<number>) => boolean,
): number | undefined {
  const predicateId = claim.all[claim.all.length - 1] as string
  const others = claim.all.slice(0, -1)
  for (const predicate of analysis.matches.get(predicateId) ?? []) {
    if (analysis.reported.has(predicate.start)) continue
    const used = new Set(predicate.indices)
    const complete = others.every((concept) => {
      const near = (analysis.matches.get(concept) ?? []).find(
        (m) =>
          m.sentence === predicate.sentence &&
          Math.abs(m.start - predicate.start) <= claim.span &&
          (!claim.sameClause || analysis.tokens[m.start]?.clause === analysis.tokens[predicate.start]?.clause) &&
          m.indices.every((i) => !used.has(i)) &&
          !isDeniedElsewhere(m, predicate, analysis.tokens),
      )
      if (near === undefined) return false
      near.indices.forEach((i) => used.add(i))
      return true
    })
    if (!complete) continue
    if (!polarityHolds(predicate, used)) continue
    if (claim.subject !== undefined) {
      // A predicate in a frame ("Normally containers hide behind the host", "… break if every container hides
      // behind the host") is about the subject named in the frame, never about the rubric's default subject or one
      // named in an earlier sentence.
      const frame = frameOf(predicate, analysis)
      const subject =
        frame !== undefined
          ? subjectOf(predicate, inFrame(predicate, frame, analysis), analysis)
          : (subjectOf(predicate, outsideOf(predicate, analysis.subjects), analysis) ?? analysis.defaultSubject)
      if (subject !== claim.subject) continue
    }
    return predicate.sentence
  }
  return undefined
}

// A predicate may be said inside a frame that sets another case against the answer's subject: the setup it replaces,
// or the problem it solves. Such a predicate is said only of a subject named inside its frame, never of the rubric's
// default subject or of one named in an earlier sentence: "Sitting behind Docker's NAT breaks discovery. With macvlan
// the container gets its own MAC" does not say that macvlan sits behind NAT, but "With macvlan you still publish the
// port and Docker NATs it" does. A frame is:
// - the usual case: a sentence or clause that opens with "normally", "usually", "otherwise"… ("Normally containers
//   hide behind the host like kids behind a parent"), up to the end of the sentence or a clause that turns from it
//   ("but", "whereas"…); a sentence that opens with the ordinary setup ("With the normal setup …", "In the usual case
//   …");
// - the replaced case: a sentence that opens with "without" before the predicate's clause ("Without macvlan, every
//   container would sit behind the host's NAT"); but a predicate denied there says what the subject gives ("without
//   macvlan, containers can't reach the internet" says that macvlan is what reaches it), so it is said outright;
// - a problem under a condition: the predicate follows "if", "when" or "whenever" in its clause and its sentence says
//   that something breaks, fails or does not work ("DHCP reservations break if every container hides behind the
//   host's MAC"); a condition with no trouble in it is what its sentence's subject is for ("host is for when you need
//   speed", "containers need a real MAC when they run on the host's network"), said outright;
// - a problem: a verb of failure after the predicate in its clause ("Sitting behind NAT breaks discovery",
//   "containers sharing one host IP are a problem"), or of refusal before it ("an app that refuses anything arriving
//   through NAT");
// - a setting: a sentence that opens with a short phrase of place or means cut off from the rest is said of what
//   the phrase names ("On a bridge, the container shares the host's IP" of the bridge, "With macvlan, …" of macvlan),
//   and of no subject when it names none ("Behind NAT, the devices on the LAN never see the container");
// - an activity: a gerund that opens the sentence and is the subject of its clause ("Sharing the host's stack means
//   one MAC for everything"; not "Using the host's MAC, the container …", where a comma ends the phrase).
const USUAL_CASE = new Set([
  'normally', 'normaly', 'usually', 'usualy', 'ordinarily', 'typically', 'traditionally', 'regularly', 'otherwise',
])
const USUAL_SETUP_PREPOSITIONS = new Set(['with', 'in', 'under', 'on', 'for'])
const USUAL_SETUP_ADJECTIVES = new Set(['normal', 'usual', 'standard', 'regular', 'typical', 'ordinary'])
const CONDITIONS = new Set(['if', 'when', 'whenever'])
const FAILURES = new Set([
  'break', 'breaks', 'broke', 'breaking', 'broken', 'fail', 'fails', 'failed', 'failing', 'problem', 'problems',
  'problematic', 'issue', 'issues', 'trouble', 'troubles', 'stop', 'stops', 'stopped',
])
const REFUSALS = new Set([
  'refuse', 'refuses', 'refused', 'refusing', 'reject', 'rejects', 'rejected', 'rejecting', 'hate', 'hates', 'hated',
  'hating', 'dislike', 'dislikes', 'disliked', 'disliking',
])
const SETTINGS = new Set(['behind', 'through', 'via', 'with', 'on', 'in', 'under', 'inside'])
const MAX_SETTING = 5
// Words ending in -ing that are not gerunds.
const NOT_GERUNDS = new Set(['thing', 'things', 'nothing', 'something', 'anything', 'everything', 'during', 'string', 'bring', 'according'])
const isGerund = (word: string) => word.length > 4 && word.endsWith('ing') && !NOT_GERUNDS.has(word)
const TROUBLE = (t: Token) => FAILURES.has(t.word) || DENIERS.has(t.word)

/** The tokens a frame spans, first and last. */
type Frame = Readonly<{ from: number; to: number }>

/** The frame around the predicate, or undefined when it is said outright. */
function frameOf(predicate: PhraseMatch, analysis: Analysis): Frame | undefined {
  const { tokens } = analysis
  const head = tokens[predicate.start] as Token
  const tail = tokens[predicate.end] as Token
  const inSentence = tokens.filter((t) => t.sentence === head.sentence)
  const [first, second] = inSentence as [Token, Token | undefined]
  const sentence: Frame = { from: first.index, to: (inSentence.at(-1) as Token).index }
  const clause = tokens.filter((t) => t.clause === head.clause)
  const ownClause: Frame = { from: (clause[0] as Token).index, to: (clause.at(-1) as Token).index }
  const opensClause = (t: Token) => t.index === first.index || (tokens[t.index - 1] as Token).clause !== t.clause
  // The usual case, from the clause that opens it to the end of the sentence or to a clause that turns from it.
  const usual = inSentence.find((t) => t.index <= predicate.start && USUAL_CASE.has(t.word) && opensClause(t))
  if (usual !== undefined) {
    const turn = inSentence.find((t) => t.index > usual.index && opensClause(t) && analysis.contrasts.has(t.clause))
    if (turn === undefined || turn.index > predicate.start) return { from: usual.index, to: (turn?.index ?? sentence.to + 1) - 1 }
  }
  if (second !== undefined && second.index < predicate.start && USUAL_SETUP_PREPOSITIONS.has(first.word) && USUAL_SETUP_ADJECTIVES.has(second.word)) {
    return sentence
  }
  const deniedHere = clause.some((t) => t.index <= predicate.end && isNegatorWord(t.word))
  if (first.word === 'without' && first.clause !== head.clause && !deniedHere) return sentence
  const condition = clause.find((t) => t.index < predicate.start && CONDITIONS.has(t.word))
  if (condition !== undefined && inSentence.some((t) => (t.clause !== head.clause || t.index < condition.index) && TROUBLE(t))) return sentence
  if (clause.some((t) => t.index > predicate.end && t.clause === tail.clause && FAILURES.has(t.word))) return ownClause
  // What is refused is no subject: "the server refuses clients coming in through NAT" is said of the server.
  const refusal = clause.find((t) => t.index < predicate.start && REFUSALS.has(t.word))
  if (refusal !== undefined) return { from: ownClause.from, to: refusal.index }
  const clauseGoesOn = clause.some((t) => t.index > predicate.end)
  const opening = inSentence.filter((t) => t.clause === first.clause)
  const setting = SETTINGS.has(first.word) && opening.length <= MAX_SETTING && (opening.at(-1) as Token).index < sentence.to
  if (setting) return sentence
  if (first.clause === head.clause && isGerund(first.word) && clauseGoesOn) return ownClause
  return undefined
}

/** The subjects named inside a frame. */
function inFrame(predicate: PhraseMatch, frame: Frame, analysis: Analysis): Mention[] {
  return outsideOf(predicate, analysis.subjects).filter((s) => s.match.start >= frame.from && s.match.start <= frame.to)
}

// A concept denied in a clause of its own ("the router sends traffic to it directly, no rules needed") supports no
// claim: "rules" there cannot join "sends" into "a rule forwards the traffic". In the predicate's own clause the
// negation is the predicate's (isNegated), so only a denial in another clause is checked here.
function isDeniedElsewhere(m: PhraseMatch, predicate: PhraseMatch, tokens: readonly Token[]): boolean {
  const head = tokens[m.start] as Token
  if (head.clause === (tokens[predicate.start] as Token).clause) return false
  for (let i = m.start - 1, skipped = 0; i >= 0 && skipped <= MAX_SKIPPED; i -= 1) {
    const t = tokens[i] as Token
    if (t.clause !== head.clause) return false
    if (DENIERS.has(t.word)) return true
    if (!SKIPPABLE.has(t.word)) return false
    skipped += 1
  }
  return false
}

function isNegated(predicate: PhraseMatch, inSlots: ReadonlySet<number>, tokens: readonly Token[]): boolean {
  const head = tokens[predicate.start] as Token
  const tail = tokens[predicate.end] as Token
  let flips = 0
  for (const t of tokens) {
    if (t.clause !== head.clause || inSlots.has(t.index) || !isNegatorWord(t.word)) continue
    const after = tokens[t.index + 1]
    // "not only" adds rather than denies.
    if (t.word === 'not' && after !== undefined && (after.word === 'only' || after.word === 'just')) continue
    // Before the predicate, or inside a gap of its phrase ("the LAN never sees it").
    if (t.index < predicate.end) flips += 1
    else if (t.index > predicate.end && t.index - tail.index <= 3 && t.clause === tail.clause) {
      const next = tokens.slice(t.index + 1, t.index + 3).filter((n) => n.clause === t.clause)
      if (next.some((n) => POSTPONED_NEGATION.has(n.stem))) flips += 1
    }
  }
  // A verb of doing without right before the predicate denies it like "no": "host mode skips its own namespace",
  // "drops the separate namespace", "lacks isolation" (articles and possessives are not tokens).
  const before = tokens[predicate.start - 1]
  if (before !== undefined && before.clause === head.clause && !inSlots.has(before.index) && PRIVATIVE.has(before.word)) flips += 1
  return flips % 2 === 1
}

const PRIVATIVE = new Set(['skip', 'skips', 'skipped', 'skipping', 'drop', 'drops', 'dropped', 'dropping', 'lose', 'loses', 'lost', 'losing', 'lack', 'lacks', 'lacked', 'lacking'])

// A subject named alone in the last clause of its sentence ("If you want speed and don't mind sharing, host.", "For
// isolation and control over what is exposed: bridge.") is what the whole sentence recommends, past any connective.
function isClosingTag(m: PhraseMatch, tokens: readonly Token[]): boolean {
  const head = tokens[m.start] as Token
  const clause = tokens.filter((t) => t.clause === head.clause)
  const next = tokens[(clause.at(-1) as Token).index + 1]
  return clause.every((t) => m.indices.includes(t.index)) && (next === undefined || next.sentence !== head.sentence)
}

// A subject word that opens the predicate's own phrase ("the kernel doesn't see it", "iptables isn't involved") is
// part of what is said, not who it is said about.
function outsideOf(predicate: PhraseMatch, subjects: readonly Mention[]): Mention[] {
  return subjects.filter((s) => s.match.start !== predicate.start)
}

// The subject of a predicate: the last subject named before it in its sentence; else one named inside or after it in
// the same statement ("perf: host better"); else the last one named in an earlier sentence ("Host mode is fast. It
// shares the host's IP."). A subject named after a connective is that new statement's ("Containers share the host's
// stack, so the kernel delivers it": the kernel is not who shares the stack).
function subjectOf(predicate: PhraseMatch, subjects: readonly Mention[], analysis: Analysis): string | undefined {
  const clauseOf = (m: PhraseMatch) => (analysis.tokens[m.start] as Token).clause
  // Named after the predicate: in its own clause, or in a clause split off by punctuation only ("perf: host"), never
  // past a connective that opens a new statement ("…, so the kernel delivers it").
  const sameStatement = (m: PhraseMatch) => {
    for (let c = clauseOf(predicate) + 1; c <= clauseOf(m); c += 1) if (analysis.joined.has(c)) return false
    return true
  }
  const inSentence = subjects.filter((s) => s.match.sentence === predicate.sentence)
  // A subject phrase may run into the predicate ("bridge keeps containers isolated": "bridge … containers" names the
  // driver, "keeps … isolated" is the claim); it still comes first.
  // "but like a bridge, it hides the container behind NAT": a driver named in a comparison that opens the clause is
  // not the subject of what follows.
  const before = inSentence.filter((s) => s.match.start < predicate.start && !s.compared)
  const chosen =
    before[before.length - 1] ??
    inSentence.find((s) => s.match.start >= predicate.start && (sameStatement(s.match) || isClosingTag(s.match, analysis.tokens))) ??
    subjects.filter((s) => s.match.sentence < predicate.sentence && !s.compared).at(-1)
  return chosen?.concept
}
