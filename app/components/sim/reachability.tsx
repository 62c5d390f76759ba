'use client'
// The reachability matrix view. Computed only while open, and from a deferred world so typing never waits on it.
import { useDeferredValue, useMemo, useState } from 'react'
import { computeMatrix } from '@/lib/challenges/reachability'
import type { World } from '@/simulator'
import { ScrollBox } from '../scroll-box'

function Grid({ world }: { world: World }) {
  const deferred = useDeferredValue(world)
  const m = useMemo(() => computeMatrix(deferred), [deferred])
  if (m.services.length === 0) return <p className="mt-2 text-sm">Nothing listens yet: run a container that serves something.</p>
  return (
    <ScrollBox label="Reachability table (scrolls sideways when wide)" className="mt-2">
      <table className="text-xs">
        <caption className="sr-only">Reachability: each row a client, each column a listening service, each cell what curl (or nc -u -z for a /udp service) gets</caption>
        <thead>
          <tr>
            <th scope="col" className="p-1 text-left">From \ To</th>
            {m.services.map((s) => (
              <th key={s.label} scope="col" className="p-1 text-left font-mono">
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {m.clients.map((c, i) => (
            <tr key={c.label}>
              <th scope="row" className="p-1 text-left font-mono">
                {c.label}
              </th>
              {m.cells[i]?.map((o, j) => (
                <td key={j} className={`p-1 ${o === 'delivered' ? 'bg-emerald-100 dark:bg-emerald-950' : 'bg-rose-50 dark:bg-rose-950'}`}>
                  {o === 'delivered' ? '✓ delivered' : `✗ ${o}`}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {m.omitted > 0 && <p className="mt-1 text-xs">{m.omitted} more services are left out to keep the page responsive.</p>}
    </ScrollBox>
  )
}

export function Reachability({ world }: { world: World }) {
  const [open, setOpen] = useState(false)
  return (
    <details className="mt-4 rounded-md border border-slate-300 p-3 dark:border-slate-700" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="cursor-pointer font-semibold">Reachability matrix</summary>
      {open && <Grid world={world} />}
    </details>
  )
}
