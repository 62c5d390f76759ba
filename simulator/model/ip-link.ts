// Applying `ip` commands to a host: a macvlan interface on the same parent lets the host reach its own macvlan
// containers, which it cannot do through the parent itself (moby libnetwork docs/macvlan.md), if it is in bridge mode
// and up. Links start down (the kernel creates them without IFF_UP); a down link's routes are flushed and it neither
// sends nor answers. `ip link|addr|route show` print the host's links, addresses and routes as iproute2 does.
import { cidrContains, type Cidr } from '../parse/ip'
import type { IpCommand } from '../parse/ip-command'
import { err, ok, type Result } from '../result'
import { macFrom } from './ids'
import type { Host, Nic, World } from './types'
import { lanKeyOf, nextCounter, putHost } from './world'

export type IpApplied = Readonly<{ world: World; output: string }>

const noDevice = (name: string) => err('no-device', `Cannot find device "${name}"`)

function withoutAddress(world: World, nic: Nic): World {
  return nic.ip === null ? world : { ...world, lanIndex: world.lanIndex.delete(`${lanKeyOf(nic)}|${nic.ip}`) }
}

function apply(world: World, host: Host, cmd: Exclude<IpCommand, { kind: 'show' }>): Result<World> {
  const nic = (name: string) => host.nics.find((n) => n.name === name)
  switch (cmd.kind) {
    case 'link-add': {
      const parent = nic(cmd.parent)
      if (parent === undefined) return noDevice(cmd.parent)
      if (nic(cmd.name) !== undefined) return err('exists', 'RTNETLINK answers: File exists')
      const [w, n] = nextCounter(world)
      const shim: Nic = { name: cmd.name, kind: 'macvlan', lan: parent.lan, ip: null, mac: macFrom(n), vlan: parent.vlan, link: parent.name, up: false, mode: cmd.mode }
      return ok(putHost(w, { ...host, nics: [...host.nics, shim] }))
    }
    case 'link-set': {
      const dev = nic(cmd.name)
      if (dev === undefined) return noDevice(cmd.name)
      const nics = host.nics.map((n) => (n.name === cmd.name ? { ...n, up: cmd.up } : n))
      // Taking a link down flushes every route through it (fib_sync_down_dev); they do not come back with `up`.
      const routes = cmd.up ? host.routes : host.routes.filter((r) => r.dev !== cmd.name)
      return ok(putHost(world, { ...host, nics, routes }))
    }
    case 'link-del': {
      const dev = nic(cmd.name)
      if (dev === undefined) return noDevice(cmd.name)
      if (dev.kind !== 'macvlan') return err('unsupported', 'RTNETLINK answers: Operation not supported')
      const w = withoutAddress(world, dev)
      return ok(putHost(w, { ...host, nics: host.nics.filter((n) => n !== dev), routes: host.routes.filter((r) => r.dev !== cmd.name) }))
    }
    case 'addr-add': {
      const dev = nic(cmd.dev)
      if (dev === undefined) return noDevice(cmd.dev)
      if (dev.ip === cmd.ip) return err('exists', 'RTNETLINK answers: File exists')
      if (dev.ip !== null) return err('exists', `the simulator models one address per interface (${cmd.dev} has ${dev.ip}; ip addr del it first)`)
      const key = `${lanKeyOf(dev)}|${cmd.ip}`
      if (world.lanIndex.has(key)) return err('exists', `address ${cmd.ip} is already in use on ${dev.lan}`)
      const nics = host.nics.map((n) => (n.name === cmd.dev ? { ...n, ip: cmd.ip } : n))
      const w = putHost(world, { ...host, nics })
      return ok({ ...w, lanIndex: w.lanIndex.set(key, { kind: 'nic', host: host.name, nic: cmd.dev }) })
    }
    case 'addr-del': {
      const dev = nic(cmd.dev)
      if (dev === undefined) return noDevice(cmd.dev)
      if (dev.ip !== cmd.ip) return err('no-address', 'RTNETLINK answers: Cannot assign requested address')
      const w = withoutAddress(world, dev)
      return ok(putHost(w, { ...host, nics: host.nics.map((n) => (n === dev ? { ...n, ip: null } : n)) }))
    }
    case 'route-add': {
      const dev = nic(cmd.dev)
      if (dev === undefined) return noDevice(cmd.dev)
      // fib_check_nh_nongw: ENETDOWN with this extack message, which ip prints as "Error: …".
      if (!dev.up) return err('link-down', 'Error: Device for nexthop is not up.')
      const others = host.routes.filter((r) => r.to.text !== cmd.to.text)
      if (others.length < host.routes.length && !cmd.replace) return err('exists', 'RTNETLINK answers: File exists')
      return ok(putHost(world, { ...host, routes: [...others, { to: cmd.to, dev: cmd.dev }] }))
    }
    case 'route-del': {
      const found = host.routes.find((r) => r.to.text === cmd.to.text && (cmd.dev === null || r.dev === cmd.dev))
      if (found === undefined) return err('no-route', 'RTNETLINK answers: No such process')
      return ok(putHost(world, { ...host, routes: host.routes.filter((r) => r !== found) }))
    }
  }
}

type Link = Readonly<{ name: string; flags: string; state: string; qdisc: string; mac: string; addr: string | null; parent: string | null; loopback: boolean }>

