'use client'
// The sandbox: a free world from a preset, the same terminal/trace/topology/matrix as a challenge, plus sharing the
// world as a URL and exporting it as a bash script for real Docker hosts.
import { useId, useMemo, useState } from 'react'
import { findPreset, PRESETS, type Preset } from '@/lib/challenges/presets'
import { startWorld } from '@/lib/challenges/replay'
import { runLine } from '@/lib/challenges/session'
import { decodeCommands, encodeCommands, exportBash, type Decoded } from '@/lib/challenges/share'
import { PacketTrace } from './packet-trace'
import { Reachability } from './reachability'
import { Terminal } from './terminal'
import { Topology } from './topology'
import { useSimSession } from './use-sim-session'

const btn = 'rounded-md border border-slate-400 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800'

export function SandboxApp({ preset: presetId, cmds }: { preset: string | undefined; cmds: string | undefined }) {
  const [preset, setPreset] = useState<Preset>(() => findPreset(presetId))
  const shared = useMemo<Decoded>(() => (cmds === undefined ? { ok: true, commands: [] } : decodeCommands(cmds)), [cmds])
  // A new key remounts the workbench with a fresh session when the preset changes.
  const [generation, setGeneration] = useState(0)
  const selectId = useId()
  return (
    <div>
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={selectId} className="font-medium">
          Preset
        </label>
        <select
          id={selectId}
          value={preset.id}
          onChange={(e) => {
            setPreset(findPreset(e.target.value))
            setGeneration((g) => g + 1)
          }}
          className="rounded border border-slate-400 px-2 py-1 dark:border-slate-600 dark:bg-slate-900"
        >
          {PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
        </select>
      </div>
      {!shared.ok && <p className="mt-2 text-sm text-rose-700 dark:text-rose-300">{shared.message}</p>}
      <Workbench key={`${preset.id}-${generation}`} preset={preset} initial={generation === 0 && shared.ok ? shared.commands : []} />
    </div>
  )
}

function Workbench({ preset, initial }: { preset: Preset; initial: readonly { on: string; run: string }[] }) {
  const start = useMemo(() => startWorld(preset), [preset])
  const sim = useSimSession(start, (s) => initial.reduce((acc, c) => runLine(acc, c.on, c.run), s))
  const [link, setLink] = useState<string | null>(null)
  const [script, setScript] = useState<string | null>(null)
  const linkId = useId()
  const at = sim.trace?.view.trace[sim.trace.step]?.at ?? null

  function share() {
    const url = new URL('/sandbox', window.location.origin)
    url.searchParams.set('preset', preset.id)
    if (sim.session.commands.length > 0) url.searchParams.set('cmds', encodeCommands(sim.session.commands))
    window.history.replaceState(null, '', url)
    setLink(url.toString())
  }

  return (
    <div>
      <Terminal log={sim.session.log} machines={sim.machines} machine={sim.machine} onMachine={sim.setMachine} onRun={sim.run} names={sim.names} addresses={sim.addresses} />
      <div className="mt-3 flex flex-wrap gap-2">
        <button type="button" className={btn} onClick={share}>
          Share as URL
        </button>
        <button type="button" className={btn} onClick={() => setScript(exportBash(preset.title, sim.session.commands))}>
          Export as bash
        </button>
      </div>
      {link !== null && (
        <div className="mt-2 text-sm">
          <label htmlFor={linkId} className="font-medium">
            Share link
          </label>
          <input id={linkId} readOnly value={link} onFocus={(e) => e.currentTarget.select()} className="mt-1 block w-full rounded border border-slate-400 px-2 py-1 font-mono text-xs dark:border-slate-600 dark:bg-slate-900" />
        </div>
      )}
      {script !== null && (
        <div className="mt-2 text-sm">
          <a href={`data:text/x-shellscript;charset=utf-8,${encodeURIComponent(script)}`} download={`packet-path-${preset.id}.sh`} className="underline">
            Download the script
          </a>
          <pre tabIndex={0} aria-label="Bash script" className="mt-1 overflow-x-auto rounded bg-slate-100 p-2 font-mono text-xs dark:bg-slate-800">
            {script}
          </pre>
        </div>
      )}
      <PacketTrace view={sim.trace?.view ?? null} step={sim.trace?.step ?? 0} onStep={(step) => sim.setTrace((t) => (t === null ? t : { ...t, step }))} />
      <Topology topology={sim.topology} at={at} />
      <Reachability world={sim.world} />
    </div>
  )
}
