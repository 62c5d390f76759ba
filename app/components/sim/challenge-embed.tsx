import { loadChallenge } from '@/lib/challenges/load'
import { toPublicChallenge } from '@/lib/challenges/schema'
import { Challenge } from './challenge'

// `<Challenge id="…"/>` in a lesson's MDX. A server component: it reads content/challenges/<id>.json (validated) and
// hands the island the data without the hint texts (served one rung at a time by /api/challenges/<id>/hints); the
// reference solutions stay on the server. A wrong id fails the lesson build.
export function ChallengeEmbed({ id }: { id: string }) {
  const challenge = loadChallenge(id)
  if (!challenge) throw new Error(`<Challenge id="${id}"/>: there is no content/challenges/${id}.json`)
  return <Challenge challenge={toPublicChallenge(challenge)} />
}
