import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { KeepCommand, KeepOptions } from './keep-options'

describe('KeepOptions', () => {
  it.each([
    ['Publishing ports with -p', 'Publishing ports with <span class="whitespace-nowrap">-p</span>'],
    ['Use --network host, not -P', 'Use <span class="whitespace-nowrap">--network</span> host, not <span class="whitespace-nowrap">-P</span>'],
    ['Overlay and orchestrators', 'Overlay and orchestrators'],
    ['A well-known port - or not', 'A well-known port - or not'],
  ])('%j', (text, html) => {
    expect(renderToStaticMarkup(<KeepOptions text={text} />)).toBe(html)
  })
})

describe('KeepCommand', () => {
  it.each([
    ['docker run -p 80:8080 nginx', 'docker run <span class="whitespace-nowrap">-p 80:8080</span> nginx'],
    ['iptables -I DOCKER-USER -p tcp --dport 8080 -j DROP', 'iptables <span class="whitespace-nowrap">-I DOCKER-USER</span> <span class="whitespace-nowrap">-p tcp</span> <span class="whitespace-nowrap">--dport 8080</span> <span class="whitespace-nowrap">-j DROP</span>'],
    ['docker network create my-net', 'docker network create <span class="whitespace-nowrap">my-net</span>'],
    ['docker run -d --rm alpine', 'docker run <span class="whitespace-nowrap">-d</span> <span class="whitespace-nowrap">--rm alpine</span>'],
    ['ls\n-la', 'ls\n<span class="whitespace-nowrap">-la</span>'],
    ['curl http://10.77.0.10:8080', 'curl http://10.77.0.10:8080'],
    ['--aux-address host-shim=10.77.0.223', '<span class="whitespace-nowrap">--aux-address</span> <span class="whitespace-nowrap">host-shim=10.77.0.223</span>'],
  ])('%j', (text, html) => {
    expect(renderToStaticMarkup(<KeepCommand text={text} />)).toBe(html)
  })
})
