/**
 * Comparisons shared by the recorder and the vitest suite: a fresh recording against the committed one,
 * and the simulator's result against a recording (skipping unverifiable items, and comparing
 * version-sensitive items with their v29 expectation when one is given, skipping them otherwise).
 */
import { normalizeIds } from './classify'
import { normalizeListing } from './listing'
import type { AnsweredBy, Expectation, Recording, RecordedProbe, RecordedStep } from './schema'

/** The parts of the simulator's result the suite compares (the issue's result shape). */
export type SimResult = {
  steps: ReadonlyArray<{ ok: boolean; error?: string; output?: string }>
  probes: ReadonlyArray<{ outcome: string; answeredBy?: { host: string; container: string | null; port?: number | null } | null; address?: string }>
}

export type Comparison = { compared: number; skipped: number; mismatches: string[] }

// Prefixes that differ between 20.10, v28 and v29 around the same core message (facts file §1 and D1).
const VERSION_PREFIXES = [/^docker: /, /error response from daemon: /g, /failed to set up container networking: /g, /invalid endpoint settings:\s*/g, /error while removing network: /g]

export function normalizeError(text: string): string {
  let t = normalizeIds(text).toLowerCase().replace(/\s+/g, ' ').trim()
  for (const re of VERSION_PREFIXES) t = t.replace(re, '')
  return t.replace(/\.$/, '')
}

/** The most specific part of an error: after the last ": " when that part is long enough to be distinctive. */
export function coreError(text: string): string {
  const norm = normalizeError(text)
  const last = norm.split(': ').pop() ?? norm
  return last.length >= 12 ? last : norm
}

export function errorMatches(simError: string | undefined, recorded: string): boolean {
  return simError !== undefined && normalizeError(simError).includes(coreError(recorded))
}

function sameAnswer(a: AnsweredBy | null | undefined, b: AnsweredBy | null | undefined): boolean {
  if (!a || !b) return !a && !b
  return a.host === b.host && (a.container ?? null) === (b.container ?? null) && (a.port ?? null) === (b.port ?? null)
}

function show(a: unknown): string {
  return a === undefined ? 'none' : JSON.stringify(a)
}

function compareStep(item: string, sim: SimResult['steps'][number] | undefined, want: Expectation): string[] {
  if (!sim) return [`${item}: the simulator returned no result`]
  const out: string[] = []
  if (want.ok !== undefined && sim.ok !== want.ok) out.push(`${item}: ok ${sim.ok}, engine ${want.ok}${want.error ? ` (${want.error})` : ''}`)
  if (want.ok === false && want.error !== undefined && !sim.ok && !errorMatches(sim.error, want.error)) {
    out.push(`${item}: error ${show(sim.error)} does not contain "${coreError(want.error)}"`)
  }
  // A listing's text, normalised only where the two must differ (listing.ts).
  if (want.listing !== undefined && sim.ok) {
    const got = normalizeListing(sim.output ?? '')
    if (got !== want.listing) out.push(`${item}: listing differs\n--- simulator\n${got}\n--- engine\n${want.listing}`)
  }
  return out
}

function compareProbe(item: string, sim: SimResult['probes'][number] | undefined, want: Expectation): string[] {
  if (!sim) return [`${item}: the simulator returned no result`]
  const out: string[] = []
  if (want.outcome !== undefined && sim.outcome !== want.outcome) out.push(`${item}: outcome ${sim.outcome}, engine ${want.outcome}`)
  if (want.outcome === 'delivered' && sim.outcome === 'delivered' && 'answeredBy' in want && !sameAnswer(sim.answeredBy, want.answeredBy)) {
    out.push(`${item}: answeredBy ${show(sim.answeredBy)}, engine ${show(want.answeredBy)}`)
  }
  if (want.address !== undefined && sim.address !== want.address) out.push(`${item}: address ${show(sim.address)}, engine ${want.address}`)
  return out
}

function stepExpectation(s: RecordedStep): Expectation {
  const e: Expectation = s.error !== undefined ? { ok: s.ok, error: s.error } : { ok: s.ok }
  if (s.listing !== undefined) e.listing = s.listing
  return e
}

function probeExpectation(p: RecordedProbe): Expectation {
  const e: Expectation = { outcome: p.outcome }
  if (p.outcome === 'delivered') e.answeredBy = p.answeredBy ?? null
  if (p.address !== undefined) e.address = p.address
  return e
}

/** Compares the simulator with one recording, item by item. */
export function compareWithRecording(sim: SimResult, rec: Recording): Comparison {
  const unverifiable = new Set((rec.unverifiable ?? []).map((u) => u.item))
  const sensitive = new Map((rec.versionSensitive ?? []).map((v) => [v.item, v]))
  const result: Comparison = { compared: 0, skipped: 0, mismatches: [] }
  const check = (item: string, recorded: Expectation, run: (want: Expectation) => string[]) => {
    const vs = sensitive.get(item)
    if (unverifiable.has(item) || (vs && !vs.v29)) {
      result.skipped++
      return
    }
    // A v29 expectation replaces the recorded one: only the fields it names are compared.
    const want = vs?.v29 ?? recorded
    result.compared++
    result.mismatches.push(...run(want))
  }
  if (sim.steps.length !== rec.result.steps.length) result.mismatches.push(`steps: simulator has ${sim.steps.length}, engine ${rec.result.steps.length}`)
  if (sim.probes.length !== rec.result.probes.length) result.mismatches.push(`probes: simulator has ${sim.probes.length}, engine ${rec.result.probes.length}`)
  rec.result.steps.forEach((s, i) => check(`steps[${i}]`, stepExpectation(s), (w) => compareStep(`steps[${i}]`, sim.steps[i], w)))
  rec.result.probes.forEach((p, i) => check(`probes[${i}]`, probeExpectation(p), (w) => compareProbe(`probes[${i}]`, sim.probes[i], w)))
  return result
}

/** A fresh recording against the committed one: every recorded field except the raw `observed` text. */
export function diffRecordings(fresh: Recording, committed: Recording): string[] {
  const out: string[] = []
  const max = (a: number, b: number) => (a > b ? a : b)
  for (let i = 0; i < max(fresh.result.steps.length, committed.result.steps.length); i++) {
    const a = fresh.result.steps[i]
    const b = committed.result.steps[i]
    if (JSON.stringify(a && stepExpectation(a)) !== JSON.stringify(b && stepExpectation(b))) out.push(`steps[${i}]: now ${show(a)}, committed ${show(b)}`)
  }
  for (let i = 0; i < max(fresh.result.probes.length, committed.result.probes.length); i++) {
    const a = fresh.result.probes[i]
    const b = committed.result.probes[i]
    if (JSON.stringify(a && probeExpectation(a)) !== JSON.stringify(b && probeExpectation(b))) out.push(`probes[${i}]: now ${show(a)}, committed ${show(b)}`)
  }
  return out
}
