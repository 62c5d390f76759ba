'use client'
// Region "Topology": the world drawn from describeWorld (LANs, routers, internet, hosts with NICs, bridges, veth
// pairs, containers with IPs and published ports, macvlan children, VXLAN tunnels), with the current hop lit, and
// the same facts as a table for screen readers.
//
// Laid out for the width it has (issue 14): side by side when the hosts fit, otherwise one above the other with the
// LANs drawn as vertical lines on the left, so a phone never scrolls the diagram sideways. A NIC's line meets its
// row from the LAN and never crosses a host's title.
import { useId, useLayoutEffect, useRef, useState } from 'react'
import type { Topology as TopologyData } from '@/simulator'
import { ScrollBox } from '../scroll-box'

const COL = 300
const GAP = 24
const ROW = 22
const LINE = 14
const LAN_GAP = 26
/** Width of one monospace character at the diagram's 11 px. */
export const CHAR = 6.7
const BOX_MIN = 200

/**
 * The router's and the internet's labels: one line where it fits, else its name and its addresses on two lines
 * (a phone's column). A box is as wide as its longest line, at least 200 px.
 */
const routerLines = (r: TopologyData['routers'][number]) => [`router ${r.name}`, `${r.ip} / ${r.publicIp}`]
const internetLines = (topology: TopologyData) => ['Internet:', topology.internet.map((i) => `${i.name} ${i.ip}`).join(', ')]
const textWidth = (line: string) => Math.ceil(line.length * CHAR) + 20
type LabelBox = { x: number; y: number; w: number; h: number; lines: string[] }

/** A box at (x, y) for a label's parts: on one line when that fits in `room`, else one part per line. */
function labelBox(x: number, y: number, parts: string[], room = Infinity): LabelBox {
  const one = parts.join(' ')
  const lines = textWidth(one) <= room ? [one] : parts
  return { x, y, w: Math.max(BOX_MIN, ...lines.map(textWidth)), h: 22 + LINE * lines.length, lines }
}
/** The narrowest host box; below it the text would be too small to read. */
const MIN_COL = 230
const BUS_GAP = 12

type Box = { key: string; y: number; lines: string[]; kind: 'nic' | 'bridge' | 'container' | 'macvlan' }

/** `text` in lines of at most `max` characters, broken between words (a word longer than a line is cut with …). */
function wrap(text: string, max: number): string[] {
  const out: string[] = []
  let line = ''
  for (const word of text.split(' ')) {
    const w = word.length > max ? `${word.slice(0, max - 1)}…` : word
    if (line === '') line = w
    else if (line.length + 1 + w.length <= max) line = `${line} ${w}`
    else {
      out.push(line)
      line = w
    }
  }
  out.push(line)
  return out
}

function hostRows(h: TopologyData['hosts'][number], col: number): Box[] {
  const max = Math.floor((col - 24) / CHAR)
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
    rows.push({ key: `${h.name}:${c.name}`, lines, kind: macvlan ? 'macvlan' : 'container' })
  }
  let y = ROW + 8
  return rows.map((r) => {
    const box = { ...r, lines: r.lines.flatMap((l) => wrap(l, max)), y }
    y += box.lines.length * LINE + 8
    return box
  })
}

const boxHeight = (b: Box) => b.lines.length * LINE + 4
const hostHeight = (rows: Box[]) => (rows.length === 0 ? ROW + 10 : (rows[rows.length - 1] as Box).y + boxHeight(rows[rows.length - 1] as Box) + 8)

/** The width the diagram has, measured before the first paint and whenever the column changes. */
function useWidth() {
  const ref = useRef<HTMLDivElement>(null)
  const [width, setWidth] = useState<number | null>(null)
  useLayoutEffect(() => {
    const el = ref.current
    if (el === null) return
    setWidth(el.clientWidth)
    if (typeof ResizeObserver === 'undefined') return
    const ro = new ResizeObserver(() => setWidth(el.clientWidth))
    ro.observe(el)
    return () => ro.disconnect()
  }, [])
  return [ref, width] as const
}

