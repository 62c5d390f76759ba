import { describe, expect, it } from 'vitest'
import { isListingCommand, normalizeListing, tabwrite } from './listing'

describe('listing normalisation', () => {
  it('knows which steps are listings', () => {
    expect(['docker ps -a', 'docker container ls', 'docker network ls', 'iptables -S DOCKER-USER', 'iptables -t nat -S'].every(isListingCommand)).toBe(true)
    expect(['docker run -d nginx', 'iptables -L', 'docker network create x'].some(isListingCommand)).toBe(false)
  })

  it("drops CREATED and COMMAND, times and IPv6 bindings from a 20.10 docker ps table, then pads as the CLI's tabwriter", () => {
    const real = [
      'CONTAINER ID   IMAGE     COMMAND                  CREATED         STATUS         PORTS                                   NAMES',
      '3f4e5a6b7c8d   nginx     "/bin/pp-serve 80"       2 seconds ago   Up 1 second    0.0.0.0:8080->80/tcp, :::8080->80/tcp   web',
      '0123456789ab   httpd     "-p 8080:80"             3 seconds ago   Created                                                web2',
    ].join('\n')
    expect(normalizeListing(real)).toBe(
      ['CONTAINER ID   IMAGE     STATUS    PORTS                  NAMES', 'iiiiiiiiiiii   nginx     Up        0.0.0.0:8080->80/tcp   web', 'iiiiiiiiiiii   httpd     Created                          web2'].join('\n'),
    )
  })

  it('keeps a network ls table as printed, IDs aside (its padding is compared as is)', () => {
    const t = 'NETWORK ID     NAME      DRIVER    SCOPE\n0123456789ab   bridge    bridge    local'
    expect(normalizeListing(t)).toBe('NETWORK ID     NAME      DRIVER    SCOPE\niiiiiiiiiiii   bridge    bridge    local')
  })

  it('tabwrite pads every cell but the last to max(width + 3, 10)', () => {
    expect(tabwrite([['NAME', 'DRIVER'], ['a-long-name', 'bridge']])).toBe('NAME          DRIVER\na-long-name   bridge')
  })
})
