'use client'
// The sandbox: a free world from a preset, the same terminal/trace/topology/matrix as a challenge, plus sharing the
// world as a URL and exporting it as a bash script for real Docker hosts.
import { useEffect, useId, useMemo, useRef, useState } from 'react'
import { findPreset, PRESETS, type Preset } from '@/lib/challenges/presets'
import { startWorld } from '@/lib/challenges/replay'
import { runLine } from '@/lib/terminal/session'
import { contentVersion, keptSessionKeys, savedSessionKey } from '@/lib/terminal/saved-session'
import { decodeCommands, exportBash, toShareUrl, type Decoded } from '@/lib/challenges/share'
import { CopyButton } from '../copy-button'
import { PacketTrace } from './packet-trace'
import type { SandboxAppProps } from './sandbox'
import { Reachability } from './reachability'
import { Terminal } from './terminal'
import { Topology } from './topology'
import { useSimSession } from './use-sim-session'

const btn = 'rounded-md border border-slate-400 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800'
const notice = 'mt-2 text-sm text-rose-700 dark:text-rose-300'

/** What the page says about the link it was opened with: an unknown preset or damaged commands, or nothing. */
function linkNotices(presetId: string | undefined, shared: Decoded): string[] {
  const unknown = presetId !== undefined && !PRESETS.some((p) => p.id === presetId)
  return [
    ...(unknown ? [`The shared link names a preset that does not exist ("${presetId}"); starting from "${findPreset(undefined).title}" instead.`] : []),
    ...(shared.ok ? [] : [shared.message]),
  ]
}

/** The learner agreed to discard what they typed on this preset: it is not restored on the next visit either. */
function forgetSaved(presetId: string) {
  try {
    for (const key of keptSessionKeys(Object.keys(window.localStorage), 'sandbox', presetId)) window.localStorage.removeItem(key)
  } catch {
    // Storage disabled: nothing was kept.
  }
}

export function SandboxApp({ preset: presetId, cmds, pending, draft, focus }: SandboxAppProps) {
  const [preset, setPreset] = useState<Preset>(() => findPreset(presetId))
  const shared = useMemo<Decoded>(() => (cmds === undefined ? { ok: true, commands: [] } : decodeCommands(cmds)), [cmds])
  const notices = useMemo(() => linkNotices(presetId, shared), [presetId, shared])
  // A new key remounts the workbench with a fresh session when the preset changes.
  const [generation, setGeneration] = useState(0)
  const [commandCount, setCommandCount] = useState(0)
  const selectId = useId()

  function choose(id: string) {
    const next = findPreset(id)
    if (commandCount > 0 && !window.confirm(`Switch to "${next.title}"? The ${commandCount} ${commandCount === 1 ? 'command' : 'commands'} you typed will be discarded.`)) return
    forgetSaved(preset.id)
    setPreset(next)
    setGeneration((g) => g + 1)
    setCommandCount(0)
    // The old ?preset=…&cmds=… would otherwise bring the discarded world back on reload.
    window.history.replaceState(null, '', `/sandbox?preset=${encodeURIComponent(next.id)}`)
  }

  return (
    <div>
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={selectId} className="font-medium">
          Preset
        </label>
        <select id={selectId} value={preset.id} onChange={(e) => choose(e.target.value)} className="rounded border border-slate-400 px-2 py-1 dark:border-slate-600 dark:bg-slate-900">
          {PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
        </select>
      </div>
      {generation === 0 &&
        notices.map((n) => (
          <p key={n} className={notice}>
            {n}
          </p>
        ))}
      <Workbench
        key={`${preset.id}-${generation}`}
        preset={preset}
        initial={generation === 0 && shared.ok ? shared.commands : []}
        typed={generation === 0 ? { pending, draft, focus } : { pending: [], draft: '', focus: null }}
        onCommandCount={setCommandCount}
      />
    </div>
  )
}

type WorkbenchProps = {
  preset: Preset
  initial: readonly { on: string; run: string }[]
  /** What the learner typed at the server-rendered prompt before the simulator loaded (sandbox.tsx). */
  typed: Pick<SandboxAppProps, 'pending' | 'draft' | 'focus'>
  onCommandCount: (n: number) => void
}

function Workbench({ preset, initial, typed, onCommandCount }: WorkbenchProps) {
  const start = useMemo(() => startWorld(preset), [preset])
  // What the learner types is kept per preset (and per shared link: it is typed on top of that link's commands).
  const saveKey = savedSessionKey('sandbox', preset.id, contentVersion(initial.length > 0 ? [preset.world, initial] : preset.world))
  const sim = useSimSession(start, (s) => initial.reduce((acc, c) => runLine(acc, c.on, c.run), s), saveKey)
  const [link, setLink] = useState<{ ok: true; url: string } | { ok: false; message: string } | null>(null)
  const [script, setScript] = useState<string | null>(null)
  const linkId = useId()
  const at = sim.trace?.view.trace[sim.trace.step]?.at ?? null
  const count = sim.session.commands.length
  useEffect(() => onCommandCount(count), [count, onCommandCount])
  // The lines entered before the code arrived run once, in order, as if typed now (and are kept like any other).
  const ranTyped = useRef(false)
  useEffect(() => {
    if (ranTyped.current) return
    ranTyped.current = true
    for (const line of typed.pending) sim.run(line)
  }, [typed.pending, sim.run])

  function share() {
    const r = toShareUrl(window.location.origin, preset.id, sim.session.commands)
    if (r.ok) window.history.replaceState(null, '', r.url)
    setLink(r)
  }

  return (
    <div>
      <Terminal initialLine={typed.draft} focus={typed.focus} log={sim.session.log} machines={sim.machines} machine={sim.machine} onMachine={sim.setMachine} onRun={sim.run} names={sim.names} addresses={sim.addresses} />
      <div className="mt-3 flex flex-wrap gap-2">
        <button type="button" className={btn} onClick={share}>
          Share as URL
        </button>
        <button type="button" className={btn} onClick={() => setScript(exportBash(preset.title, start, sim.session.commands))}>
          Export as bash
        </button>
      </div>
      {link !== null && !link.ok && (
        <p role="alert" className={notice}>
          {link.message}
        </p>
      )}
      {link !== null && link.ok && (
        <div className="mt-2 text-sm">
          <label htmlFor={linkId} className="font-medium">
            Share link
          </label>
          <div className="mt-1 flex items-center gap-2">
            <input id={linkId} readOnly value={link.url} onFocus={(e) => e.currentTarget.select()} className="block min-w-0 flex-1 rounded border border-slate-400 px-2 py-1 font-mono text-xs dark:border-slate-600 dark:bg-slate-900" />
            <CopyButton text={link.url} what="link" className="shrink-0" />
          </div>
        </div>
      )}
      {script !== null && (
        <div className="mt-2 text-sm">
          <a href={`data:text/x-shellscript;charset=utf-8,${encodeURIComponent(script)}`} download={`packet-path-${preset.id}.sh`} className="underline">
            Download the script
          </a>
          <pre tabIndex={0} aria-label="Bash script" className="scroll-cue scroll-cue-slate mt-1 overflow-x-auto rounded bg-slate-100 p-2 font-mono text-xs dark:bg-slate-800">
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
