import { describe, expect, it } from 'vitest'
import { lab, on1 } from '../testing'
import { formatClientOutput } from './client-output'
import { runProbe } from './probe'

const l = lab(
  on1(
    'docker network create appnet',
    'docker run -d --name web --network appnet nginx',
    'docker run -d --name db --network appnet postgres',
    'docker run -d --name app --network appnet alpine sleep infinity',
    'docker run -d --name gone --network appnet alpine',
  ),
)

const NOT_FOUND = (program: string) => `OCI runtime exec failed: exec failed: unable to start container process: exec: "${program}": executable file not found in $PATH: unknown`

describe('docker exec runs only the tools the image has', () => {
  it('fails a ping in nginx with runc\'s error and a helper to run instead', () => {
    const r = l.probe('host1', 'docker exec web ping -c 1 db')
    expect(r.outcome).toBe('error')
    expect(r.answeredBy).toBeNull()
    expect(r.explanation).toBe(
      `${NOT_FOUND('ping')}\nnginx has no ping. Run it from a throwaway container in web's network namespace: docker run --rm --network container:web alpine ping -c 1 db`,
    )
    expect(r.trace).toHaveLength(1)
    expect(r.trace[0]?.at).toBe('host1:web')
  })

  it('offers busybox wget where curl is missing, in the same container when the image has it', () => {
    expect(l.probe('host1', 'docker exec app curl -s http://web/index.html').explanation).toBe(`${NOT_FOUND('curl')}\nalpine has no curl; busybox wget is there: docker exec app wget -qO- http://web/index.html`)
    expect(l.probe('host1', 'docker exec db curl http://web').explanation).toBe(
      `${NOT_FOUND('curl')}\npostgres has no curl. Run it from a throwaway container in db's network namespace: docker run --rm --network container:db alpine wget -qO- http://web`,
    )
  })

  it('names the program as typed (netcat) and lets the tools the image has run', () => {
    expect(l.probe('host1', 'docker exec db netcat -z web 80').explanation.split('\n')[0]).toBe(NOT_FOUND('netcat'))
    expect(l.probe('host1', 'docker exec web curl http://db:5432').outcome).toBe('delivered')
    expect(l.probe('host1', 'docker exec app nc -z db 5432').outcome).toBe('delivered')
  })

  it('reports a stopped container before looking for the program, as the daemon does', () => {
    expect(l.probe('host1', 'docker exec gone curl http://web').explanation).toMatch(/^Error response from daemon: container [0-9a-f]{64} is not running$/)
  })

  it('prints the error once in the terminal text', () => {
    const line = 'docker exec web ping -c 1 db'
    const r = l.probe('host1', line)
    expect(formatClientOutput(l.world, 'host1', line, r)).toBe(r.explanation)
  })

  it('probes from the namespace whatever the image holds when asked (the reachability matrix)', () => {
    expect(runProbe(l.world, 'host1', 'docker exec db curl http://web', { imageTools: false }).answeredBy).toEqual({ host: 'host1', container: 'web', port: 80 })
  })
})
