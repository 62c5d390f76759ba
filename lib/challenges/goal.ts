// A challenge goal's markup: each sentence ends with the ids of the requirements it states, "[#id]" or "[#a #b]",
// or with "[-]" when it only sets the scene (what is already there, why). Learners see the goal with the markup
// removed; the schema refuses a goal with an untagged sentence, an unknown id, or a requirement no sentence states.

export type GoalSentence = { text: string; requirements: readonly string[] }

const TAG = /\s*\[(-|#[a-z0-9][a-z0-9-]*(?:\s+#[a-z0-9][a-z0-9-]*)*)\]/g

/** The goal as learners read it: the markup removed, nothing else changed. */
export function goalText(goal: string): string {
  return goal.replace(TAG, '').trim()
}

/**
 * The goal cut after each tag. A sentence with "[-]" states no requirement; problems name every sentence (or
 * trailing text) without a tag and every piece holding more than one sentence.
 */
export function parseGoal(goal: string): { sentences: GoalSentence[]; problems: string[] } {
  const sentences: GoalSentence[] = []
  const problems: string[] = []
  let last = 0
  for (const m of goal.matchAll(TAG)) {
    const text = goal.slice(last, m.index).trim()
    last = (m.index ?? 0) + m[0].length
    const tag = m[1] as string
    const requirements = tag === '-' ? [] : tag.split(/\s+/).map((t) => t.slice(1))
    if (text === '') problems.push(`a tag "[${tag}]" follows no sentence`)
    else if (/[.!?]["”)]?\s+["“(]?[A-Z]/.test(text)) problems.push(`"${text}" holds more than one sentence: tag each one`)
    sentences.push({ text, requirements })
  }
  const rest = goal.slice(last).trim()
  if (rest !== '') problems.push(`"${rest}" has no tag: end each sentence with the requirements it states, "[#id]", or "[-]" if it states none`)
  if (sentences.length === 0 && rest === '') problems.push('the goal is empty')
  return { sentences, problems }
}
