import type { Hop, HopPacket, Stage } from '@/simulator'

// The lesson's packet-path stages, in the words the first lesson's diagram uses.
export const STAGE_LABEL: Record<Stage, string> = {
  internet: 'Internet',
  router: 'Router',
  'host-nic': 'Host NIC',
  os: 'OS',
  'docker-engine': 'Docker Engine',
  'network-plugin': 'Network plugin',
  'container-app': 'Container App',
}

export type HopGroup = { stage: Stage; machine: string; hops: { hop: Hop; index: number }[] }

/** The machine a hop happens on: the part of `at` before the first ':' or '/' ("host1:nat PREROUTING" → host1). */
export function machineOf(hop: Pick<Hop, 'at'>): string {
  return hop.at.split(/[:/]/)[0] ?? hop.at
}

/** Consecutive hops in one stage on one machine form a group. The laptop's OS and host1's OS are two groups, and a
 *  stage comes back on the same machine only when the packet does (a container calling a published port of another
 *  bridge crosses a bridge twice, on its way out and on its way in). */
export function groupByStage(trace: readonly Hop[]): HopGroup[] {
  const groups: HopGroup[] = []
  trace.forEach((hop, index) => {
    const last = groups[groups.length - 1]
    const machine = machineOf(hop)
    if (last !== undefined && last.stage === hop.stage && last.machine === machine) last.hops.push({ hop, index })
    else groups.push({ stage: hop.stage, machine, hops: [{ hop, index }] })
  })
  return groups
}

/** "OS · host1" when the trace crosses machines, else just the stage. */
export function groupLabel(group: HopGroup, groups: readonly HopGroup[]): string {
  const machines = new Set(groups.map((g) => g.machine))
  return machines.size > 1 ? `${STAGE_LABEL[group.stage]} · ${group.machine}` : STAGE_LABEL[group.stage]
}

const FIELDS: [keyof HopPacket, string][] = [
  ['srcMac', 'source MAC'],
  ['dstMac', 'destination MAC'],
  ['src', 'source IP'],
  ['dst', 'destination IP'],
  ['sport', 'source port'],
  ['dport', 'destination port'],
  ['proto', 'protocol'],
]

/** Which header fields differ from the previous hop, in words ("destination IP 10.77.0.10 → 172.17.0.2"). */
export function describeChanges(prev: HopPacket | undefined, cur: HopPacket): string[] {
  if (prev === undefined) return []
  const out: string[] = []
  for (const [k, label] of FIELDS) {
    const a = prev[k]
    const b = cur[k]
    if (a !== b && typeof b !== 'object' && b !== undefined) out.push(`${label} ${a === undefined ? '(none)' : String(a)} → ${String(b)}`)
  }
  if (cur.encap !== undefined && prev.encap === undefined) out.push(`wrapped in VXLAN (VNI ${cur.encap.vni}, ${cur.encap.src} → ${cur.encap.dst} udp/${cur.encap.dport})`)
  if (cur.encap === undefined && prev.encap !== undefined) out.push('VXLAN header removed')
  return out
}

export function formatPacket(p: HopPacket): string {
  const ports = p.sport !== undefined || p.dport !== undefined ? ` ${p.sport ?? '*'} → ${p.dport ?? '*'}` : ''
  return `${p.proto.toUpperCase()} ${p.src} → ${p.dst}${ports}`
}
