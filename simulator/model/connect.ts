// docker network connect / disconnect (facts 13, 14): attaching a container to one more network at run time.
import type { DockerCommand } from '../parse/docker-command'
import { err, ok } from '../result'
import { attachEndpoint, detachEndpoint } from './endpoints'
import { validateEndpointSettings } from './endpoint-settings'
import type { Change } from './networks'
import type { Host, World } from './types'
import { findContainer, findNetwork, putContainer } from './world'

type ConnectCmd = Extract<DockerCommand, { kind: 'network-connect' }>
type DisconnectCmd = Extract<DockerCommand, { kind: 'network-disconnect' }>

export function connectNetwork(world: World, host: Host, cmd: ConnectCmd): Change {
  const net = findNetwork(world, host.name, cmd.network)
  const c = findContainer(world, host.name, cmd.container)
  if (net === undefined) {
    // For a stopped container the daemon only records the name; it is resolved at start (daemon ConnectToNetwork).
    if (c !== undefined && c.state !== 'running' && c.netMode.kind === 'default') {
      return ok({ world: putContainer(world, { ...c, attachments: [...c.attachments, { netId: `missing:${cmd.network}`, ip: cmd.ip, aliases: cmd.aliases }] }), output: '' })
    }
    return err('no-such-network', `network ${cmd.network} not found`)
  }
  if (c === undefined) return err('no-such-container', `No such container: ${cmd.container}`)
  if (net.driver === 'host') return err('bad-netmode', 'cannot connect container to host network - container must be created in host network mode')
  if (c.netMode.kind === 'none') return err('bad-netmode', 'container cannot be connected to multiple networks with one of the networks in private (none) mode')
  if (c.netMode.kind !== 'default' || net.driver === 'null') {
    return err('bad-netmode', 'container sharing network namespace with another container or host cannot be connected to any other network')
  }
  if (c.attachments.some((a) => a.netId === net.id)) return err('already-connected', `endpoint with name ${c.name} already exists in network ${net.name}`)
  const settings = validateEndpointSettings(net, cmd.ip, cmd.aliases, 'connect')
  if (!settings.ok) return settings
  if (net.scope === 'swarm' && !net.attachable) {
    return err('not-attachable', `Could not attach to network ${cmd.network}: rpc error: code = PermissionDenied desc = network ${cmd.network} not manually attachable`)
  }
  const attachments = [...c.attachments, { netId: net.id, ip: cmd.ip, aliases: cmd.aliases }]
  if (c.state !== 'running') return ok({ world: putContainer(world, { ...c, attachments }), output: '' })
  const r = attachEndpoint(world, c, net.id, cmd.ip, cmd.aliases)
  if (!r.ok) return r
  const updated = { ...c, attachments, endpoints: [...c.endpoints, { netId: net.id, ip: r.value.ip, mac: r.value.mac }] }
  return ok({ world: putContainer(r.value.world, updated), output: '' })
}

export function disconnectNetwork(world: World, host: Host, cmd: DisconnectCmd): Change {
  const net = findNetwork(world, host.name, cmd.network)
  if (net === undefined) return err('no-such-network', `network ${cmd.network} not found`)
  const c = findContainer(world, host.name, cmd.container)
  if (c === undefined) return err('no-such-container', `No such container: ${cmd.container}`)
  if (!c.attachments.some((a) => a.netId === net.id)) return err('not-connected', `container ${c.id} is not connected to network ${net.name}`)
  const w = c.state === 'running' ? detachEndpoint(world, c, net.id) : world
  const updated = { ...c, attachments: c.attachments.filter((a) => a.netId !== net.id), endpoints: c.endpoints.filter((e) => e.netId !== net.id) }
  return ok({ world: putContainer(w, updated), output: '' })
}
