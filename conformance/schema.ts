/**
 * zod schemas for the two files the suite keeps: scenarios (the issue's world/steps/probes format, checked
 * strictly so a typo in a scenario fails loudly) and recordings (what the real engine did).
 */
import { z } from 'zod'
import { formatZodPath, OutcomeSchema } from '../simulator'

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/

export const Ipv4Schema = z.string().regex(IPV4, 'is not an IPv4 address')
export const CidrSchema = z.string().refine((s) => {
  const [ip, len, extra] = s.split('/')
  return extra === undefined && ip !== undefined && IPV4.test(ip) && /^\d+$/.test(len ?? '') && Number(len) <= 32
}, 'is not an IPv4 CIDR like 10.77.0.0/24')

export const LanSchema = z.strictObject({ name: z.string().regex(/^[a-z0-9][a-z0-9-]{0,14}$/), subnet: CidrSchema, gateway: Ipv4Schema.optional() })
export const NicSchema = z.strictObject({ name: z.string().regex(/^[a-z][a-z0-9]{0,9}$/), lan: z.string(), ip: Ipv4Schema, mac: z.string().optional() })
export const ServiceSchema = z.strictObject({ port: z.number().int().min(1).max(65535) })
export const HostSchema = z.strictObject({
  name: z.string().regex(/^[a-z][a-z0-9-]{0,14}$/),
  docker: z.boolean(),
  nics: z.array(NicSchema).min(1),
  services: z.array(ServiceSchema).optional(),
})
export const StepSchema = z.strictObject({ on: z.string(), run: z.string().min(1) })
export const ProbeSchema = z.strictObject({ from: z.string(), run: z.string().min(1) })

export const ScenarioSchema = z
  .strictObject({
    lans: z.array(LanSchema).min(1),
    hosts: z.array(HostSchema).min(1),
    steps: z.array(StepSchema),
    probes: z.array(ProbeSchema).min(1),
  })
  .superRefine((s, ctx) => {
    const lans = new Set(s.lans.map((l) => l.name))
    const hosts = new Set(s.hosts.map((h) => h.name))
    s.hosts.forEach((h, hi) =>
      h.nics.forEach((n, ni) => {
        if (!lans.has(n.lan)) ctx.addIssue({ code: 'custom', path: ['hosts', hi, 'nics', ni, 'lan'], message: `no LAN named "${n.lan}"` })
      }),
    )
    s.steps.forEach((st, i) => {
      if (!hosts.has(st.on)) ctx.addIssue({ code: 'custom', path: ['steps', i, 'on'], message: `no host named "${st.on}"` })
    })
    s.probes.forEach((p, i) => {
      if (!hosts.has(p.from)) ctx.addIssue({ code: 'custom', path: ['probes', i, 'from'], message: `no host named "${p.from}"` })
    })
  })
export type Scenario = z.infer<typeof ScenarioSchema>
export type Host = z.infer<typeof HostSchema>

// The simulator's own outcome vocabulary: a recording and a probe result are compared outcome for outcome.
export { OutcomeSchema, type Outcome } from '../simulator'

export const AnsweredBySchema = z.strictObject({
  host: z.string(),
  container: z.string().nullable(),
  port: z.number().int().nullable().optional(),
})
export type AnsweredBy = z.infer<typeof AnsweredBySchema>

// listing: for docker ps / docker network ls / iptables -S steps, the printed text as listing.ts normalises it.
export const RecordedStepSchema = z.strictObject({ ok: z.boolean(), error: z.string().optional(), warning: z.string().optional(), listing: z.string().optional() })
export type RecordedStep = z.infer<typeof RecordedStepSchema>

export const RecordedProbeSchema = z.strictObject({
  outcome: OutcomeSchema,
  answeredBy: AnsweredBySchema.nullable().optional(),
  address: Ipv4Schema.optional(),
  // What the real client printed, so a reader can check the classification; never compared.
  observed: z.string(),
})
export type RecordedProbe = z.infer<typeof RecordedProbeSchema>

const ItemSchema = z.string().regex(/^(steps|probes)\[\d+\]$/, 'must look like probes[2] or steps[1]')
export const ExpectationSchema = z.strictObject({
  ok: z.boolean().optional(),
  error: z.string().optional(),
  listing: z.string().optional(),
  outcome: OutcomeSchema.optional(),
  answeredBy: AnsweredBySchema.nullable().optional(),
  address: Ipv4Schema.optional(),
})
export type Expectation = z.infer<typeof ExpectationSchema>

export const VersionSensitiveSchema = z.strictObject({ item: ItemSchema, reason: z.string().min(1), v29: ExpectationSchema.optional() })
export const UnverifiableSchema = z.strictObject({ item: ItemSchema, reason: z.string().min(1) })
export type VersionSensitive = z.infer<typeof VersionSensitiveSchema>
export type Unverifiable = z.infer<typeof UnverifiableSchema>

export const RecordingSchema = z.strictObject({
  engine: z.string(),
  scenario: z.string(),
  result: z.strictObject({ steps: z.array(RecordedStepSchema), probes: z.array(RecordedProbeSchema) }),
  versionSensitive: z.array(VersionSensitiveSchema).optional(),
  unverifiable: z.array(UnverifiableSchema).optional(),
})
export type Recording = z.infer<typeof RecordingSchema>

/** Turns zod issues into one line per field, e.g. `hosts[1].nics[0].ip: is not an IPv4 address`. */
export function formatIssues(error: z.ZodError): string {
  return error.issues
    .map((i) => {
      return `${formatZodPath(i.path) || '(root)'}: ${i.message}`
    })
    .join('\n')
}
