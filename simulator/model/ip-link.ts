// Applying the `ip` shim commands to a host: a macvlan interface on the same parent lets the host reach its own
// macvlan containers, which it cannot do through the parent itself (moby libnetwork docs/macvlan.md).
import type { IpCommand } from '../parse/ip-command'
import { err, ok, type Result } from '../result'
import { macFrom } from './ids'
import type { Host, World } from './types'
import { lanKeyOf, nextCounter, putHost } from './world'

export function applyIpCommand(world: World, host: Host, cmd: IpCommand): Result<World> {
  const nic = (name: string) => host.nics.find((n) => n.name === name)
  switch (cmd.kind) {
    case 'link-add': {
      const parent = nic(cmd.parent)
      if (parent === undefined) return err('no-device', `Cannot find device "${cmd.parent}"`)
      if (nic(cmd.name) !== undefined) return err('exists', 'RTNETLINK answers: File exists')
      const [w, n] = nextCounter(world)
      const shim = { name: cmd.name, kind: 'macvlan' as const, lan: parent.lan, ip: null, mac: macFrom(n), vlan: parent.vlan, link: parent.name }
      return ok(putHost(w, { ...host, nics: [...host.nics, shim] }))
    }
    case 'addr-add': {
      const dev = nic(cmd.dev)
      if (dev === undefined) return err('no-device', `Cannot find device "${cmd.dev}"`)
      if (dev.ip !== null) return err('exists', 'the simulator models one address per interface')
      const key = `${lanKeyOf(dev)}|${cmd.ip}`
      if (world.lanIndex.has(key)) return err('exists', `address ${cmd.ip} is already in use on ${dev.lan}`)
      const nics = host.nics.map((n) => (n.name === cmd.dev ? { ...n, ip: cmd.ip } : n))
      const w = putHost(world, { ...host, nics })
      return ok({ ...w, lanIndex: w.lanIndex.set(key, { kind: 'nic', host: host.name, nic: cmd.dev }) })
    }
    case 'link-up':
      return nic(cmd.name) === undefined ? err('no-device', `Cannot find device "${cmd.name}"`) : ok(world)
    case 'route-add':
      if (nic(cmd.dev) === undefined) return err('no-device', `Cannot find device "${cmd.dev}"`)
      return ok(putHost(world, { ...host, routes: [...host.routes, { to: cmd.to, dev: cmd.dev }] }))
  }
}
