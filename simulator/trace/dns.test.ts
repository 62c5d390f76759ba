import { describe, expect, it } from 'vitest'
import { lab, on1 } from '../testing'

// Reviewers' report (issue 7): a --network host or none container was said to be "on the default bridge".
describe('why a name does not resolve, by network mode', () => {
  const l = lab(
    on1(
      'docker network create app',
      'docker run -d --name cache --network app redis',
      'docker run -d --name web --network host nginx',
      'docker run -d --name lonely --network none alpine sleep infinity',
      'docker run -d --name side --network container:web alpine sleep infinity',
      'docker run -d --name plain alpine sleep infinity',
    ),
  )

  it('a host-network container asks the host resolver, which knows no container names', () => {
    const r = l.probe('host1', 'docker exec web curl http://cache:6379')
    expect(r.outcome).toBe('unresolved')
    expect(r.explanation).toContain("web uses host1's network (--network host), so it asks host1's resolver, which knows no container names")
    expect(r.explanation).not.toContain('default bridge')
    expect(r.trace.map((h) => h.note).join('\n')).toContain("--network host: /etc/resolv.conf is host1's own")
  })

  it('a container sharing a host-network container\'s namespace gets the same answer', () => {
    expect(l.probe('host1', 'docker exec side ping -c 1 cache').explanation).toContain('side uses host1\'s network (--network host)')
  })

  it('a --network none container cannot reach any DNS server', () => {
    const r = l.probe('host1', 'docker exec lonely nslookup cache')
    expect(r.outcome).toBe('unresolved')
    expect(r.explanation).toBe('"cache" does not resolve: lonely runs with --network none, so it has only a loopback interface and cannot reach any DNS server.')
  })

  it('the default bridge still says it has no embedded DNS', () => {
    expect(l.probe('host1', 'docker exec plain ping -c 1 cache').explanation).toContain('plain is on the default bridge, which has no embedded DNS')
  })
})
