// The second reader: how the reviewed answers vote, when their vote settles an answer the rubric leaves undecided, and
// how the reviewed sets are read. The figures it reaches on whole sets are in calibration.test.ts.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { gradeWithRubric, type SecondReader } from './grade'
import { answerTerms, neighbourIndex, SETTLE_SHARE, type ReviewedAnswer, type Vote } from './neighbours'
import { authorOf, loadReviewedAnswers } from './reviewed-answers'
import { gradeAnswer, gradeByRubric, getRubric } from './rubrics'
import { REVIEW_QUESTION_IDS } from './rubric-schema'

const reviewed = (id: string, answer: string, label: ReviewedAnswer['label'], author = 'a'): ReviewedAnswer => ({
  question: 'review-q3',
  id,
  answer,
  label,
  why: `reason for ${id}.`,
  author,
})

const MEMORY = [
  reviewed('m1', 'macvlan gives the container its own MAC address so it appears on the LAN like a real machine', 'correct'),
  reviewed('m2', 'with macvlan the container shows up on the physical network with its own MAC and an address from the LAN', 'correct'),
  reviewed('m3', 'macvlan makes containers faster because it encrypts traffic between hosts', 'incorrect', 'b'),
  reviewed('m4', 'macvlan is used for encryption of traffic between hosts over the internet', 'incorrect', 'b'),
  reviewed('m5', 'it is a docker network driver', 'partial', 'c'),
]

describe('answerTerms', () => {
  it('shares four-letter pieces between a misspelt word and the word it stands for', () => {
    const typo = answerTerms('maclan gives a mac adress')
    const right = answerTerms('macvlan gives a mac address')
    const shared = [...typo.keys()].filter((t) => t.startsWith('~') && right.has(t))
    expect(shared).toEqual(expect.arrayContaining(['~ mac', '~dres', '~ress']))
  })
})

describe('neighbourIndex', () => {
  const index = neighbourIndex(MEMORY)

  it('votes the label of the closest reviewed answers, with the closest one of each label', () => {
    const vote = index.vote('review-q3', 'the container gets its own MAC address and appears on the LAN as a real machine') as Vote
    expect(vote.verdict).toBe('correct')
    expect(vote.share).toBeGreaterThan(SETTLE_SHARE)
    expect(vote.nearest.correct?.id).toBe('m1')
    expect(vote.weights.correct).toBeGreaterThan(vote.weights.incorrect)
  })

  it('leaves an author out when asked, and finds nothing where no reviewed answer shares a term', () => {
    const text = 'macvlan encrypts traffic between hosts'
    expect(index.vote('review-q3', text)?.verdict).toBe('incorrect')
    expect(index.vote('review-q3', text, 'b')?.nearest.incorrect).toBeUndefined()
    expect(index.vote('review-q3', 'zzz qqq')).toBeUndefined()
    expect(index.vote('review-q1', text)).toBeUndefined()
  })
})

