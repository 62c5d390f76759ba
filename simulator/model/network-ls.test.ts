import { describe, expect, it } from 'vitest'
import { lab, on1 } from '../testing'

function outputOf(l: ReturnType<typeof lab>, i: number): string {
  const r = l.results[i]
  if (r === undefined) throw new Error(`no step ${i}`)
  return r.ok ? r.output : `ERROR ${r.error}`
}

const START = ['docker network create app', 'docker network create --internal backend']

describe('docker network ls', () => {
  it('prints the default table as before', () => {
    const lines = outputOf(lab(on1(...START, 'docker network ls')), 2).split('\n')
    expect(lines[0]).toMatch(/^NETWORK ID\s+NAME\s+DRIVER\s+SCOPE$/)
    expect(lines.slice(1).map((l) => l.split(/\s+/)[1])).toEqual(['app', 'backend', 'bridge', 'host', 'none'])
  })

  it("pads the default table as the CLI's tabwriter does (minimum width 10, padding 3), as --format table does", () => {
    const l = lab(on1(...START, 'docker network ls', "docker network ls --format 'table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.Scope}}'", 'docker ps -a', 'docker run -d --name web -p 8080:80 nginx', 'docker ps'))
    const lines = outputOf(l, 2).split('\n')
    expect(lines[0]).toBe('NETWORK ID     NAME      DRIVER    SCOPE')
    expect(lines[1]).toMatch(/^[0-9a-f]{12}   app       bridge    local$/)
    expect(outputOf(l, 3)).toBe(outputOf(l, 2))
    expect(outputOf(l, 4)).toBe('CONTAINER ID   IMAGE     COMMAND   STATUS    PORTS     NAMES')
    expect(outputOf(l, 6).split('\n')[1]).toMatch(/^[0-9a-f]{12}   nginx     "\/docker-entrypoint.…"   Up        0\.0\.0\.0:8080->80\/tcp   web$/)
  })

  it('--format fills in the template fields, one line per network', () => {
    const l = lab(on1(...START, "docker network ls --format '{{.Name}}'", "docker network ls --format '{{.Name}} {{.Driver}} {{.Scope}} {{.Internal}}'"))
    expect(outputOf(l, 2)).toBe('app\nbackend\nbridge\nhost\nnone')
    expect(outputOf(l, 3).split('\n')).toEqual(['app bridge local false', 'backend bridge local true', 'bridge bridge local false', 'host host local false', 'none null local false'])
  })

  it('--format table prints a header row, and -q the short IDs', () => {
    const l = lab(on1(...START, "docker network ls --format 'table {{.Name}}\\t{{.Driver}}'", 'docker network ls -q'))
    expect(outputOf(l, 2).split('\n').slice(0, 2)).toEqual(['NAME      DRIVER', 'app       bridge'])
    expect(outputOf(l, 3)).toMatch(/^([0-9a-f]{12}\n){4}[0-9a-f]{12}$/)
  })

  it('--filter by name, driver and type', () => {
    const l = lab(on1(...START, "docker network ls -f name=a --format '{{.Name}}'", "docker network ls --filter driver=bridge --filter type=custom --format '{{.Name}}'", "docker network ls -f type=builtin -q"))
    expect(outputOf(l, 2)).toBe('app\nbackend')
    expect(outputOf(l, 3)).toBe('app\nbackend')
    expect(outputOf(l, 4).split('\n')).toHaveLength(3)
  })

  it.each([
    ["docker network ls --format '{{.Subnet}}'", "can't evaluate field Subnet in type *network.networkContext"],
    ["docker network ls --format '{{json .}}'", 'docker network ls --format: the simulator fills in {{.ID}}, {{.Name}}'],
    ['docker network ls --filter label=x', 'not modelled in this simulator'],
    ['docker network ls --bogus', 'unknown flag: --bogus'],
    ['docker network ls extra', '"docker network ls" accepts no arguments.'],
  ])('%s is refused clearly', (line, message) => {
    expect(outputOf(lab(on1(line)), 0)).toContain(message)
  })
})