// `context`: see PacketTrace.
export function Topology({ topology, at, context }: { topology: TopologyData; at: string | null; context?: string }) {
  const headingId = useId()
  const [boxRef, available] = useWidth()
  const lans = topology.lans
  const wide = 20 + topology.hosts.length * (COL + GAP)
  // Side by side when every host fits (or before the first measurement); otherwise stacked.
  const stacked = available !== null && wide > available
  const atHost = at?.split(':')[0] ?? null
  // A hop's `at` is "machine:part" (host1:eth0, host1:web, host1:docker0); rules like host1:DOCKER light the host.
  const lit = (key: string) => at === key
  const layout = stacked ? stackedLayout(topology, Math.max(MIN_COL + lans.length * BUS_GAP + 20, available ?? 0)) : wideLayout(topology)
  const { width, height } = layout

  return (
    <section aria-labelledby={headingId} className="mt-4 rounded-md border border-slate-300 p-3 dark:border-slate-700">
      {/* The context goes in aria-label, not an sr-only span: that span is absolutely positioned, so Chrome's name
          computation treats it as a block and reads the name as "Topology : <challenge>". */}
      <h3 id={headingId} aria-label={context ? `Topology: ${context}` : undefined} className="font-semibold">
        Topology
      </h3>
      <div ref={boxRef} className="mt-2">
        <ScrollBox label="Topology diagram (scrolls sideways when wide)">
          <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-label={`Diagram: ${topology.hosts.length} machines on ${lans.map((l) => l.name).join(', ') || 'no LAN'}; the table below lists the same facts`} className="max-w-none font-mono text-[11px]">
            {topology.internet.length > 0 && (
              <g>
                <rect x={layout.internet.x} y={layout.internet.y} width={layout.internet.w} height={layout.internet.h} rx={16} className="fill-slate-100 stroke-slate-500 dark:fill-slate-800" />
                <BoxText box={layout.internet} indent={10} />
              </g>
            )}
            {topology.routers.map((r, i) => {
              const p = layout.router(i)
              return (
                <g key={r.name}>
                  <rect x={p.x} y={p.y} width={p.w} height={p.h} rx={4} className={lit(r.name) ? 'fill-sky-200 stroke-sky-700 dark:fill-sky-900' : 'fill-white stroke-slate-500 dark:fill-slate-900'} />
                  <BoxText box={p} indent={8} />
                  <line {...layout.routerLink(i, r.lan)} className="stroke-slate-500" />
                </g>
              )
            })}
            {lans.map((l) => (
              <g key={l.name}>
                <line {...layout.lanLine(l.name)} strokeWidth={3} className="stroke-emerald-600" />
                <text {...layout.lanLabel(l.name)} className="fill-current">LAN {l.name} {l.subnet}</text>
              </g>
            ))}
            {layout.hosts.map(({ h, x, y, col, rows }) => (
              <g key={h.name}>
                <rect x={x} y={y} width={col} height={hostHeight(rows)} rx={6} className={atHost === h.name ? 'fill-sky-50 stroke-sky-700 dark:fill-sky-950' : 'fill-white stroke-slate-500 dark:fill-slate-900'} strokeWidth={atHost === h.name ? 2 : 1} />
                <text x={x + 8} y={y + 16} className="fill-current font-bold">{h.name}{h.docker ? ' (Docker)' : ''}</text>
                {rows.map((r) => (
                  <g key={r.key}>
                    <rect x={x + 6} y={y + r.y} width={col - 12} height={boxHeight(r)} rx={3} className={lit(r.key) ? 'fill-sky-300 stroke-sky-800 dark:fill-sky-800' : r.kind === 'nic' ? 'fill-emerald-50 stroke-emerald-600 dark:fill-emerald-950' : r.kind === 'bridge' ? 'fill-amber-50 stroke-amber-600 dark:fill-amber-950' : r.kind === 'macvlan' ? 'fill-violet-50 stroke-violet-600 dark:fill-violet-950' : 'fill-slate-50 stroke-slate-500 dark:fill-slate-800'} />
                    {r.lines.map((line, i) => (
                      <text key={i} x={x + 10} y={y + r.y + 13 + i * LINE} className={i === 0 ? 'fill-current font-bold' : 'fill-current'}>
                        {line}
                      </text>
                    ))}
                  </g>
                ))}
                {h.nics.map((n, i) => (
                  <line key={n.name} {...layout.nicLink({ x, y, col, rows }, i, n.lan)} className="stroke-emerald-600" strokeDasharray={n.ip === null ? '3 3' : undefined} />
                ))}
              </g>
            ))}
            {topology.tunnels.map((t, i) => (
              <text key={t.network} x={10} y={height - 14 - (topology.tunnels.length - 1 - i) * 12} className="fill-current">
                {`VXLAN ${t.network} (VNI ${t.vni}, udp/${t.port}) between ${t.nodes.join(', ')}`}
              </text>
            ))}
          </svg>
        </ScrollBox>
      </div>
      <TopologyTable topology={topology} />
    </section>
  )
}

type Placed = { h: TopologyData['hosts'][number]; x: number; y: number; col: number; rows: Box[] }
type Seg = { x1: number; y1: number; x2: number; y2: number }
type Layout = {
  width: number
  height: number
  internet: LabelBox
  router: (i: number) => LabelBox
  routerLink: (i: number, lan: string) => Seg
  lanLine: (lan: string) => Seg
  lanLabel: (lan: string) => { x: number; y: number }
  hosts: Placed[]
  nicLink: (host: Omit<Placed, 'h'>, nic: number, lan: string) => Seg
}

