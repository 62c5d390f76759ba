// IPv4 addresses and CIDR prefixes as branded values, checked once here so the model never sees a loose string.
import { err, ok, type Result } from '../result'

export type Ipv4 = string & { readonly __brand: 'Ipv4' }
export type Cidr = Readonly<{ text: string; base: number; prefix: number }>

const OCTET = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/

export function parseIpv4(text: string): Result<Ipv4> {
  const parts = text.split('.')
  if (parts.length !== 4 || !parts.every((p) => OCTET.test(p))) {
    return err('invalid-ip', `"${text}" is not an IPv4 address`)
  }
  return ok(text as Ipv4)
}

export function isIpv4(text: string): text is Ipv4 {
  return parseIpv4(text).ok
}

// Hot in routing and IPAM, so it reads the digits directly instead of split/map (no allocation).
export function ipToInt(ip: Ipv4): number {
  let out = 0
  let octet = 0
  for (let i = 0; i < ip.length; i++) {
    const code = ip.charCodeAt(i)
    if (code === 46) {
      out = out * 256 + octet
      octet = 0
    } else octet = octet * 10 + (code - 48)
  }
  return out * 256 + octet
}

export function intToIp(n: number): Ipv4 {
  return `${(n >>> 24) & 255}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}` as Ipv4
}

function maskOf(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0
}

export function parseCidr(text: string): Result<Cidr> {
  const [addr, len, ...rest] = text.split('/')
  const prefix = Number(len)
  if (addr === undefined || len === undefined || rest.length > 0 || !/^\d{1,2}$/.test(len) || prefix > 32) {
    return err('invalid-cidr', `"${text}" is not a CIDR prefix like 10.0.0.0/24`)
  }
  const ip = parseIpv4(addr)
  if (!ip.ok) return err('invalid-cidr', `"${text}" is not a CIDR prefix like 10.0.0.0/24`)
  return ok(toCidr(ipToInt(ip.value), prefix))
}

export function toCidr(addr: number, prefix: number): Cidr {
  const base = (addr & maskOf(prefix)) >>> 0
  return { text: `${intToIp(base)}/${prefix}`, base, prefix }
}

export function cidrContains(cidr: Cidr, ip: Ipv4): boolean {
  return ((ipToInt(ip) & maskOf(cidr.prefix)) >>> 0) === cidr.base
}

export function cidrSize(cidr: Cidr): number {
  return 2 ** (32 - cidr.prefix)
}

export function cidrLast(cidr: Cidr): number {
  return cidr.base + cidrSize(cidr) - 1
}

export function cidrsOverlap(a: Cidr, b: Cidr): boolean {
  return a.base <= cidrLast(b) && b.base <= cidrLast(a)
}

export function isLoopback(ip: Ipv4): boolean {
  return ip.startsWith('127.')
}
