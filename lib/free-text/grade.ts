// Grades one answer against one compiled rubric. Pure: the same rubric and text always give the same grade.
//
// Order of checks: empty or too short → restated question → keyword list → claims. A central wrong claim makes the
// answer incorrect whatever else it says; a minor one caps it at partial. An answer the rubric leaves undecided (some
// points but not enough, none it knows, or one that reads as another question's) is compared with the reviewed
// answers (neighbours.ts) when a second reader is given: if the closest ones mostly carry another label, that label
// settles it (never "correct" for an answer with a wrong claim the rubric names or none of its points). An answer
// the rubric grades correct keeps full marks unless none of the closest reviewed answers was marked correct; then
// they settle it, as partial unless they clearly lean to incorrect. Scores live
// in bands that do not overlap, so a sorted list of scores never contradicts the verdicts: incorrect 0–0.25, partial
// 0.3–0.75, correct 0.8–1.
import { analyze, findClaim, findDenial, findWrongClaim, type CompiledRubric } from './claims'
import { SETTLE_SHARE, type Vote } from './neighbours'
import type { Point, WrongClaim } from './rubric-schema'
import { scanText, type Scan } from './text'

export type Verdict = 'correct' | 'partial' | 'incorrect'
export type Grade = Readonly<{ score: number; verdict: Verdict; feedback: string[] }>

const MIN_WORDS = 3
// A sentence of at least this many words in which under 1 word in 12 is a function word ("is", "to", "the", "no")
// is a list of terms, not a claim, when it is long ("iptables DNAT veth docker0 bridge namespace conntrack") or cut
// into short pieces by commas ("MAC address, LAN IP, no NAT, shim"). A short sentence in one piece is a terse claim
// ("conntrack keeps both directions consistent"). A chain of steps joined by arrows ("NIC -> iptables DNAT ->
// docker0 -> veth") states an order, so it is never a keyword list.
const LIST_MIN_WORDS = 5
const LIST_LONG_WORDS = 7
const LIST_MIN_PIECES = 3
const LIST_MAX_FUNCTION_SHARE = 1 / 12
// Share of an answer's words that may come from the question before it counts as a restatement.
const COPY_SHARE = 0.75

/** Which points and wrong claims an answer makes; exported for the "answered another question" check. */
export function findPoints(compiled: CompiledRubric, scan: Scan): Findings {
  const analysis = analyze(compiled, scan.tokens, keywordListSentences(scan), scan.contrasts, scan.joined)
  const makes = (claims: Point['claims']) => claims.some((claim) => findClaim(claim, analysis) !== undefined)
  // Each point with the sentences that make it, found once: the points made, and where (for hedged wrong claims).
  const made = compiled.rubric.points
    .map((p) => ({ p, sentences: p.claims.map((claim) => findClaim(claim, analysis)).filter((s) => s !== undefined) }))
    .filter(({ sentences }) => sentences.length > 0)
  const points = made.map(({ p }) => p)
  const pointSentences = new Set(made.flatMap(({ sentences }) => sentences))
  // Negation flips a claim: "the kernel does not see the packet" denies point (a). Denying a point the verdict
  // requires (in correctAll, or in a "one of" group the answer meets with no other point) is a central wrong claim,
  // unless the answer also makes that point (then it is a slip in a detail); denying any other point is a minor one.
  const { verdict } = compiled.rubric
  const required = new Set([
    ...verdict.correctAll,
    ...verdict.correctAnyOf.filter((group) => !group.some((id) => points.some((p) => p.id === id))).flat(),
  ])
  // A concession ("the bridge isn't slow, but it isn't free: …") denies in passing what the answer goes on to say: a
  // denial in a sentence that turns with "but"/"however" is dropped when the answer makes the point.
  const turning = new Set(scan.tokens.filter((t) => scan.contrasts.has(t.clause)).map((t) => t.sentence))
  const denied = compiled.rubric.points
    .filter((p) =>
      p.claims.some((claim) => {
        const sentence = findDenial(claim, analysis)
        return sentence !== undefined && !(points.includes(p) && turning.has(sentence))
      }),
    )
    .map((p): FoundWrongClaim => ({
      id: `denies-${p.id}`,
      label: `denies: ${p.label}`,
      central: required.has(p.id) && !points.includes(p),
      claims: p.claims,
      feedback: `Your answer denies a true point (${p.label}); ${lowerFirst(p.feedback)}`,
      section: p.section,
    }))
  return {
    points,
    vague: compiled.rubric.points.filter((p) => !points.includes(p) && makes(p.vague)),
    wrong: [
      ...compiled.rubric.wrongClaims.flatMap((w) => {
        const sentences = w.claims.map((claim) => findWrongClaim(claim, analysis)).filter((s) => s !== undefined)
        if (sentences.length === 0) return []
        // A wrong claim the writer only guesses at ("Kubernetes also uses Docker's overlay driver, I think") beside a
        // point the answer makes outright is a guess beside the answer, as both labellers grade it: it is named in the
        // feedback but costs no verdict by itself. A guess that is all the answer says ("I think Kubernetes uses
        // Docker's overlay driver") is still its answer.
        const guess = sentences.every((s) => isHedged(scan, s)) && [...pointSentences].some((s) => !isHedged(scan, s))
        return [guess ? { ...w, central: false, guess: true } : w]
      }),
      ...denied,
    ],
  }
}

