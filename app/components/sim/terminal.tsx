'use client'
// The terminal panel: one input labelled "Docker command", the output log, ↑/↓ history, Tab completion and the
// host switcher. It only collects lines; the session (lib/terminal/session.ts) decides what they do. A pasted
// block of several lines runs line by line (lib/terminal/paste.ts), as if each had been typed and Entered.
import { useEffect, useId, useLayoutEffect, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react'
import { completeLine, type Names } from '@/lib/terminal/completion'
import { toPastedLines } from '@/lib/terminal/paste'
import type { LogEntry } from '@/lib/terminal/session'
import { KeepCommand } from '../keep-options'
import { Palette } from './palette'
import { PROMPT_BAR, PROMPT_INPUT, RUN_BUTTON, TERMINAL_LOG } from './prompt'

type Props = {
  log: readonly LogEntry[]
  machines: readonly string[]
  machine: string
  onMachine: (m: string) => void
  // `on` is set for a pasted `host2$ …` line: run it on that machine, leaving the Host selection as it is.
  onRun: (line: string, on?: string) => void
  names: Names
  addresses: readonly string[]
  /** A line typed before the terminal existed (the sandbox's server-rendered prompt), and where the focus was. */
  initialLine?: string
  focus?: TerminalFocus
}

/** The part of the terminal to focus when it replaces a preview that had the focus. */
export type TerminalFocus = 'prompt' | 'log' | null

export function Terminal({ log, machines, machine, onMachine, onRun, names, addresses, initialLine = '', focus = null }: Props) {
  const inputId = useId()
  const [line, setLine] = useState(initialLine)
  const [history, setHistory] = useState<string[]>([])
  const [cursor, setCursor] = useState<number | null>(null)
  const [options, setOptions] = useState<string[]>([])
  const logRef = useRef<HTMLDivElement>(null)
  const inputRef = useRef<HTMLInputElement>(null)

  useEffect(() => {
    logRef.current?.scrollTo({ top: logRef.current.scrollHeight })
  }, [log])
  // In the commit that puts the terminal where a prompt had the focus, before the next key is handled.
  useLayoutEffect(() => {
    if (focus === 'prompt') inputRef.current?.focus()
    else if (focus === 'log') logRef.current?.focus()
  }, [focus])

  function submit() {
    if (line.trim() === '') return
    onRun(line)
    setHistory((h) => [...h, line])
    setCursor(null)
    setOptions([])
    setLine('')
  }

  // One line pastes as the browser does. Several lines (a lesson block's Copy button) run in order, each with its
  // own log and history entry; a `NAME$ ` prompt that names a machine of this world runs that line there, any
  // other prompt runs on the chosen host. The Host selection stays put: the learner did not choose another one.
  function onPaste(e: ClipboardEvent<HTMLInputElement>) {
    const text = e.clipboardData.getData('text/plain')
    if (!/[\r\n]/.test(text)) return
    e.preventDefault()
    // What was typed around the cursor joins the paste, as in a shell: the text is inserted, then Entered.
    const input = e.currentTarget
    const before = line.slice(0, input.selectionStart ?? line.length)
    const after = line.slice(input.selectionEnd ?? line.length)
    const lines = toPastedLines(`${before}${text}${after}`)
    for (const l of lines) onRun(l.line, l.on !== undefined && machines.includes(l.on) ? l.on : undefined)
    setHistory((h) => [...h, ...lines.map((l) => l.line)])
    setCursor(null)
    setOptions([])
    setLine('')
    input.focus()
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'Enter') {
      e.preventDefault()
      submit()
    } else if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      if (history.length === 0) return
      e.preventDefault()
      const at = cursor ?? history.length
      const next = e.key === 'ArrowUp' ? Math.max(0, at - 1) : at + 1
      if (next >= history.length) {
        setCursor(null)
        setLine('')
      } else {
        setCursor(next)
        setLine(history[next] ?? '')
      }
    } else if (e.key === 'Tab' && line.trim() !== '') {
      // An empty line lets Tab move focus on, so the terminal is never a keyboard trap.
      e.preventDefault()
      const c = completeLine(line, names)
      setLine(c.line)
      setOptions(c.options.length > 1 ? c.options : [])
    }
  }

  function insert(text: string) {
    setLine((l) => (l === '' || l.endsWith(' ') ? `${l}${text}` : `${l} ${text}`))
    inputRef.current?.focus()
  }

  return (
    <div className="mt-4">
      <div ref={logRef} role="log" aria-label="Terminal output" tabIndex={0} className={`scroll-cue scroll-cue-dark ${TERMINAL_LOG}`}>
        {log.length === 0 && <p className="text-slate-400">Type help to see what the terminal understands.</p>}
        {log.map((e) => (
          <div key={e.id} className="mb-2">
            {/* The typed line and Docker's tables keep their columns (the log scrolls sideways on a phone, with a
                shadow at the cut edge); messages wrap between words, never inside a flag (KeepCommand). */}
            <div className="whitespace-pre text-sky-300">
              {e.on}$ {e.input}
            </div>
            {e.output !== '' &&
              (e.tone === 'ok' ? (
                <pre className="whitespace-pre">{e.output}</pre>
              ) : (
                <pre className={`break-words whitespace-pre-wrap ${e.tone === 'error' ? 'text-rose-300' : 'text-amber-200'}`}>
                  <KeepCommand text={e.output} />
                </pre>
              ))}
          </div>
        ))}
      </div>
      <form
        className={PROMPT_BAR}
        onSubmit={(e) => {
          e.preventDefault()
          submit()
        }}
      >
        {machines.length > 1 && (
          <select aria-label="Host" value={machine} onChange={(e) => onMachine(e.target.value)} className="rounded bg-slate-700 px-2 py-1 font-mono text-sm text-white">
            {machines.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        )}
        <label htmlFor={inputId} className="sr-only">
          Docker command
        </label>
        <span aria-hidden="true" className="hidden font-mono text-sm text-sky-300 sm:inline">
          {machine}$
        </span>
        <input
          id={inputId}
          ref={inputRef}
          value={line}
          onChange={(e) => {
            setLine(e.target.value)
            setCursor(null)
          }}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          {...PROMPT_INPUT}
        />
        <button type="submit" className={RUN_BUTTON}>
          Run
        </button>
      </form>
      {options.length > 0 && (
        <p className="mt-1 font-mono text-xs text-slate-600 dark:text-slate-400" aria-live="polite">
          Completions: {options.join('  ')}
        </p>
      )}
      <Palette names={names} addresses={addresses} onInsert={insert} />
    </div>
  )
}
