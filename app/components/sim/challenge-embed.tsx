import { loadChallenge } from '@/lib/challenges/load.server'
import { startWorld } from '@/lib/challenges/replay'
import { contentVersion } from '@/lib/terminal/saved-session'
import { KeepOptions } from '../keep-options'
import { Challenge, type ChallengeIslandData } from './challenge'
import { WorldPreview } from './world-preview'

// `<Challenge id="…"/>` in a lesson's MDX. A server component: it reads content/challenges/<id>.json (validated),
// renders the preview (the world's machines, as text) into the static page, and hands the island only what the
// simulator needs to start; the checks, constraints and reference solutions stay on the server. A wrong id fails
// the lesson build.
export function ChallengeEmbed({ id }: { id: string }) {
  const challenge = loadChallenge(id)
  if (!challenge) throw new Error(`<Challenge id="${id}"/>: there is no content/challenges/${id}.json`)
  const data: ChallengeIslandData = {
    id: challenge.id,
    title: challenge.title,
    world: challenge.world,
    hintLevels: challenge.hints.map((h) => h.level),
    version: contentVersion({ id: challenge.id, world: challenge.world }),
  }
  return <Challenge data={data} goal={<KeepOptions text={challenge.goal} />} preview={<WorldPreview world={startWorld(challenge)} label="Machines in this challenge" />} />
}