// A sentence the writer marks as a guess: "I think", "I guess", "I believe", "I suppose", "maybe", "probably",
// "perhaps", "not sure". Someone else's belief ("people think …") is a reported belief (claims.ts), not a hedge.
const HEDGE_VERBS = new Set(['think', 'guess', 'believe', 'suppose', 'reckon'])
const HEDGE_WORDS = new Set(['maybe', 'probably', 'perhaps', 'unsure'])

function isHedged(scan: Scan, sentence: number): boolean {
  const words = scan.tokens.filter((t) => t.sentence === sentence).map((t) => t.word)
  return words.some(
    (w, i) =>
      HEDGE_WORDS.has(w) ||
      (w === 'i' && HEDGE_VERBS.has(words[i + 1] ?? '')) ||
      (w === 'not' && words[i + 1] === 'sure'),
  )
}

/** Whether the points meet the rubric's verdict rules for a correct answer (wrong claims aside). */
function meetsBar(compiled: CompiledRubric, points: readonly Point[]): boolean {
  const { verdict } = compiled.rubric
  const made = new Set(points.map((p) => p.id))
  return (
    verdict.correctAll.every((id) => made.has(id)) &&
    verdict.correctAnyOf.every((group) => group.some((id) => made.has(id))) &&
    points.length >= verdict.minPoints
  )
}

/** Share of a rubric's point weight that the found points carry. */
function coverage(compiled: CompiledRubric, found: readonly Point[]): number {
  const total = compiled.rubric.points.reduce((sum, p) => sum + p.weight, 0)
  return found.reduce((sum, p) => sum + p.weight, 0) / total
}

function lowerFirst(sentence: string): string {
  return sentence.charAt(0).toLowerCase() + sentence.slice(1)
}

/** guess: made only in sentences the writer hedges ("I think …"), so named in the feedback but never decisive */
type FoundWrongClaim = WrongClaim & { guess?: boolean }
export type Findings = Readonly<{ points: Point[]; vague: Point[]; wrong: FoundWrongClaim[] }>

// A list of examples ("e.g. old licence server, DHCP-assigned IP, mDNS discovery") elaborates the claim before it,
// so it is read when an earlier sentence of the answer makes a claim; on its own it is still a list of terms.
const EXAMPLE_OPENERS = new Set(['eg', 'ie', 'incl', 'including', 'like', 'such'])

function opensExamples(words: readonly string[]): boolean {
  const [first, second] = words
  return (
    (first !== undefined && EXAMPLE_OPENERS.has(first)) ||
    (first === 'for' && (second === 'example' || second === 'instance')) ||
    (first === 'example' && second !== undefined)
  )
}

