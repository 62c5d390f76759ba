'use client'
// The /sandbox island (issue 14: /sandbox loads like a static page). The server renders the preset's machines and a
// prompt; the simulator's code is fetched when the learner touches the sandbox (taps or tabs to the prompt), or at once
// when there is a world to show: a shared link (?cmds=), a preset the learner chose (?preset=), or a session this
// browser kept for the preset (use-sim-session.ts). Lines entered at the prompt before the code arrives are kept and
// run, in order, when it does; a half-typed line stays in the prompt, and so does the focus.
//
// A plain dynamic import, as in challenge.tsx: next/dynamic's loader would add to the page's first load.
import { useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react'
import { keptSessionKeys } from '@/lib/terminal/saved-session'
import { EARLY_PROMPT_ATTR, EARLY_RUN_ATTR, takeEarlyLines } from '../early-input'
import { GATES } from '../island-gates'
import type { TerminalFocus } from './terminal'
import { PROMPT_BAR, PROMPT_INPUT, RUN_BUTTON, TERMINAL_LOG } from './prompt'
import { useGatedLoad } from './use-gated-load'

export type SandboxAppProps = {
  preset: string | undefined
  cmds: string | undefined
  /** Lines entered before the simulator loaded, to run on the default machine in this order. */
  pending: readonly string[]
  /** What was typed at the prompt and not yet entered. */
  draft: string
  /** Where the focus was in the preview (the prompt or the log), to put it on the same part of the live terminal. */
  focus: TerminalFocus
}

type Props = {
  preset: string | undefined
  cmds: string | undefined
  /** The preset shown (an unknown or missing ?preset= falls back to the default one) and the sandbox's presets. */
  shown: string
  presets: readonly { id: string; title: string }[]
  /** The machine the prompt runs on until the learner picks another. */
  machine: string
  /** The shown preset's machines, rendered on the server. */
  preview: ReactNode
}

const loadApp = () => import('./sandbox-app').then((m) => m.SandboxApp)

function hasSavedSession(presetId: string): boolean {
  try {
    return keptSessionKeys(Object.keys(window.localStorage), 'sandbox', presetId).length > 0
  } catch {
    return false // storage disabled: nothing was kept
  }
}

const btn = 'rounded-md border border-slate-400 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800'

export function Sandbox({ preset, cmds, shown, presets, machine, preview }: Props) {
  const ref = useRef<HTMLDivElement>(null)
  const inputRef = useRef<HTMLInputElement>(null)
  const [pending, setPending] = useState<string[]>([])
  const handover = useRef<{ draft: string; focus: TerminalFocus } | null>(null)
  const selectId = useId()
  const inputId = useId()
  // Lines entered before this island hydrated (early-input.ts) are the first pending ones.
  useLayoutEffect(() => {
    const input = inputRef.current
    if (input === null) return
    const early = takeEarlyLines(input)
    if (early.length > 0) setPending((p) => [...early, ...p])
  }, [])
  const selectRef = useRef<HTMLSelectElement>(null)
  // A preset chosen before this island hydrated changed only the select (its onChange was not attached yet): open it
  // now, as the change would have, instead of leaving the learner on the old world with the new name showing.
  useEffect(() => {
    const select = selectRef.current
    if (select !== null && select.value !== shown) select.form?.requestSubmit()
  }, [shown])
  const { App, state } = useGatedLoad(ref, (el) => (cmds !== undefined || preset !== undefined || hasSavedSession(shown) ? Promise.resolve() : GATES.touched(el)), loadApp)

  // A screen's height from the first paint, so the workbench arriving does not push what follows down (CLS).
  if (App !== null) {
    // Read in the render that replaces the prompt, while it is still in the page: a key pressed between the code
    // arriving and this render is in the draft too (the terminal takes the focus in its layout effect, before any
    // later key is handled).
    const input = inputRef.current
    const active = document.activeElement
    const inside = active !== null && ref.current !== null && ref.current.contains(active)
    handover.current ??= { draft: input?.value ?? '', focus: !inside ? null : active.getAttribute('role') === 'log' ? 'log' : 'prompt' }
    return (
      <div className="min-h-svh">
        <App preset={preset} cmds={cmds} pending={pending} draft={handover.current.draft} focus={handover.current.focus} />
      </div>
    )
  }

  function enter() {
    const input = inputRef.current
    if (input === null || input.value.trim() === '') return
    const line = input.value
    setPending((p) => [...p, line])
    input.value = ''
  }

  return (
    <div className="min-h-svh">
      {/* Works before any JavaScript too: choosing a preset opens /sandbox?preset=…, which loads the simulator. */}
      <form action="/sandbox" method="get" className="flex flex-wrap items-center gap-2">
        <label htmlFor={selectId} className="font-medium">
          Preset
        </label>
        <select
          id={selectId}
          ref={selectRef}
          name="preset"
          defaultValue={shown}
          // No restoring an earlier choice on Back: the effect above would take it for a new one and leave again.
          autoComplete="off"
          onChange={(e) => e.currentTarget.form?.requestSubmit()}
          className="rounded border border-slate-400 px-2 py-1 dark:border-slate-600 dark:bg-slate-900"
        >
          {presets.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
        </select>
        <button type="submit" className={btn}>
          Open
        </button>
      </form>
      <div ref={ref} data-island="sandbox">
        {preview}
        <div className="mt-4">
          <div role="log" aria-label="Terminal output" tabIndex={0} className={TERMINAL_LOG}>
            {pending.length === 0 ? (
              <p className="text-slate-400">Type help to see what the terminal understands.</p>
            ) : (
              pending.map((l, i) => (
                <div key={i} className="mb-2 whitespace-pre text-sky-300">
                  {machine}$ {l}
                </div>
              ))
            )}
          </div>
          <div className={PROMPT_BAR}>
            <label htmlFor={inputId} className="sr-only">
              Docker command
            </label>
            <span aria-hidden="true" className="font-mono text-sm text-sky-300">
              {machine}$
            </span>
            <input
              id={inputId}
              ref={inputRef}
              onKeyDown={(e) => {
                if (e.key !== 'Enter') return
                e.preventDefault()
                enter()
              }}
              {...{ [EARLY_PROMPT_ATTR]: 'waiting' }}
              {...PROMPT_INPUT}
            />
            <button type="button" onClick={enter} {...{ [EARLY_RUN_ATTR]: inputId }} className={RUN_BUTTON}>
              Run
            </button>
          </div>
        </div>
        <p role="status" className={state === 'failed' ? 'mt-2 text-sm text-red-800 dark:text-red-300' : 'mt-2 text-sm text-slate-600 dark:text-slate-400'}>
          {state === 'failed'
            ? 'The simulator could not be loaded; the connection may have dropped. Reload the page to try again.'
            : state === 'loading'
              ? 'Loading the simulator…'
              : 'The simulator starts when you tap or tab into the terminal.'}
        </p>
      </div>
    </div>
  )
}