describe('a rubric-"partial" answer settled by the reviewed answers', () => {
  const q3 = getRubric('review-q3')
  // An answer the q3 rubric grades partial: it says what macvlan gives but not what for.
  const partial = 'With macvlan the container gets its own MAC address on the LAN.'
  const voting =
    (vote: Vote): SecondReader =>
    () =>
      vote
  const vote = (verdict: Vote['verdict'], share: number): Vote => ({
    verdict,
    share,
    nearest: { [verdict]: { id: 'x', why: 'Names the MAC but never says why a device on the LAN needs it.', similarity: 0.8 } },
    weights: { correct: 0, partial: 0, incorrect: 0, [verdict]: share },
  })

  it('is partial by the rubric alone (the premise of these cases)', () => {
    expect(gradeWithRubric(q3, partial).verdict).toBe('partial')
  })

  it('takes the label the closest reviewed answers mostly carry, and says so with the closest one\'s reason', () => {
    const grade = gradeWithRubric(q3, partial, [], voting(vote('incorrect', 0.8)))
    expect(grade.verdict).toBe('incorrect')
    expect(grade.score).toBeLessThanOrEqual(0.25)
    expect(grade.feedback[0]).toBe(
      'Reviewers marked the answers most like yours incorrect; of the closest they wrote “Names the MAC but never says why a device on the LAN needs it”.',
    )
    // what the rubric misses is still named after it
    expect(grade.feedback.length).toBeGreaterThan(1)
    const correct = gradeWithRubric(q3, partial, [], voting(vote('correct', 0.7)))
    expect(correct.verdict).toBe('correct')
    expect(correct.score).toBeGreaterThanOrEqual(0.8)
    expect(correct.feedback[0]).toMatch(/^Reviewers marked the answers most like yours correct; of the closest they wrote “/)
  })

  it('quotes a reason that opens with an acronym as written', () => {
    const acronym: Vote = { ...vote('incorrect', 0.9), nearest: { incorrect: { id: 'z', why: 'DNAT named, but the packet is said to go through INPUT.', similarity: 0.7 } } }
    expect(gradeWithRubric(q3, partial, [], voting(acronym)).feedback[0]).toBe(
      'Reviewers marked the answers most like yours incorrect; of the closest they wrote “DNAT named, but the packet is said to go through INPUT”.',
    )
  })

  it('stays partial when the vote is split or leans to partial', () => {
    expect(gradeWithRubric(q3, partial, [], voting(vote('correct', SETTLE_SHARE - 0.01))).verdict).toBe('partial')
    expect(gradeWithRubric(q3, partial, [], voting(vote('partial', 1))).verdict).toBe('partial')
    expect(gradeWithRubric(q3, partial, [], () => undefined).verdict).toBe('partial')
  })

  it('never settles correct an answer with a wrong claim the rubric found', () => {
    const withWrong = `${partial} The Docker host can reach its macvlan containers directly.`
    const rubricOnly = gradeWithRubric(q3, withWrong)
    expect(rubricOnly.verdict).toBe('partial')
    const split: Vote = { ...vote('correct', 0.7), weights: { correct: 0.7, partial: 0.1, incorrect: 0.2 } }
    expect(gradeWithRubric(q3, withWrong, [], voting({ ...split, nearest: { ...split.nearest, incorrect: { id: 'y', why: 'Wrong.', similarity: 0.5 } } })).verdict).toBe('incorrect')
    expect(gradeWithRubric(q3, withWrong, [], voting({ ...split, weights: { correct: 0.7, partial: 0.2, incorrect: 0.1 } })).verdict).toBe('partial')
  })

  it('keeps full marks the rubric gives while any of the closest reviewed answers was marked correct, and withholds them when none was', () => {
    const full =
      'macvlan gives each container its own MAC address, so it sits on the physical LAN like a separate machine. ' +
      'That matters for legacy apps or network gear that expect a device with its own MAC and IP, such as DHCP or licence servers.'
    expect(gradeWithRubric(q3, full).verdict).toBe('correct')
    const leaning: Vote = { ...vote('incorrect', 0.8), weights: { correct: 0.2, partial: 0, incorrect: 0.8 } }
    expect(gradeWithRubric(q3, full, [], voting(leaning))).toEqual(gradeWithRubric(q3, full))
    // none correct, mostly partial (or no clear lean): partial
    const none = gradeWithRubric(q3, full, [], voting(vote('partial', 1)))
    expect(none.verdict).toBe('partial')
    expect(none.score).toBeGreaterThanOrEqual(0.3)
    expect(none.feedback[0]).toBe(
      'None of the reviewed answers most like yours was marked correct; of the closest, reviewers wrote “Names the MAC but never says why a device on the LAN needs it”.',
    )
    const split: Vote = { ...vote('incorrect', 0.55), weights: { correct: 0, partial: 0.45, incorrect: 0.55 } }
    expect(gradeWithRubric(q3, full, [], voting(split)).verdict).toBe('partial')
    // none correct, clearly incorrect: incorrect, with the reviewers' reason
    const wrong = gradeWithRubric(q3, full, [], voting(vote('incorrect', 1)))
    expect(wrong.verdict).toBe('incorrect')
    expect(wrong.feedback[0]).toBe(
      'Reviewers marked the answers most like yours incorrect; of the closest they wrote “Names the MAC but never says why a device on the LAN needs it”.',
    )
    expect(gradeWithRubric(q3, full, [], () => undefined).verdict).toBe('correct')
  })
})

