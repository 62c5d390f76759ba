'use client'
// Region "Topology": the world drawn from describeWorld (LANs, routers, internet, hosts with NICs, bridges, veth
// pairs, containers with IPs and published ports, macvlan children, VXLAN tunnels), with the current hop lit, and
// the same facts as a table for screen readers.
import { useId } from 'react'
import type { Topology as TopologyData } from '@/simulator'
import { ScrollBox } from '../scroll-box'

const COL = 300
const GAP = 24
const ROW = 22
const LINE = 14
const LAN_GAP = 26

type Box = { key: string; y: number; lines: string[]; kind: 'nic' | 'bridge' | 'container' | 'macvlan' }

const MAX_CHARS = 44
const clip = (t: string) => (t.length > MAX_CHARS ? `${t.slice(0, MAX_CHARS - 1)}…` : t)

function hostRows(h: TopologyData['hosts'][number]): Box[] {
  const rows: Omit<Box, 'y'>[] = h.nics.map((n) => ({ key: `${h.name}:${n.name}`, lines: [`${n.name} ${n.ip ?? ''} (LAN ${n.lan})`], kind: 'nic' as const }))
  for (const b of h.bridges) rows.push({ key: `${h.name}:${b.name ?? b.network}`, lines: [`${b.name} ${b.ip ?? ''} (network ${b.network})`], kind: 'bridge' })
  for (const c of h.containers) {
    const veth = h.veths.find((v) => v.container === c.name)
    const nets = c.endpoints.map((e) => {
      const net = h.networks.find((n) => n.name === e.network)
      return net?.driver === 'macvlan' || net?.driver === 'ipvlan' ? `${e.ip} ${net.driver} child of ${net.parent}` : `${e.ip} on ${e.network}`
    })
    const where = c.networkMode === 'host' ? 'shares the host network' : nets.join(', ') || c.networkMode
    const macvlan = c.endpoints.some((e) => ['macvlan', 'ipvlan'].includes(h.networks.find((n) => n.name === e.network)?.driver ?? ''))
    const lines = [`${c.name} [${c.state}] ${c.image}`, where]
    if (veth !== undefined) lines.push(`${veth.host} ↔ ${veth.bridge}`)
    if (c.ports.length > 0) lines.push(`-p ${c.ports.join(' ')}`)
    rows.push({ key: `${h.name}:${c.name}`, lines: lines.map(clip), kind: macvlan ? 'macvlan' : 'container' })
  }
  let y = ROW + 8
  return rows.map((r) => {
    const box = { ...r, y }
    y += r.lines.length * LINE + 8
    return box
  })
}

const boxHeight = (b: Box) => b.lines.length * LINE + 4
const hostHeight = (rows: Box[]) => (rows.length === 0 ? ROW + 10 : (rows[rows.length - 1] as Box).y + boxHeight(rows[rows.length - 1] as Box) + 8)

