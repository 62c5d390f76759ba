// Sharing a sandbox: the preset and the command list in the URL (base64url JSON, validated on the way back in),
// and an export as a bash script that rebuilds the same world on real Docker hosts.
import { z } from 'zod'
import { CommandSchema, formatIssues, type Command } from './schema'

const SharedSchema = z.array(CommandSchema).max(300)

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

/** One block per run of commands on the same host; hosts other than the first are reached with ssh. */
export function exportBash(title: string, commands: readonly Command[]): string {
  const lines = [
    '#!/usr/bin/env bash',
    `# Packet Path sandbox: ${title}. Reproduces these commands on real Docker hosts.`,
    '# Each block runs on the machine named in its header (over ssh; adjust the host names to yours).',
    'set -euo pipefail',
  ]
  let current: string | null = null
  for (const c of commands) {
    if (c.on !== current) {
      lines.push('', `# --- on ${c.on} ---`)
      current = c.on
    }
    lines.push(`ssh ${c.on} ${quote(c.run)}`)
  }
  return `${lines.join('\n')}\n`
}