describe('a rubric-"incorrect" answer the rubric found nothing in, settled by the reviewed answers', () => {
  const q1 = getRubric('review-q1')
  const q2 = getRubric('review-q2')
  // None of q1's points in words the rubric knows: the rubric grades it incorrect without a wrong claim to name.
  const analogy = "The host is like a building's front desk: visitors come to the building's address, and the desk knows which room they want and sends them there."
  // A host-vs-bridge trade-off given to q1 reads as q2's answer.
  const tradeOff =
    'Host networking is faster because there is no NAT and no bridge, but the container shares the host ports so two of them cannot both use port 80. ' +
    'Bridge isolates each container behind NAT and you publish ports with -p.'
  const vote = (weights: Vote['weights']): Vote => {
    const total = weights.correct + weights.partial + weights.incorrect
    const verdict = (['correct', 'partial', 'incorrect'] as const).reduce((a, b) => (weights[b] > weights[a] ? b : a))
    return {
      verdict,
      share: weights[verdict] / total,
      nearest: {
        correct: { id: 'c', why: 'Right idea in everyday words.', similarity: 0.6 },
        partial: { id: 'p', why: 'Right direction, but no mechanism (no DNAT, no bridge).', similarity: 0.6 },
        incorrect: { id: 'i', why: 'Nothing about how the packet reaches the container.', similarity: 0.6 },
      },
      weights,
    }
  }
  const voting = (v: Vote): SecondReader => () => v

  it('is incorrect by the rubric alone (the premise of these cases)', () => {
    expect(gradeWithRubric(q1, analogy).verdict).toBe('incorrect')
    expect(gradeWithRubric(q1, tradeOff, [q2]).feedback[0]).toMatch(/^This answers a different review question/)
  })

  it('is lifted to partial when the closest reviewed answers are mostly partial, and says why', () => {
    const grade = gradeWithRubric(q1, analogy, [q2], voting(vote({ correct: 0.1, partial: 0.8, incorrect: 0.1 })))
    expect(grade.verdict).toBe('partial')
    expect(grade.score).toBeGreaterThanOrEqual(0.3)
    expect(grade.feedback[0]).toBe(
      'Reviewers marked the answers most like yours partial; of the closest they wrote “Right direction, but no mechanism (no DNAT, no bridge)”.',
    )
    expect(grade.feedback.length).toBeGreaterThan(1)
  })

  it('is never settled correct, since the rubric found none of the question\'s points', () => {
    expect(gradeWithRubric(q1, analogy, [q2], voting(vote({ correct: 0.8, partial: 0.15, incorrect: 0.05 }))).verdict).toBe('partial')
    expect(gradeWithRubric(q1, analogy, [q2], voting(vote({ correct: 0.8, partial: 0.05, incorrect: 0.15 }))).verdict).toBe('incorrect')
  })

  it('keeps the rubric\'s grade and feedback when the vote agrees, is split or is missing', () => {
    const alone = gradeWithRubric(q1, analogy)
    for (const v of [vote({ correct: 0, partial: 0.2, incorrect: 0.8 }), vote({ correct: 0.3, partial: 0.4, incorrect: 0.3 })]) {
      expect(gradeWithRubric(q1, analogy, [q2], voting(v))).toEqual(alone)
    }
    expect(gradeWithRubric(q1, analogy, [q2], () => undefined)).toEqual(alone)
  })

  it('settles an answer that reads as another question\'s, dropping the off-topic note when the vote lifts it', () => {
    const lifted = gradeWithRubric(q1, tradeOff, [q2], voting(vote({ correct: 0, partial: 0.9, incorrect: 0.1 })))
    expect(lifted.verdict).toBe('partial')
    expect(lifted.feedback.some((f) => f.startsWith('This answers a different review question'))).toBe(false)
    const kept = gradeWithRubric(q1, tradeOff, [q2], voting(vote({ correct: 0, partial: 0.1, incorrect: 0.9 })))
    expect(kept.verdict).toBe('incorrect')
    expect(kept.feedback).toEqual([
      'This answers a different review question ("What are the trade-offs between using the host vs bridge network driver?"); this one asks: How does Docker intercept and route network traffic meant for containers?',
    ])
  })

  it('never lifts an answer the rubric rejects for its form or for a wrong claim it names', () => {
    const lift = voting(vote({ correct: 0.9, partial: 0.1, incorrect: 0 }))
    for (const text of [
      'idk lol',
      'iptables, DNAT, docker0, veth, bridge, namespace, conntrack',
      'How does Docker intercept and route network traffic meant for containers?',
      'dockerd itself takes every packet off the NIC and rewrites it before handing it to the container.',
    ]) {
      expect(gradeWithRubric(q1, text, [q2], lift)).toEqual(gradeWithRubric(q1, text, [q2]))
      expect(gradeWithRubric(q1, text, [q2], lift).verdict).toBe('incorrect')
    }
  })
})

