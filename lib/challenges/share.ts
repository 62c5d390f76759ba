// Sharing a sandbox: the preset and the command list in the URL (base64url JSON, validated on the way back in),
// and an export as a bash script that rebuilds the same world on real Docker hosts.
import { z } from 'zod'
import { runCommandLine, type World } from '@/simulator'
import { CommandSchema, formatIssues, type Command } from './schema'

const SharedSchema = z.array(CommandSchema).max(300)

/** Browsers and servers refuse request lines much past 8 KB (HTTP 431), so a longer share link would not open. */
export const MAX_SHARE_URL_LENGTH = 8000

export type ShareUrl = { ok: true; url: string } | { ok: false; message: string }

/** The /sandbox URL that reopens this world, or a message when it would be too long to open. */
export function toShareUrl(origin: string, preset: string, commands: readonly Command[]): ShareUrl {
  const url = new URL('/sandbox', origin)
  url.searchParams.set('preset', preset)
  if (commands.length > 0) url.searchParams.set('cmds', encodeCommands(commands))
  const text = url.toString()
  if (text.length <= MAX_SHARE_URL_LENGTH) return { ok: true, url: text }
  const kb = Math.ceil(text.length / 1024)
  return {
    ok: false,
    message: `This world is too big to share as a link (${kb} KB; servers refuse links over about 8 KB). Use "Export as bash" instead, or undo some commands.`,
  }
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text)
  let bin = ''
  for (const b of bytes) bin += String.fromCharCode(b)
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

function fromBase64Url(text: string): string {
  const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'))
  return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)))
}

export function encodeCommands(commands: readonly Command[]): string {
  return toBase64Url(JSON.stringify(commands))
}

export type Decoded = { ok: true; commands: Command[] } | { ok: false; message: string }

export function decodeCommands(param: string): Decoded {
  let json: unknown
  try {
    json = JSON.parse(fromBase64Url(param))
  } catch {
    return { ok: false, message: 'The shared link is damaged (its "cmds" part is not readable); starting from the preset instead.' }
  }
  const parsed = SharedSchema.safeParse(json)
  return parsed.success ? { ok: true, commands: parsed.data } : { ok: false, message: `The shared link has bad commands (${formatIssues(parsed.error)}); starting from the preset instead.` }
}

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`

/**
 * Whether each command succeeded when replayed from `start`: failed lines (an error from the daemon, `docker` on a
 * machine without it, a foreground probe container that exited non-zero) would stop a `set -e` script on real hosts.
 */
export function commandOutcomes(start: World, commands: readonly Command[]): boolean[] {
  let world = start
  return commands.map((c) => {
    const step = runCommandLine(world, c.on, c.run)
    world = step.world
    return step.result.ok && (step.probe === undefined || step.probe.exitCode === 0)
  })
}

/**
 * Text printed on a comment line: every control character (newline, carriage return, escape, NUL …) and every run of
 * whitespace becomes one space, so no field can end the comment and start a line bash would run.
 */
export function foldLine(text: string): string {
  return text.replace(/[\s\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim()
}

/** A host name ssh can be given bare: letters, digits, ".", "_" and "-", never starting with "-" (an ssh option). */
const SAFE_HOST = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/
/** Control characters but the tab (harmless inside single quotes), and Unicode's line and paragraph separators. */
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/

/**
 * Why a command cannot be exported as a line to run, or null when it can: a failure in the simulator (set -e would
 * stop the script there), a host name that would not be one word for ssh, or a control character in the command
 * (a newline inside the quotes would be a second command on the remote shell). A line typed in the terminal never
 * has one: a pasted block is split into lines before it runs.
 */
function leftOutReason(command: Command, succeeded: boolean): 'failed' | 'unsafe' | null {
  if (!succeeded) return 'failed'
  return SAFE_HOST.test(command.on) && !CONTROL.test(command.run) ? null : 'unsafe'
}

function formatLeftOut(commands: readonly Command[], why: string): string[] {
  if (commands.length === 0) return []
  const n = commands.length
  return [
    `# Left out: ${n} ${n === 1 ? 'command' : 'commands'} ${why}:`,
    // One line each, folded, so a shared command cannot end the comment and run as code.
    ...commands.map((c) => `#   on ${foldLine(c.on)}: ${foldLine(c.run)}`),
  ]
}

/**
 * One block per run of commands on the same host; hosts are reached with ssh. Only the lines that succeeded in the
 * simulator, on a plain host name and without control characters, are exported; comments at the top list the rest.
 * Every field printed is either checked (host names), single-quoted (commands) or folded onto a comment line.
 */
export function exportBash(title: string, start: World, commands: readonly Command[]): string {
  const ok = commandOutcomes(start, commands)
  const reasons = commands.map((c, i) => leftOutReason(c, ok[i] === true))
  const kept = commands.filter((_c, i) => reasons[i] === null)
  const lines = [
    '#!/usr/bin/env bash',
    `# Packet Path sandbox: ${foldLine(title)}. Reproduces these commands on real Docker hosts.`,
    '# Each block runs on the machine named in its header (over ssh; adjust the host names to yours).',
    ...formatLeftOut(commands.filter((_c, i) => reasons[i] === 'failed'), 'that failed in the simulator (set -e would stop the script there)'),
    ...formatLeftOut(commands.filter((_c, i) => reasons[i] === 'unsafe'), 'with a control character or a host name a script cannot carry safely'),
    'set -euo pipefail',
  ]
  let current: string | null = null
  for (const c of kept) {
    if (c.on !== current) {
      lines.push('', `# --- on ${c.on} ---`)
      current = c.on
    }
    lines.push(`ssh ${c.on} ${quote(c.run)}`)
  }
  return `${lines.join('\n')}\n`
}
