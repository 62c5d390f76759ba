// The swarm ingress routing mesh (facts 59): a published service port is open on every node; nat DOCKER-INGRESS
// DNATs to the node's ingress-sbox, IPVS picks a task and the ingress overlay carries it (VXLAN) to that task.
import type { Ipv4 } from '../parse/ip'
import type { Host } from '../model/types'
import { arriveContainer } from './container-path'
import { end, hop, type Ctx, type End, type Pkt } from './context'
import { userChain } from './chains'
import { label, pickTask } from './tasks'
import { crossUnderlay, VXLAN_PORT, vxlanOuter } from './vxlan'

export function ingressPath(ctx: Ctx, host: Host, p: Pkt, inIf: string): End | null {
  const swarm = ctx.world.swarm
  if (swarm === null || host.engine?.swarm == null || p.proto === 'icmp') return null
  const svc = [...swarm.services.values()].find((s) => s.publish.some((q) => q.mode === 'ingress' && q.hostPort === p.dport && q.proto === p.proto))
  if (svc === undefined) return null
  const port = svc.publish.find((q) => q.mode === 'ingress' && q.hostPort === p.dport && q.proto === p.proto) as NonNullable<(typeof svc.publish)[number]>
  const ingress = [...swarm.networks.values()].find((n) => n.ingress)
  hop(ctx, 'docker-dnat', `${host.name}:nat DOCKER-INGRESS`, p, `DNAT ${p.dst}:${p.dport} -> ingress-sbox (service ${svc.name}, published on every node)`)
  if (inIf !== 'lo') {
    const user = userChain(ctx, host, 'DOCKER-USER', p, inIf, 'docker_gwbridge')
    if (user !== null && user !== 'accept') return user
  }
  const task = pickTask(ctx, svc)
  const chosen = task === null ? null : { h: task.host, c: task.c }
  const ip = chosen?.c.endpoints.find((e) => e.netId === ingress?.id)?.ip
  if (chosen === null || ip === undefined || ingress === undefined) {
    hop(ctx, 'ipvs', `${host.name}:ipvs`, p, `IPVS has no running task of ${svc.name}`)
    return end('timeout', { kind: 'ingress-no-task', service: svc.name, port: p.dport })
  }
  const q: Pkt = { ...p, src: '10.0.0.2' as Ipv4, dst: ip, dport: port.containerPort }
  hop(ctx, 'ipvs', `${host.name}:ingress-sbox`, q, `IPVS (round robin) picks task ${label(chosen.c)} at ${ip}:${port.containerPort}; source becomes the ingress address`)
  if (chosen.h.name !== host.name) {
    const encap = { src: host.nics[0]?.ip ?? '', dst: chosen.h.nics[0]?.ip ?? '', proto: 'udp' as const, dport: VXLAN_PORT, vni: ingress.vni ?? 4096 }
    hop(ctx, 'overlay', `${host.name}:vxlan`, { ...q, encap }, `VXLAN over the ingress overlay to ${chosen.h.name}`)
    const outer = vxlanOuter(encap.src as Ipv4, encap.dst as Ipv4)
    const dropped = crossUnderlay(ctx, host, host.nics[0]?.name ?? null, chosen.h, chosen.h.nics[0]?.name ?? null, outer)
    if (dropped !== null) {
      return end('timeout', { kind: 'ingress-vxlan-dropped', chain: dropped, host: dropped === 'OUTPUT' ? host.name : chosen.h.name, task: label(chosen.c), node: chosen.h.name })
    }
  }
  return arriveContainer(ctx, chosen.h, chosen.c, q)
}
