import { describe, expect, it } from 'vitest'
import { lab, on1 } from '../testing'

function outputOf(l: ReturnType<typeof lab>, i: number): string {
  const r = l.results[i]
  if (r === undefined) throw new Error(`no step ${i}`)
  return r.ok ? r.output : `ERROR ${r.error}`
}

const WEB = 'docker run -d --name web -p 8080:80 -p 127.0.0.1:9443:443 -p 53:53/udp -p 10000:10000 nginx'

describe('docker port', () => {
  it('lists every mapping in natural order, the addresses docker ps shows', () => {
    const l = lab(on1(WEB, 'docker port web', 'docker ps'))
    expect(outputOf(l, 1)).toBe(['53/udp -> 0.0.0.0:53', '80/tcp -> 0.0.0.0:8080', '443/tcp -> 127.0.0.1:9443', '10000/tcp -> 0.0.0.0:10000'].join('\n'))
    for (const shown of ['0.0.0.0:8080->80/tcp', '127.0.0.1:9443->443/tcp', '0.0.0.0:53->53/udp']) expect(outputOf(l, 2)).toContain(shown)
  })

  it('prints only the host address for one private port (tcp unless /udp)', () => {
    const l = lab(on1(WEB, 'docker port web 80', 'docker port web 53/udp', 'docker port web 53', 'docker port web 81'))
    expect(outputOf(l, 1)).toBe('0.0.0.0:8080')
    expect(outputOf(l, 2)).toBe('0.0.0.0:53')
    expect(outputOf(l, 3)).toBe("ERROR Error: No public port '53' published for web")
    expect(outputOf(l, 4)).toBe("ERROR Error: No public port '81' published for web")
  })

  it('prints nothing for a container without published ports, and the daemon error for no container', () => {
    const l = lab(on1('docker run -d --name quiet nginx', 'docker port quiet', 'docker port nosuch'))
    expect(outputOf(l, 1)).toBe('')
    expect(outputOf(l, 2)).toBe('ERROR Error response from daemon: No such container: nosuch')
  })
})
