// `-p/--publish` in every form the docker CLI accepts (github.com/docker/go-connections nat.ParsePortSpec, and the
// long CSV syntax of opts.PortOpt): 8080:80, 127.0.0.1:8080:80, IP::80, 80, 8000-8001:80-81, 53/udp,
// published=8080,target=80,protocol=udp,mode=host.
import { err, ok, type Result } from '../result'
import { parseIpv4, type Ipv4 } from './ip'

export type Proto = 'tcp' | 'udp'
export type PortSpec = Readonly<{
  hostIp: Ipv4 | null // null = every address (0.0.0.0 and ::)
  hostPort: number | null // null = dynamic (ephemeral range)
  // `-p 8080-8085:80`: a pool; the container takes the first free port from hostPort to hostPortEnd.
  hostPortEnd?: number
  containerPort: number
  proto: Proto
  mode: 'ingress' | 'host'
}>

function parseRange(text: string, what: string): Result<[number, number]> {
  const m = /^(\d+)(?:-(\d+))?$/.exec(text)
  const lo = m ? Number(m[1]) : NaN
  const hi = m?.[2] !== undefined ? Number(m[2]) : lo
  if (!m || lo < 1 || hi > 65535 || hi < lo) return err('invalid-port', `invalid ${what}: ${text}`)
  return ok([lo, hi])
}

function parseProto(text: string): Result<Proto> {
  const p = text.toLowerCase()
  if (p === 'tcp' || p === 'udp') return ok(p)
  return err('invalid-port', `invalid proto: ${text}`)
}

function parseLong(text: string): Result<PortSpec[]> {
  let target: number | null = null
  let published: number | null = null
  let proto: Proto = 'tcp'
  let mode: 'ingress' | 'host' = 'ingress'
  let hostIp: Ipv4 | null = null
  for (const part of text.split(',')) {
    const [k, v = ''] = part.split('=', 2) as [string, string | undefined]
    const key = k.trim().toLowerCase()
    if (key === 'target' || key === 'published') {
      const r = parseRange(v, key === 'target' ? 'containerPort' : 'hostPort')
      if (!r.ok) return r
      if (key === 'target') target = r.value[0]
      else published = r.value[0]
    } else if (key === 'protocol') {
      const r = parseProto(v)
      if (!r.ok) return r
      proto = r.value
    } else if (key === 'mode') {
      if (v !== 'ingress' && v !== 'host') return err('invalid-port', `invalid publish mode value (${v}): must be either "ingress" or "host"`)
      mode = v
    } else if (key === 'host_ip') {
      const r = parseIpv4(v)
      if (!r.ok) return err('invalid-port', `invalid host_ip: ${v}`)
      hostIp = r.value
    } else return err('invalid-port', `invalid field key ${key}`)
  }
  if (target === null) return err('invalid-port', 'missing mandatory field "target"')
  return ok([{ hostIp, hostPort: published, containerPort: target, proto, mode }])
}

export function parsePortSpec(text: string): Result<PortSpec[]> {
  if (text.includes('=')) return parseLong(text)
  const slash = text.lastIndexOf('/')
  const protoRes = slash >= 0 ? parseProto(text.slice(slash + 1)) : ok<Proto>('tcp')
  if (!protoRes.ok) return protoRes
  const body = slash >= 0 ? text.slice(0, slash) : text
  const parts = body.split(':')
  if (parts.length > 3) return err('invalid-port', `invalid port format: ${text}`)
  const [ipText, hostText, ctrText] =
    parts.length === 3 ? parts : parts.length === 2 ? ['', parts[0], parts[1]] : ['', '', parts[0]]
  let hostIp: Ipv4 | null = null
  if (ipText !== '' && ipText !== undefined) {
    const r = parseIpv4(ipText)
    if (!r.ok) return err('invalid-port', `invalid IP address: ${ipText}`)
    hostIp = ipText === '0.0.0.0' ? null : r.value
  }
  const ctr = parseRange(ctrText ?? '', 'containerPort')
  if (!ctr.ok) return ctr
  const [clo, chi] = ctr.value
  if (hostText === undefined || hostText === '') {
    const specs: PortSpec[] = []
    for (let p = clo; p <= chi; p++) specs.push({ hostIp, hostPort: null, containerPort: p, proto: protoRes.value, mode: 'ingress' })
    return ok(specs)
  }
  const host = parseRange(hostText, 'hostPort')
  if (!host.ok) return host
  const [hlo, hhi] = host.value
  if (hhi - hlo !== chi - clo && chi !== clo) {
    return err('invalid-port', `invalid ranges specified for container and host Ports: ${ctrText} and ${hostText}`)
  }
  const specs: PortSpec[] = []
  for (let p = clo; p <= chi; p++) {
    // A container port range maps 1:1; a single container port with a host range takes the first free host port.
    const pool = chi === clo && hhi !== hlo
    const hp = pool ? hlo : hlo + (p - clo)
    specs.push({ hostIp, hostPort: hp, ...(pool ? { hostPortEnd: hhi } : {}), containerPort: p, proto: protoRes.value, mode: 'ingress' })
  }
  return ok(specs)
}

export function formatPortSpec(s: PortSpec): string {
  const ip = s.hostIp === null ? '' : `${s.hostIp}:`
  const host = s.hostPort === null ? (ip === '' ? '' : ':') : `${s.hostPort}:`
  return `${ip}${host}${s.containerPort}/${s.proto}`
}
