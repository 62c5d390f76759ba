// One iptables or ufw line on a host: listings (-L, -S) print and change nothing; every other form changes the
// host's chains and prints what the tool prints (iptables: nothing; ufw: "Rule added" for IPv4 and IPv6).
import { parseIptablesCommand } from '../parse/iptables-command'
import { applyIptables } from './iptables'
import { formatIptablesList } from './iptables-list'
import type { Host, StepResult, World } from './types'
import { putHost } from './world'

export function runFirewallLine(world: World, host: Host, text: string): { world: World; result: StepResult } {
  const fail = (error: string) => ({ world, result: { ok: false as const, error } })
  const cmd = parseIptablesCommand(text)
  if (!cmd.ok) return fail(cmd.error.message)
  if (cmd.value.kind === 'list') {
    const listed = formatIptablesList(world, host, cmd.value)
    return listed.ok ? { world, result: { ok: true, output: listed.value, warnings: [] } } : fail(listed.error.message)
  }
  const next = applyIptables(host, cmd.value)
  if (!next.ok) return fail(next.error.message)
  const output = text.startsWith('ufw') ? 'Rule added\nRule added (v6)' : ''
  return { world: putHost(world, next.value), result: { ok: true, output, warnings: [] } }
}
