// The scenario file format (issue 3), with the router/internet extension. This zod schema is the source of truth
// that simulator/README.md describes. Cross-field checks (a NIC on an unknown LAN, duplicate names) live here too,
// so that everything after parse/ can trust the scenario.
import { z } from 'zod'
import { formatZodPath } from './zod-path'
import { cidrContains, parseCidr, parseIpv4, type Ipv4 } from './ip'

const NameSchema = z
  .string()
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, 'must be a name of letters, digits, "_", "." or "-"')

const Ipv4Schema = z.string().refine((s) => parseIpv4(s).ok, { message: 'is not an IPv4 address' })
const CidrSchema = z.string().refine((s) => parseCidr(s).ok, { message: 'is not a CIDR prefix like 10.0.0.0/24' })
const PortSchema = z.number().int().min(1).max(65535)
const ServiceSchema = z.object({ port: PortSchema, proto: z.enum(['tcp', 'udp']).default('tcp') }).strict()

export const LanSchema = z.object({ name: NameSchema, subnet: CidrSchema, gateway: Ipv4Schema.optional() }).strict()

export const NicSchema = z
  .object({ name: NameSchema, lan: NameSchema, ip: Ipv4Schema, mac: z.string().regex(/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/).optional() })
  .strict()

export const HostSchema = z
  .object({
    name: NameSchema,
    docker: z.boolean().default(false),
    nics: z.array(NicSchema).min(1, 'a host needs at least one NIC'),
    services: z.array(ServiceSchema).default([]),
  })
  .strict()

// Extension: a home/office router joining one LAN to the internet, with NAT for the LAN and port forwards.
export const PortForwardSchema = z
  .object({ port: PortSchema, proto: z.enum(['tcp', 'udp']).default('tcp'), to: Ipv4Schema, toPort: PortSchema.optional() })
  .strict()

export const RouterSchema = z
  .object({ name: NameSchema, lan: NameSchema, ip: Ipv4Schema, publicIp: Ipv4Schema, forwards: z.array(PortForwardSchema).default([]) })
  .strict()

// Extension: machines on the internet (clients to probe from, servers for containers to reach).
export const InternetHostSchema = z
  .object({ name: NameSchema, ip: Ipv4Schema, services: z.array(ServiceSchema).default([]) })
  .strict()

export const StepSchema = z.object({ on: NameSchema, run: z.string().min(1) }).strict()
export const ProbeSchema = z.object({ from: NameSchema, run: z.string().min(1) }).strict()

export const ScenarioSchema = z
  .object({
    lans: z.array(LanSchema).default([]),
    hosts: z.array(HostSchema).default([]),
    routers: z.array(RouterSchema).default([]),
    internet: z.array(InternetHostSchema).default([]),
    steps: z.array(StepSchema).default([]),
    probes: z.array(ProbeSchema).default([]),
  })
  .strict()
  .superRefine((s, ctx) => {
    const lans = new Map(s.lans.map((l) => [l.name, l]))
    const seen = new Set<string>()
    const claim = (name: string, path: (string | number)[]) => {
      if (seen.has(name)) ctx.addIssue({ code: 'custom', path, message: `name "${name}" is used twice` })
      seen.add(name)
    }
    s.lans.forEach((lan, i) => {
      const subnet = parseCidr(lan.subnet)
      if (lan.gateway !== undefined && subnet.ok && !cidrContains(subnet.value, lan.gateway as Ipv4)) {
        ctx.addIssue({ code: 'custom', path: ['lans', i, 'gateway'], message: `${lan.gateway} is outside ${lan.subnet}` })
      }
    })
    const checkLanIp = (lanName: string, ip: string, path: (string | number)[]) => {
      const lan = lans.get(lanName)
      if (lan === undefined) {
        ctx.addIssue({ code: 'custom', path: [...path.slice(0, -1), 'lan'], message: `no LAN named "${lanName}"` })
        return
      }
      const subnet = parseCidr(lan.subnet)
      if (subnet.ok && parseIpv4(ip).ok && !cidrContains(subnet.value, ip as Ipv4)) {
        ctx.addIssue({ code: 'custom', path, message: `${ip} is outside LAN ${lanName} (${lan.subnet})` })
      }
    }
    s.hosts.forEach((h, i) => {
      claim(h.name, ['hosts', i, 'name'])
      h.nics.forEach((n, j) => checkLanIp(n.lan, n.ip, ['hosts', i, 'nics', j, 'ip']))
    })
    s.routers.forEach((r, i) => {
      claim(r.name, ['routers', i, 'name'])
      checkLanIp(r.lan, r.ip, ['routers', i, 'ip'])
    })
    s.internet.forEach((h, i) => claim(h.name, ['internet', i, 'name']))
    s.steps.forEach((st, i) => {
      if (!s.hosts.some((h) => h.name === st.on)) ctx.addIssue({ code: 'custom', path: ['steps', i, 'on'], message: `no host named "${st.on}"` })
    })
    s.probes.forEach((p, i) => {
      if (!seen.has(p.from)) ctx.addIssue({ code: 'custom', path: ['probes', i, 'from'], message: `no host named "${p.from}"` })
    })
  })

export type Scenario = z.infer<typeof ScenarioSchema>
export type ScenarioInput = z.input<typeof ScenarioSchema>
export type Lan = z.infer<typeof LanSchema>
export type HostSpec = z.infer<typeof HostSchema>

export function formatIssue(issue: { path: readonly PropertyKey[]; message: string }, input: unknown): string {
  let value: unknown = input
  for (const p of issue.path) value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[p] : undefined
  const shown = typeof value === 'string' || typeof value === 'number' ? ` ${JSON.stringify(value)}` : ''
  return `${formatZodPath(issue.path) || '(root)'}:${shown} ${issue.message}`
}