// `context`: see PacketTrace.
export function Topology({ topology, at, context }: { topology: TopologyData; at: string | null; context?: string }) {
  const headingId = useId()
  const lans = topology.lans
  const top = topology.internet.length + topology.routers.length > 0 ? 56 : 8
  const lanY = (name: string) => top + 14 + lans.findIndex((l) => l.name === name) * LAN_GAP
  const hostTop = top + 14 + lans.length * LAN_GAP + 10
  const hosts = topology.hosts.map((h, i) => ({ h, x: 10 + i * (COL + GAP), rows: hostRows(h) }))
  const height = hostTop + Math.max(60, ...hosts.map((x) => hostHeight(x.rows) + 10)) + (topology.tunnels.length > 0 ? 40 : 10)
  const width = Math.max(320, 20 + hosts.length * (COL + GAP))
  const atHost = at?.split(':')[0] ?? null
  // A hop's `at` is "machine:part" (host1:eth0, host1:web, host1:docker0); rules like host1:DOCKER light the host.
  const lit = (key: string) => at === key

  return (
    <section aria-labelledby={headingId} className="mt-4 rounded-md border border-slate-300 p-3 dark:border-slate-700">
      {/* The context goes in aria-label, not an sr-only span: that span is absolutely positioned, so Chrome's name
          computation treats it as a block and reads the name as "Topology : <challenge>". */}
      <h3 id={headingId} aria-label={context ? `Topology: ${context}` : undefined} className="font-semibold">
        Topology
      </h3>
      <ScrollBox label="Topology diagram (scrolls sideways when wide)" className="mt-2">
        <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-label={`Diagram: ${topology.hosts.length} machines on ${lans.map((l) => l.name).join(', ') || 'no LAN'}; the table below lists the same facts`} className="max-w-none font-mono text-[11px]">
          {topology.internet.length > 0 && (
            <g>
              <rect x={10} y={6} width={200} height={36} rx={16} className="fill-slate-100 stroke-slate-500 dark:fill-slate-800" />
              <text x={20} y={28} className="fill-current">Internet: {topology.internet.map((i) => `${i.name} ${i.ip}`).join(', ')}</text>
            </g>
          )}
          {topology.routers.map((r, i) => (
            <g key={r.name}>
              <rect x={230 + i * 210} y={6} width={200} height={36} rx={4} className={lit(r.name) ? 'fill-sky-200 stroke-sky-700 dark:fill-sky-900' : 'fill-white stroke-slate-500 dark:fill-slate-900'} />
              <text x={238 + i * 210} y={28} className="fill-current">router {r.name} {r.ip} / {r.publicIp}</text>
              <line x1={330 + i * 210} y1={42} x2={330 + i * 210} y2={lanY(r.lan)} className="stroke-slate-500" />
            </g>
          ))}
          {lans.map((l) => (
            <g key={l.name}>
              <line x1={4} y1={lanY(l.name)} x2={width - 4} y2={lanY(l.name)} strokeWidth={3} className="stroke-emerald-600" />
              <text x={8} y={lanY(l.name) - 4} className="fill-current">LAN {l.name} {l.subnet}</text>
            </g>
          ))}
          {hosts.map(({ h, x, rows }) => (
            <g key={h.name}>
              <rect x={x} y={hostTop} width={COL} height={hostHeight(rows)} rx={6} className={atHost === h.name ? 'fill-sky-50 stroke-sky-700 dark:fill-sky-950' : 'fill-white stroke-slate-500 dark:fill-slate-900'} strokeWidth={atHost === h.name ? 2 : 1} />
              <text x={x + 8} y={hostTop + 16} className="fill-current font-bold">{h.name}{h.docker ? ' (Docker)' : ''}</text>
              {rows.map((r) => (
                <g key={r.key}>
                  <rect x={x + 6} y={hostTop + r.y} width={COL - 12} height={boxHeight(r)} rx={3} className={lit(r.key) ? 'fill-sky-300 stroke-sky-800 dark:fill-sky-800' : r.kind === 'nic' ? 'fill-emerald-50 stroke-emerald-600 dark:fill-emerald-950' : r.kind === 'bridge' ? 'fill-amber-50 stroke-amber-600 dark:fill-amber-950' : r.kind === 'macvlan' ? 'fill-violet-50 stroke-violet-600 dark:fill-violet-950' : 'fill-slate-50 stroke-slate-500 dark:fill-slate-800'} />
                  {r.lines.map((line, i) => (
                    <text key={i} x={x + 10} y={hostTop + r.y + 13 + i * LINE} className={i === 0 ? 'fill-current font-bold' : 'fill-current'}>
                      {line}
                    </text>
                  ))}
                </g>
              ))}
              {h.nics.map((n, i) => (
                <line key={n.name} x1={x + 20 + i * 12} y1={lanY(n.lan)} x2={x + 20 + i * 12} y2={hostTop + (rows[i]?.y ?? ROW)} className="stroke-emerald-600" strokeDasharray={n.ip === null ? '3 3' : undefined} />
              ))}
            </g>
          ))}
          {topology.tunnels.map((t, i) => (
            <text key={t.network} x={10} y={height - 14 + i * 12} className="fill-current">
              VXLAN tunnel {t.network} (VNI {t.vni}, udp/{t.port}) between {t.nodes.join(', ')}
            </text>
          ))}
        </svg>
      </ScrollBox>
      <TopologyTable topology={topology} />
    </section>
  )
}

function TopologyTable({ topology }: { topology: TopologyData }) {
  const rows: [string, string, string, string][] = [
    ...topology.lans.map((l): [string, string, string, string] => [`LAN ${l.name}`, 'LAN', l.subnet, l.gateway ? `gateway ${l.gateway}` : '']),
    ...topology.routers.map((r): [string, string, string, string] => [r.name, 'router', `${r.ip}, public ${r.publicIp}`, r.forwards.map((f) => `forwards ${f.port} to ${f.to}:${f.toPort}`).join('; ')]),
    ...topology.internet.map((i): [string, string, string, string] => [i.name, 'internet machine', i.ip, '']),
    ...topology.hosts.flatMap((h) => [
      ...h.nics.map((n): [string, string, string, string] => [h.name, `NIC ${n.name}`, n.ip ?? 'no address', `on LAN ${n.lan}, MAC ${n.mac}`]),
      ...h.bridges.map((b): [string, string, string, string] => [h.name, `bridge ${b.name}`, `${b.ip ?? ''} ${b.subnet ?? ''}`, `network ${b.network}`]),
      ...h.veths.map((v): [string, string, string, string] => [h.name, `veth ${v.host}`, '', `pairs ${v.container} with ${v.bridge}`]),
      ...h.containers.map((c): [string, string, string, string] => [
        `${h.name}/${c.name}`,
        `container (${c.image}, ${c.state})`,
        c.networkMode === 'host' ? 'host network' : c.endpoints.map((e) => `${e.ip} on ${e.network}`).join(', '),
        c.ports.length > 0 ? `publishes ${c.ports.join(', ')}` : 'no published ports',
      ]),
    ]),
  ]
  return (
    // The wrapper, not the table, is visually hidden: a table ignores width: 1px and would widen the page on phones.
    <div className="sr-only">
      <table>
        <caption>Topology as a table</caption>
        <thead>
          <tr>
            <th scope="col">Machine</th>
            <th scope="col">Part</th>
            <th scope="col">Address</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              {r.map((cell, j) => (
                <td key={j}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
