'use client'
// Region "Packet trace": the hops of one probe, grouped by the lesson's stages, with the headers as they leave each
// hop and what changed them. Step back / Step forward / Play move the current hop (also ←/→ on the list, Home/End).
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import type { Hop, Outcome } from '@/simulator'
import { KeepOptions } from '../keep-options'
import { describeChanges, formatPacket, groupByStage, groupLabel } from './stages'

export type TraceView = { title: string; outcome: Outcome; explanation: string; trace: Hop[]; divergence?: { index: number; message: string } | null }

const btn =
  'rounded-md border border-slate-400 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 disabled:opacity-50 dark:border-slate-600 dark:hover:bg-slate-800'

// `context` names the challenge when several share a page: landmarks need distinct names (axe landmark-unique), and
// the name still begins with "Packet trace".
// `checks`: the panel sits beside "Check my setup" (a challenge), so an empty trace may point at that button too; the
// sandbox has no such button.
export function PacketTrace({ view, step, onStep, context, checks = false }: { view: TraceView | null; step: number; onStep: (i: number) => void; context?: string; checks?: boolean }) {
  const headingId = useId()
  const [playing, setPlaying] = useState(false)
  const last = (view?.trace.length ?? 0) - 1
  const stepRef = useRef(step)
  stepRef.current = step

  useEffect(() => {
    if (!playing) return
    const timer = setInterval(() => {
      if (stepRef.current >= last) setPlaying(false)
      else onStep(stepRef.current + 1)
    }, 700)
    return () => clearInterval(timer)
  }, [playing, last, onStep])

  function onKeyDown(e: KeyboardEvent<HTMLOListElement>) {
    const to = { ArrowRight: step + 1, ArrowDown: step + 1, ArrowLeft: step - 1, ArrowUp: step - 1, Home: 0, End: last }[e.key]
    if (to === undefined) return
    e.preventDefault()
    onStep(Math.max(0, Math.min(last, to)))
  }

  return (
    <section aria-labelledby={headingId} className="mt-4 rounded-md border border-slate-300 p-3 dark:border-slate-700">
      {/* The context goes in aria-label, not an sr-only span: that span is absolutely positioned, so Chrome's name
          computation treats it as a block and reads the name as "Packet trace : <challenge>". */}
      <h3 id={headingId} aria-label={context ? `Packet trace: ${context}` : undefined} className="font-semibold">
        Packet trace
      </h3>
      {view === null ? (
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400"><KeepOptions text={`Run a probe (curl, ping, nslookup, nc -z; nc -u -z for UDP)${checks ? ' or check your setup' : ''} to see the packet's path here.`} /></p>
      ) : (
        <>
          <p className="mt-1 text-sm">
            <span className="font-mono">{view.title}</span>: <strong>{view.outcome}</strong>. {view.explanation}
          </p>
          {view.divergence && <p className="mt-1 text-sm text-amber-800 dark:text-amber-300">Where it went wrong: {view.divergence.message}</p>}
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <button type="button" className={btn} onClick={() => onStep(Math.max(0, step - 1))} disabled={step <= 0}>
              Step back
            </button>
            <button type="button" className={btn} onClick={() => onStep(Math.min(last, step + 1))} disabled={step >= last}>
              Step forward
            </button>
            <button
              type="button"
              className={btn}
              aria-pressed={playing}
              onClick={() => {
                if (!playing && step >= last) onStep(0)
                setPlaying(!playing)
              }}
            >
              Play
            </button>
            <span className="text-sm" aria-live="polite">
              Hop {step + 1} of {last + 1}
            </span>
          </div>
          <ol tabIndex={0} onKeyDown={onKeyDown} aria-label="Hops (use the arrow keys to step)" className="mt-3 space-y-3">
            {groupByStage(view.trace).map((g, _, groups) => (
              <li key={g.hops[0]?.index}>
                <p className="text-xs font-bold tracking-wide text-slate-600 uppercase dark:text-slate-400">{groupLabel(g, groups)}</p>
                <ol className="mt-1 space-y-1">
                  {g.hops.map(({ hop, index }) => (
                    <HopItem key={index} hop={hop} index={index} prev={view.trace[index - 1]} current={index === step} off={view.divergence?.index === index} onPick={() => onStep(index)} />
                  ))}
                </ol>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  )
}

function HopItem({ hop, index, prev, current, off, onPick }: { hop: Hop; index: number; prev: Hop | undefined; current: boolean; off: boolean; onPick: () => void }) {
  const changes = describeChanges(prev?.packet, hop.packet)
  return (
    <li
      aria-current={current ? 'step' : undefined}
      onClick={onPick}
      className={`rounded border-l-4 px-2 py-1 text-sm ${current ? 'border-sky-600 bg-sky-50 dark:bg-sky-950' : 'border-transparent'} ${off ? 'outline outline-2 outline-amber-500' : ''}`}
    >
      <span className="font-mono">
        {index + 1}. {hop.at}
      </span>
      : {hop.note}
      {current && (
        <div className="mt-1 font-mono text-xs break-words">
          <div>{formatPacket(hop.packet)}</div>
          {(hop.packet.srcMac || hop.packet.dstMac) && (
            <div>
              MAC {hop.packet.srcMac ?? '?'} → {hop.packet.dstMac ?? '?'}
            </div>
          )}
          {hop.packet.encap && (
            <div>
              VXLAN VNI {hop.packet.encap.vni}: UDP {hop.packet.encap.src} → {hop.packet.encap.dst}:{hop.packet.encap.dport}
            </div>
          )}
          <div>Changed here: {changes.length === 0 ? 'nothing' : changes.join('; ')}</div>
        </div>
      )}
    </li>
  )
}