export function keywordListSentences(scan: Scan): Set<number> {
  const ignored = new Set<number>()
  scan.sentences.forEach((s, i) => {
    if (s.arrows > 0 || s.words < LIST_MIN_WORDS || s.functionWords / s.words >= LIST_MAX_FUNCTION_SHARE) return
    const tokens = scan.tokens.filter((t) => t.sentence === i)
    const claimBefore = Array.from({ length: i }, (_, j) => j).some((j) => !ignored.has(j))
    if (claimBefore && opensExamples(tokens.slice(0, 2).map((t) => t.word))) return
    const pieces = new Set(tokens.map((t) => t.clause)).size
    if (s.words >= LIST_LONG_WORDS || pieces >= LIST_MIN_PIECES) ignored.add(i)
  })
  return ignored
}

/** The reviewed answers' vote on an answer, or undefined when none resembles it. */
export type SecondReader = (text: string) => Vote | undefined

export function gradeWithRubric(
  compiled: CompiledRubric,
  text: string,
  others: readonly CompiledRubric[] = [],
  second?: SecondReader,
): Grade {
  const { rubric } = compiled
  const scan = scanText(text)
  if (scan.tokens.filter((t) => /[a-z]{2}/.test(t.word)).length < MIN_WORDS) {
    return incorrect(`Write a few sentences that answer the question: ${rubric.question}`)
  }
  if ([rubric.question, ...rubric.questionVariants].some((q) => isRestatement(scan, scanText(q)))) {
    return incorrect('Your answer repeats the question; explain the mechanism in your own words instead.')
  }
  const ignored = keywordListSentences(scan)
  if (ignored.size === scan.sentences.length) {
    return incorrect('Your answer is a list of terms; write sentences that say what each part does and how they connect.')
  }
  const { points, vague, wrong } = findPoints(compiled, scan)
  const meetsCorrect = meetsBar(compiled, points)
  // An answer to another question brushes points of this one (a host-vs-bridge answer names NAT, -p, the bridge and
  // namespaces), so it counts as off-topic when another rubric finds at least two points and covers more of its
  // own question than this rubric covers of this one. An answer that meets this question's bar for a correct answer
  // answers it, however much of another question it also covers (a full host-vs-bridge trade-off names the NAT, the
  // bridge and the veth of the packet path too).
  const covered = coverage(compiled, points)
  const offTopic =
    wrong.length === 0 && !meetsCorrect
      ? others.find((o) => {
          const found = findPoints(o, scan).points
          return found.length >= 2 && coverage(o, found) > covered
        })
      : undefined
  const made = new Set(points.map((p) => p.id))
  // A vague point earns half its weight: it shows some understanding but would not convince a reviewer.
  const raw = covered + coverage(compiled, vague) / 2
  // The rubric decides an answer when it finds a central wrong claim (incorrect) or the points a correct answer needs
  // (correct). Otherwise it is undecided: partial for some of the points; incorrect for none it knows, or for an
  // answer that reads as another question's. An undecided answer is settled by the reviewed answers when a second
  // reader is given and they lean clearly one way.
  const nothingFound = points.length + vague.length === 0 || offTopic !== undefined
  const central = wrong.some((w) => w.central)
  const verdict: Verdict = central
    ? 'incorrect'
    : meetsCorrect && wrong.every((w) => w.guess === true)
      ? 'correct'
      : nothingFound
        ? 'incorrect'
        : 'partial'
  // A denied point's feedback already says what to write instead, so it is not repeated as missing.
  const deniedIds = new Set(wrong.map((w) => w.id))
  const feedback = [
    ...wrong.map((w) => withSection(compiled, w.feedback, w.section)),
    ...missingPoints(compiled, made)
      .filter((p) => !deniedIds.has(`denies-${p.id}`))
      .map((p) => withSection(compiled, p.feedback, p.section)),
  ]
  // Every verdict but a central wrong claim's is open to the reviewed answers: a correct one to have its full marks
  // withheld, an undecided one to be settled.
  if (second !== undefined && !central) {
    const vote = second(text)
    const settled =
      verdict === 'correct' ? withheld(vote) : settle(vote, { verdict, mayBeCorrect: wrong.length === 0 && points.length > 0 })
    if (settled !== undefined) return { score: toScore(settled.verdict, raw), verdict: settled.verdict, feedback: [settled.lead, ...feedback] }
  }
  if (offTopic !== undefined) {
    return incorrect(`This answers a different review question ("${offTopic.rubric.question}"); this one asks: ${rubric.question}`)
  }
  if (feedback.length === 0) feedback.push(rubric.praise)
  return { score: toScore(verdict, raw), verdict, feedback }
}

