import { loadChallenge } from '@/lib/challenges/load.server'
import { startWorld } from '@/lib/challenges/replay'
import { contentVersion } from '@/lib/terminal/saved-session'
import { describeWorld } from '@/simulator'
import { KeepOptions } from '../keep-options'
import { Challenge, type ChallengeIslandData } from './challenge'

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
  return <Challenge data={data} goal={<KeepOptions text={challenge.goal} />} preview={<WorldPreview challenge={challenge} />} />
}

/** The start world in words: each machine with its addresses and what runs on it. No JavaScript. */
function WorldPreview({ challenge }: { challenge: NonNullable<ReturnType<typeof loadChallenge>> }) {
  const topology = describeWorld(startWorld(challenge))
  const machines = [
    ...topology.hosts.map((h) => ({
      name: h.name,
      what: h.docker ? 'Docker host' : 'machine',
      addresses: h.nics.map((n) => `${n.name} ${n.ip ?? '(no address)'} on LAN ${n.lan}`),
      runs: h.containers.map((c) => `${c.name} (${c.image}${c.ports.length > 0 ? `, -p ${c.ports.join(' ')}` : ''})`),
    })),
    ...topology.routers.map((r) => ({ name: r.name, what: 'router', addresses: [`${r.ip} on LAN ${r.lan}`, `public ${r.publicIp}`], runs: [] })),
    ...topology.internet.map((i) => ({ name: i.name, what: 'machine on the internet', addresses: [i.ip], runs: [] })),
  ]
  return (
    <ul aria-label="Machines in this challenge" className="mt-3 grid gap-2 text-sm sm:grid-cols-2">
      {machines.map((m) => (
        <li key={m.name} className="rounded-md border border-slate-200 bg-slate-50 p-2 dark:border-slate-700 dark:bg-slate-900">
          <span className="font-mono font-semibold">{m.name}</span> <span className="text-slate-600 dark:text-slate-400">{m.what}</span>
          {m.addresses.map((a) => (
            <span key={a} className="block font-mono text-xs">
              {a}
            </span>
          ))}
          {m.runs.length > 0 && <span className="block font-mono text-xs">runs {m.runs.join(', ')}</span>}
        </li>
      ))}
    </ul>
  )
}