describe('gradeAnswer with the reviewed answers in content/review/calibration', () => {
  it('settles a short answer the rubric leaves partial the way the reviewers graded answers like it', () => {
    const text = 'iptables rules rewrite the destination address so it goes to the container.'
    expect(gradeByRubric('review-q1', text).verdict).toBe('partial')
    const grade = gradeAnswer('review-q1', text)
    expect(grade.verdict).toBe('correct')
    expect(grade.feedback[0]).toMatch(/^Reviewers marked the answers most like yours correct; of the closest they wrote “[^”]+”\.$/)
  })

  it('grades the same answer the same way every time', () => {
    const text = 'Docker uses NAT so traffic for the published port goes to the container.'
    expect(gradeAnswer('review-q1', text)).toEqual(gradeAnswer('review-q1', text))
  })
})

describe('reviewed sets on disk', () => {
  it('names each set by its author, and skips a second labeller\'s file', () => {
    expect(authorOf('review-q1.json')).toBe('rubric-author')
    expect(authorOf('review-q1.holdout.json')).toBe('rubric-author')
    expect(authorOf('review-q2.sa-tuning.json')).toBe('sa')
    expect(authorOf('review-q4.sa10-holdout.json')).toBe('sa10')
    expect(authorOf('review-q4.sa10-holdout.labels2.json')).toBeUndefined()
  })

  it('reads every question\'s sets in content/review/calibration', () => {
    const all = loadReviewedAnswers()
    for (const q of REVIEW_QUESTION_IDS) expect(all.filter((r) => r.question === q).length).toBeGreaterThan(400)
    expect(new Set(all.map((r) => `${r.question} ${r.id}`)).size).toBe(all.length)
  })

  it('fails loudly, naming the file and the field, on a broken set or a stray file name', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'reviewed-'))
    writeFileSync(path.join(dir, 'review-q1.x1-holdout.json'), JSON.stringify({ question: 'review-q1', samples: [{ id: 'a', answer: 'x', label: 'right', why: 'w' }] }))
    expect(() => loadReviewedAnswers(dir)).toThrow(/review-q1\.x1-holdout\.json: samples\[0\]\.label: /)
    writeFileSync(path.join(dir, 'review-q1.x1-holdout.json'), '{ "question": ')
    expect(() => loadReviewedAnswers(dir)).toThrow(/review-q1\.x1-holdout\.json: .*JSON/)
    writeFileSync(path.join(dir, 'review-q1.x1-holdout.json'), JSON.stringify({ question: 'review-q2', samples: [{ id: 'a', answer: 'x', label: 'correct', why: 'w' }] }))
    expect(() => loadReviewedAnswers(dir)).toThrow(/question: expected "review-q1", got "review-q2"/)
    writeFileSync(path.join(dir, 'answers.json'), '{}')
    expect(() => loadReviewedAnswers(dir)).toThrow(/not a reviewed set's name .*answers\.json/)
  })
})
