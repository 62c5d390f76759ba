import { describe, expect, it } from 'vitest'
import { lab, on1 } from '../testing'

function outputOf(l: ReturnType<typeof lab>, i: number): string {
  const r = l.results[i]
  if (r === undefined) throw new Error(`no step ${i}`)
  return r.ok ? r.output : `ERROR ${r.error}`
}

const START = [
  'docker network create app',
  'docker run -d --name web --network app -p 8080:80 nginx',
  'docker run -d --name web2 nginx:1.29',
  'docker run -d --name db redis',
  'docker run --name once alpine echo hi',
]
const names = (l: ReturnType<typeof lab>, i: number) => outputOf(l, i).split('\n').filter((s) => s !== '')

describe('docker ps --filter', () => {
  it('name is a regular expression found anywhere in the name (with the daemon\'s leading "/")', () => {
    const l = lab(on1(...START, "docker ps --filter name=web --format '{{.Names}}'", "docker ps -f name=^/web$ --format '{{.Names}}'", "docker ps -f 'name=^db' --format '{{.Names}}'"))
    expect(names(l, 5)).toEqual(['web2', 'web'])
    expect(names(l, 6)).toEqual(['web'])
    expect(names(l, 7)).toEqual([])
  })

  it('status lists stopped containers without -a; values of one key are alternatives', () => {
    const l = lab(on1(...START, "docker ps --filter status=exited --format '{{.Names}}'", "docker ps -f status=exited -f status=running --format '{{.Names}}'"))
    expect(names(l, 5)).toEqual(['once'])
    expect(names(l, 6)).toEqual(['once', 'db', 'web2', 'web'])
  })

  it('different keys must all match; ancestor and network', () => {
    const l = lab(on1(...START, "docker ps -f ancestor=nginx -f name=2 --format '{{.Names}}'", "docker ps -f ancestor=nginx:1.29 --format '{{.Names}}'", "docker ps -f network=app --format '{{.Names}}'"))
    expect(names(l, 5)).toEqual(['web2'])
    expect(names(l, 6)).toEqual(['web2'])
    expect(names(l, 7)).toEqual(['web'])
  })

  it('works with -q and with the default table', () => {
    const l = lab(on1(...START, 'docker ps -q --filter name=db', 'docker ps --filter name=db'))
    expect(outputOf(l, 5)).toMatch(/^[0-9a-f]{12}$/)
    const table = outputOf(l, 6).split('\n')
    expect(table).toHaveLength(2)
    expect(table[0]).toMatch(/^CONTAINER ID/)
    expect(table[1]).toMatch(/ db$/)
  })

  it.each([
    ['docker ps --filter name', 'bad format of filter (expected name=value)'],
    ['docker ps --filter colour=red', "Error response from daemon: invalid filter 'colour'"],
    ['docker ps --filter status=sleeping', 'Unrecognised filter value for status: sleeping'],
    ['docker ps --filter label=tier=web', 'docker ps --filter label=…: not modelled in this simulator; it filters by name, status, id, ancestor, network.'],
    ['docker ps --filter publish=8080', 'not modelled in this simulator'],
  ])('%s is refused clearly', (line, message) => {
    expect(outputOf(lab(on1(line)), 0)).toContain(message)
  })
})
