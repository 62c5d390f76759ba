import { describe, expect, it } from 'vitest'
import { lab, on1 } from '../testing'
import { formatCommand } from './images'

function psRows(l: ReturnType<typeof lab>, i: number): string[] {
  const r = l.results[i]
  if (r === undefined || !r.ok) throw new Error(`step ${i} failed`)
  return r.output.split('\n')
}

describe('docker ps COMMAND', () => {
  // cli formatter.Ellipsis(command, 20): 19 characters then "…"; daemon/list.go quotes arguments with spaces.
  it.each([
    ['nginx', [], '"/docker-entrypoint.…"'],
    ['nginx:1.27-alpine', [], '"/docker-entrypoint.…"'],
    ['redis', [], '"docker-entrypoint.s…"'],
    ['httpd', [], '"httpd-foreground"'],
    ['alpine', [], '"/bin/sh"'],
    ['alpine', ['sleep', 'infinity'], '"sleep infinity"'],
    ['alpine', ['sh', '-c', 'sleep 1000'], `"sh -c 'sleep 1000'"`],
    ['traefik/whoami', [], '"/whoami"'],
    ['coredns/coredns', ['-dns.port', '1053'], '"/coredns -dns.port …"'],
    ['nginx', ['sleep', '5'], '"/docker-entrypoint.…"'],
    ['ubuntu', [], '"/bin/bash"'],
    ['nicolaka/netshoot', [], '"zsh"'],
  ] as const)('%s %j → %s', (image, cmd, shown) => {
    expect(formatCommand(image, cmd)).toBe(shown)
  })

  it('shows twenty columns at most, the last one an ellipsis', () => {
    const shown = formatCommand('alpine', ['sleep', '1000000000000000000000'])
    expect(shown).toBe('"sleep 1000000000000…"')
    expect(shown.length - 2).toBe(20)
  })
})

describe('docker ps STATUS', () => {
  it('a host-network nginx that finds port 80 taken exits with code 1; a shell with nothing to do exits 0', () => {
    const l = lab(on1('docker run -d --name hostweb --network host nginx', 'docker run -d --name hostweb2 --network host nginx', 'docker run -d --name sh1 alpine', 'docker ps -a'))
    const rows = psRows(l, 3)
    expect(rows.find((r) => r.endsWith(' hostweb2'))).toMatch(/"\/docker-entrypoint\.…"\s+Exited \(1\)\s+hostweb2$/)
    expect(rows.find((r) => r.endsWith(' sh1'))).toMatch(/Exited \(0\)\s+sh1$/)
    expect(rows.find((r) => r.endsWith(' hostweb'))).toMatch(/\sUp\s+hostweb$/)
  })

  it('a host-network httpd exits 1 when a bridge container publishes the port it needs', () => {
    const l = lab(on1('docker run -d --name web -p 80:80 nginx', 'docker run -d --name hh --network host httpd', 'docker ps -a'))
    expect(psRows(l, 2).find((r) => r.endsWith(' hh'))).toMatch(/Exited \(1\)\s+hh$/)
  })

  it('a restarted container that runs shows Up again', () => {
    const l = lab(on1('docker run -d --name hostweb --network host nginx', 'docker run -d --name hw2 --network host nginx', 'docker rm -f hostweb', 'docker start hw2', 'docker ps -a'))
    expect(psRows(l, 4).find((r) => r.endsWith(' hw2'))).toMatch(/\sUp\s+hw2$/)
  })
})
