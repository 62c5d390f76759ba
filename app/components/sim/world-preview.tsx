// A start world in words, rendered on the server where the simulator's island is not loaded yet: a challenge's
// preview before "Start", the sandbox's before the learner touches it. No JavaScript.
import { describeWorld, type World } from '@/simulator'

/** The start world in words: each machine with its addresses and what runs on it. No JavaScript. */
export function WorldPreview({ world, label }: { world: World; label: string }) {
  const topology = describeWorld(world)
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
    <ul aria-label={label} className="mt-3 grid gap-2 text-sm sm:grid-cols-2">
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
