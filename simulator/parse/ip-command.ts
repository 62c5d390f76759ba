// The small `ip` (iproute2) subset for the macvlan "shim" workaround (facts 51):
//   ip link add mac0 link eth0 type macvlan mode bridge | ip addr add 10.77.0.223/32 dev mac0
//   ip link set mac0 up | ip route add 10.77.0.192/27 dev mac0
import { err, ok, type Result } from '../result'
import { splitArgv } from './argv'
import { parseCidr, type Cidr, type Ipv4 } from './ip'

export type IpCommand =
  | Readonly<{ kind: 'link-add'; name: string; parent: string }>
  | Readonly<{ kind: 'addr-add'; ip: Ipv4; dev: string }>
  | Readonly<{ kind: 'link-up'; name: string }>
  | Readonly<{ kind: 'route-add'; to: Cidr; dev: string }>

const USAGE = 'the simulator supports: ip link add NAME link PARENT type macvlan mode bridge | ip addr add IP/LEN dev NAME | ip link set NAME up | ip route add CIDR dev NAME'

export function parseIpCommand(line: string): Result<IpCommand> {
  const argv = splitArgv(line)
  if (!argv.ok) return argv
  const a = argv.value
  const at = (i: number) => a[i] ?? ''
  if (at(0) !== 'ip') return err('usage', `not an ip command: ${line}`)
  if (at(1) === 'link' && at(2) === 'add' && at(4) === 'link' && at(6) === 'type') {
    if (at(7) !== 'macvlan') return err('usage', `ip: the simulator models only macvlan links, not "${at(7)}"`)
    if (a.length > 8 && !(at(8) === 'mode' && at(9) === 'bridge')) return err('usage', 'ip: the shim must be a macvlan in bridge mode (mode bridge)')
    return ok({ kind: 'link-add', name: at(3), parent: at(5) })
  }
  if ((at(1) === 'addr' || at(1) === 'address' || at(1) === 'a') && at(2) === 'add' && at(4) === 'dev') {
    const cidr = parseCidr(at(3).includes('/') ? at(3) : `${at(3)}/32`)
    if (!cidr.ok) return err('usage', `Error: any valid prefix is expected rather than "${at(3)}".`)
    return ok({ kind: 'addr-add', ip: at(3).split('/')[0] as Ipv4, dev: at(5) })
  }
  if (at(1) === 'link' && at(2) === 'set' && at(4) === 'up') return ok({ kind: 'link-up', name: at(3) })
  if (at(1) === 'route' && at(2) === 'add' && at(4) === 'dev') {
    const cidr = parseCidr(at(3).includes('/') ? at(3) : `${at(3)}/32`)
    if (!cidr.ok) return err('usage', `Error: any valid prefix is expected rather than "${at(3)}".`)
    return ok({ kind: 'route-add', to: cidr.value, dev: at(5) })
  }
  return err('usage', USAGE)
}