/** Hosts side by side under horizontal LAN lines (wide screens). */
export function wideLayout(topology: TopologyData): Layout {
  const lans = topology.lans
  const top = topology.internet.length + topology.routers.length > 0 ? 56 : 8
  const lanY = (name: string) => top + 14 + lans.findIndex((l) => l.name === name) * LAN_GAP
  const hostTop = top + 14 + lans.length * LAN_GAP + 10
  const hosts = topology.hosts.map((h, i) => ({ h, x: 10 + i * (COL + GAP), y: hostTop, col: COL, rows: hostRows(h, COL) }))
  const tunnels = topology.tunnels.length * 12
  const height = hostTop + Math.max(60, ...hosts.map((x) => hostHeight(x.rows) + 10)) + (tunnels > 0 ? tunnels + 28 : 10)
  // The internet pill, then the routers in a row, each box as wide as its one-line label.
  const internet = labelBox(10, 6, internetLines(topology))
  let nextX = 10 + (topology.internet.length > 0 ? internet.w + 20 : 0)
  const routers = topology.routers.map((r) => {
    const box = labelBox(nextX, 6, routerLines(r))
    nextX += box.w + 10
    return box
  })
  const width = Math.max(320, 20 + hosts.length * (COL + GAP), nextX + 10)
  const routerMid = (i: number) => (routers[i]?.x ?? 0) + (routers[i]?.w ?? 0) / 2
  return {
    width,
    height,
    internet,
    router: (i) => routers[i] as LabelBox,
    routerLink: (i, lan) => ({ x1: routerMid(i), y1: 42, x2: routerMid(i), y2: lanY(lan) }),
    lanLine: (lan) => ({ x1: 4, y1: lanY(lan), x2: width - 4, y2: lanY(lan) }),
    lanLabel: (lan) => ({ x: 8, y: lanY(lan) - 4 }),
    hosts,
    // Down the host's right-hand margin, clear of its title, to the top of the NIC's row.
    nicLink: ({ x, y, col, rows }, i, lan) => ({ x1: x + col - 16 - i * 12, y1: lanY(lan), x2: x + col - 16 - i * 12, y2: y + (rows[i]?.y ?? ROW) }),
  }
}

/** Hosts one above the other, the LANs as vertical lines on the left (narrow screens). */
export function stackedLayout(topology: TopologyData, width: number): Layout {
  const lans = topology.lans
  const busX = (name: string) => 8 + lans.findIndex((l) => l.name === name) * BUS_GAP
  const left = 8 + lans.length * BUS_GAP + 8
  const col = width - left - 6
  // The LAN names first, one per line, each with a short stroke in the LAN line's colour.
  let y = 8
  const labelY = new Map(lans.map((l) => [l.name, (y += 16)]))
  y += 12
  const room = width - left - 6
  const internet = labelBox(left, y, internetLines(topology), room)
  if (topology.internet.length > 0) y += internet.h + 8
  const routers = topology.routers.map((r) => {
    const box = labelBox(left, y, routerLines(r), room)
    y += box.h + 8
    return box
  })
  const busTop = y - 4
  const hosts = topology.hosts.map((h) => {
    const rows = hostRows(h, col)
    const placed = { h, x: left, y, col, rows }
    y += hostHeight(rows) + 12
    return placed
  })
  const tunnels = topology.tunnels.length * 12
  const height = y + (tunnels > 0 ? tunnels + 16 : 0)
  const lastNicY = Math.max(busTop + 20, ...hosts.flatMap((p) => p.h.nics.map((_, i) => p.y + (p.rows[i]?.y ?? ROW) + 8)))
  return {
    width,
    height,
    internet,
    router: (i) => routers[i] as LabelBox,
    routerLink: (i, lan) => ({ x1: busX(lan), y1: (routers[i]?.y ?? 0) + 18, x2: left, y2: (routers[i]?.y ?? 0) + 18 }),
    lanLine: (lan) => ({ x1: busX(lan), y1: Math.min(busTop, (labelY.get(lan) ?? 0) + 4), x2: busX(lan), y2: lastNicY }),
    lanLabel: (lan) => ({ x: busX(lan) + 8, y: (labelY.get(lan) ?? 0) + 4 }),
    hosts,
    // Across from the LAN's line to the left edge of the NIC's row.
    nicLink: ({ x, y: top, rows }, i, lan) => ({ x1: busX(lan), y1: top + (rows[i]?.y ?? ROW) + 8, x2: x + 6, y2: top + (rows[i]?.y ?? ROW) + 8 }),
  }
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

/** A box's label lines, the first baseline where a one-line label's was. */
function BoxText({ box, indent }: { box: LabelBox; indent: number }) {
  return (
    <text x={box.x + indent} y={box.y + 22} className="fill-current">
      {box.lines.map((line, i) => (
        <tspan key={i} x={box.x + indent} dy={i === 0 ? 0 : LINE}>
          {/* A space ends each line but the last, so the text reads as one label when copied or searched. */}
          {i < box.lines.length - 1 ? `${line} ` : line}
        </tspan>
      ))}
    </text>
  )
}
