import { describe, expect, it } from 'vitest'
import { lab, on1 } from '../testing'

function outputOf(l: ReturnType<typeof lab>, i: number): string {
  const r = l.results[i]
  if (r === undefined) throw new Error(`no step ${i}`)
  return r.ok ? r.output : `ERROR ${r.error}`
}

const START = ['docker network create app', 'docker run -d --name web --network app -p 8080:80 nginx', 'docker create --name later alpine sleep 60']

describe('docker ps --format and -q', () => {
  it('fills in the Go-template fields, one line per container, newest first', () => {
    const l = lab(on1(...START, "docker ps -a --format '{{.Names}} {{.Image}} {{.Ports}} {{.Status}} {{.State}} {{.Networks}}'"))
    expect(outputOf(l, 3)).toBe(['later alpine  Created created ', 'web nginx 0.0.0.0:8080->80/tcp Up running app'].join('\n'))
  })

  it('prints a table with a header row when the format starts with "table"', () => {
    const l = lab(on1(...START, "docker ps --format 'table {{.ID}}\\t{{.Names}}\\t{{.Ports}}'"))
    const lines = outputOf(l, 3).split('\n')
    expect(lines[0]).toBe('CONTAINER ID   NAMES     PORTS')
    expect(lines[1]).toMatch(/^[0-9a-f]{12} {3}web {7}0\.0\.0\.0:8080->80\/tcp$/)
  })

  it('with -q prints only the short IDs', () => {
    const l = lab(on1(...START, 'docker ps -aq', 'docker ps -q'))
    expect(outputOf(l, 3)).toMatch(/^[0-9a-f]{12}\n[0-9a-f]{12}$/)
    expect(outputOf(l, 4)).toMatch(/^[0-9a-f]{12}$/)
  })

  it("answers a field ContainerContext lacks with text/template's error, and other syntax with what is supported", () => {
    const l = lab(on1("docker ps --format '{{.Nope}}'", "docker ps --format '{{json .}}'", 'docker ps --format json'))
    expect(outputOf(l, 0)).toBe(`ERROR template: :1:2: executing "" at <.Nope>: can't evaluate field Nope in type *formatter.ContainerContext`)
    expect(outputOf(l, 1)).toMatch(/^ERROR docker ps --format: the simulator fills in \{\{\.ID\}\}, /)
    expect(outputOf(l, 2)).toBe(outputOf(l, 1))
  })
})