function linksOf(world: World, host: Host): Link[] {
  const links: Link[] = [{ name: 'lo', flags: 'LOOPBACK,UP,LOWER_UP', state: 'UNKNOWN', qdisc: 'noqueue', mac: '00:00:00:00:00:00', addr: '127.0.0.1/8 scope host lo', parent: null, loopback: true }]
  for (const n of host.nics) {
    const lan = world.lans.get(n.lan)
    const len = n.kind === 'macvlan' ? 32 : (lan?.subnet.prefix ?? 32)
    const brd = len < 31 && lan !== undefined && n.kind !== 'macvlan' ? ` brd ${broadcastOf(lan.subnet)}` : ''
    links.push({
      name: n.name,
      flags: n.up ? 'BROADCAST,MULTICAST,UP,LOWER_UP' : 'BROADCAST,MULTICAST',
      state: n.up ? 'UP' : 'DOWN',
      qdisc: n.up ? (n.kind === 'physical' ? 'fq_codel' : 'noqueue') : 'noop',
      mac: n.mac,
      addr: n.ip === null ? null : `${n.ip}/${len}${brd} scope global ${n.name}`,
      parent: n.link,
      loopback: false,
    })
  }
  for (const net of host.engine?.networks.values() ?? []) {
    if (net.driver !== 'bridge' || net.bridge === null || net.subnet === null || net.gateway === null) continue
    const used = net.endpoints.values().length > 0
    links.push({
      name: net.bridge,
      flags: used ? 'BROADCAST,MULTICAST,UP,LOWER_UP' : 'NO-CARRIER,BROADCAST,MULTICAST,UP',
      state: used ? 'UP' : 'DOWN',
      qdisc: 'noqueue',
      mac: macFrom(200000 + net.seq),
      addr: `${net.gateway}/${net.subnet.prefix} brd ${broadcastOf(net.subnet)} scope global ${net.bridge}`,
      parent: null,
      loopback: false,
    })
  }
  return links
}

function broadcastOf(c: Cidr): string {
  const last = c.base + 2 ** (32 - c.prefix) - 1
  return [24, 16, 8, 0].map((s) => (last >>> s) & 255).join('.')
}

function formatLinks(world: World, host: Host, object: 'link' | 'addr', dev: string | null): Result<string> {
  const all = linksOf(world, host)
  const shown = dev === null ? all : all.filter((l) => l.name === dev)
  if (dev !== null && shown.length === 0) return err('no-device', `Device "${dev}" does not exist.`)
  const lines: string[] = []
  for (const l of shown) {
    const i = all.indexOf(l) + 1
    const name = l.parent === null ? l.name : `${l.name}@${l.parent}`
    const mtu = l.loopback ? 65536 : 1500
    const mode = object === 'link' ? 'mode DEFAULT ' : ''
    lines.push(`${i}: ${name}: <${l.flags}> mtu ${mtu} qdisc ${l.qdisc} state ${l.state} ${mode}group default qlen 1000`)
    lines.push(l.loopback ? '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00' : `    link/ether ${l.mac} brd ff:ff:ff:ff:ff:ff`)
    if (object === 'addr' && l.addr !== null) lines.push(`    inet ${l.addr}`, '       valid_lft forever preferred_lft forever')
  }
  return ok(lines.join('\n'))
}

/** The main routing table as `ip route` prints it: default first, then by address; connected routes only for up links. */
function formatRoutes(world: World, host: Host, dev: string | null): string {
  const rows: { cidr: Cidr; text: string }[] = []
  let defaultRoute: string | null = null
  for (const n of host.nics) {
    const lan = world.lans.get(n.lan)
    if (!n.up || n.ip === null || lan === undefined) continue
    if (n.kind === 'macvlan') continue // a /32 address adds no prefix route
    rows.push({ cidr: lan.subnet, text: `${lan.subnet.text} dev ${n.name} proto kernel scope link src ${n.ip}` })
    if (defaultRoute === null && lan.gateway !== null && cidrContains(lan.subnet, lan.gateway)) defaultRoute = `default via ${lan.gateway} dev ${n.name}`
  }
  for (const net of host.engine?.networks.values() ?? []) {
    if (net.driver !== 'bridge' || net.bridge === null || net.subnet === null || net.gateway === null) continue
    const down = net.endpoints.values().length === 0 ? ' linkdown' : ''
    rows.push({ cidr: net.subnet, text: `${net.subnet.text} dev ${net.bridge} proto kernel scope link src ${net.gateway}${down}` })
  }
  for (const r of host.routes) rows.push({ cidr: r.to, text: `${r.to.text} dev ${r.dev} scope link` })
  rows.sort((a, b) => a.cidr.base - b.cidr.base || a.cidr.prefix - b.cidr.prefix)
  const all = [...(defaultRoute === null ? [] : [defaultRoute]), ...rows.map((r) => r.text)]
  return (dev === null ? all : all.filter((t) => t.includes(` dev ${dev} `) || t.endsWith(` dev ${dev}`)).map((t) => t.replace(` dev ${dev}`, ''))).join('\n')
}

export function applyIpCommand(world: World, host: Host, cmd: IpCommand): Result<IpApplied> {
  if (cmd.kind === 'show') {
    if (cmd.object === 'route') return ok({ world, output: formatRoutes(world, host, cmd.dev) })
    const listed = formatLinks(world, host, cmd.object, cmd.dev)
    return listed.ok ? ok({ world, output: listed.value }) : listed
  }
  const next = apply(world, host, cmd)
  return next.ok ? ok({ world: next.value, output: '' }) : next
}

