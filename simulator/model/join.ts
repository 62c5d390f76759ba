// A machine joining a LAN of a running world: a plain host (no Docker, no services) with one NIC, as a laptop plugged
// in after the setup was made. The grader uses it to test "any machine that joins later": a rule written per machine
// present today does not cover it, a rule for the interface or subnet does.
import { err, ok, type Result } from '../result'
import { cidrContains, parseIpv4 } from '../parse/ip'
import { macFrom } from './ids'
import { lanKeyOf, nextCounter } from './world'
import type { Host, Nic, World } from './types'

export type Joiner = Readonly<{ name: string; lan: string; ip: string }>

export function joinMachine(world: World, joiner: Joiner): Result<World> {
  const lan = world.lans.get(joiner.lan)
  if (lan === undefined) return err('no-such-lan', `there is no LAN named "${joiner.lan}"`)
  const ip = parseIpv4(joiner.ip)
  if (!ip.ok) return ip
  if (!cidrContains(lan.subnet, ip.value)) return err('ip-not-in-lan', `${joiner.ip} is not in ${joiner.lan} (${lan.subnet.text})`)
  if (world.hosts.get(joiner.name) !== undefined || world.routers.some((r) => r.name === joiner.name) || world.internet.some((h) => h.name === joiner.name)) {
    return err('name-taken', `a machine named "${joiner.name}" already exists`)
  }
  const [w, n] = nextCounter(world)
  const nic: Nic = { name: 'eth0', kind: 'physical', lan: joiner.lan, ip: ip.value, mac: macFrom(300000 + n), vlan: null, link: null, up: true, mode: null }
  const key = `${lanKeyOf(nic)}|${ip.value}`
  if (w.lanIndex.get(key) !== undefined) return err('ip-taken', `${joiner.ip} is already in use on ${joiner.lan}`)
  const host: Host = {
    name: joiner.name,
    docker: false,
    nics: [nic],
    services: [],
    engine: null,
    chains: { INPUT: [], FORWARD: [], OUTPUT: [], 'DOCKER-USER': [], 'raw PREROUTING': [], 'mangle PREROUTING': [] },
    forwardAppended: [],
    routes: [],
    seq: w.hostOrder.length,
  }
  return ok({ ...w, hosts: w.hosts.set(host.name, host), hostOrder: [...w.hostOrder, host.name], lanIndex: w.lanIndex.set(key, { kind: 'nic', host: host.name, nic: nic.name }) })
}