type Settled = { verdict: Verdict; lead: string }

// The reviewer's reason is quoted as written: it may open with a name or an acronym ("DNAT named but …").
const quote = (why: string) => `“${why.replace(/[.!?]+$/, '')}”`

/**
 * The verdict the reviewed answers settle an undecided answer on, with the sentence that says why, or undefined when
 * they do not lean clearly enough (SETTLE_SHARE) or lean to the rubric's own verdict. An answer is never settled
 * correct when the rubric found a wrong claim in it or none of the question's points: the vote's next label between
 * partial and incorrect stands in.
 */
function settle(vote: Vote | undefined, rubric: { verdict: Verdict; mayBeCorrect: boolean }): Settled | undefined {
  if (vote === undefined || vote.share < SETTLE_SHARE) return undefined
  const verdict: Verdict =
    vote.verdict === 'correct' && !rubric.mayBeCorrect
      ? vote.weights.partial >= vote.weights.incorrect
        ? 'partial'
        : 'incorrect'
      : vote.verdict
  const nearest = vote.nearest[verdict]
  if (verdict === rubric.verdict || nearest === undefined) return undefined
  return { verdict, lead: `Reviewers marked the answers most like yours ${verdict}; of the closest they wrote ${quote(nearest.why)}.` }
}

/**
 * Full marks withheld: the rubric found the points a correct answer needs, but none of the reviewed answers closest to
 * it was marked correct. That happens when the points are there only in words reviewers judged too vague ("it looks
 * like a real device; old apps need that"), or beside a wrong central claim in words no rubric lists ("kube-proxy is
 * the overlay"). The answer is then settled like an undecided one: incorrect when the closest answers clearly lean
 * that way, partial otherwise.
 */
function withheld(vote: Vote | undefined): Settled | undefined {
  if (vote === undefined || vote.weights.correct > 0) return undefined
  const settled = settle(vote, { verdict: 'partial', mayBeCorrect: false })
  if (settled !== undefined) return settled
  const nearest = vote.nearest[vote.verdict]
  if (nearest === undefined) return undefined
  return {
    verdict: 'partial',
    lead: `None of the reviewed answers most like yours was marked correct; of the closest, reviewers wrote ${quote(nearest.why)}.`,
  }
}

// Missing points worth a sentence: required ones, the first of each unmet "one of" group, and points no rule names.
function missingPoints(compiled: CompiledRubric, made: ReadonlySet<string>): Point[] {
  const { points, verdict } = compiled.rubric
  const inGroups = new Set(verdict.correctAnyOf.flat())
  const wanted = new Set<string>()
  verdict.correctAll.forEach((id) => wanted.add(id))
  for (const group of verdict.correctAnyOf) {
    if (!group.some((id) => made.has(id)) && group[0] !== undefined) wanted.add(group[0])
  }
  points.forEach((p) => inGroups.has(p.id) || verdict.correctAll.includes(p.id) || wanted.add(p.id))
  // Too few points for the verdict's minimum (q2's three): every point not made is worth a sentence, never praise.
  if (made.size < verdict.minPoints) points.forEach((p) => wanted.add(p.id))
  return points.filter((p) => wanted.has(p.id) && !made.has(p.id))
}

function withSection(compiled: CompiledRubric, sentence: string, section: string): string {
  const href = compiled.rubric.sections[section] as string
  return `${sentence.replace(/[.!?]$/, '')} (see ${href}).`
}

function toScore(verdict: Verdict, raw: number): number {
  const banded = verdict === 'correct' ? 0.8 + 0.2 * raw : verdict === 'partial' ? 0.3 + 0.45 * raw : 0.25 * raw
  return Math.round(banded * 100) / 100
}

function incorrect(sentence: string): Grade {
  return { score: 0, verdict: 'incorrect', feedback: [sentence] }
}

function isRestatement(answer: Scan, question: Scan): boolean {
  const asked = new Set(question.tokens.map((t) => t.stem))
  const fromQuestion = answer.tokens.filter((t) => asked.has(t.stem)).length
  return answer.tokens.length <= question.tokens.length + 4 && fromQuestion / answer.tokens.length >= COPY_SHARE
}
