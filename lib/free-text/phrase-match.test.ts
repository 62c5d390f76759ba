import { describe, expect, it } from 'vitest'
import { compilePhrase, editDistance, findPhrase } from './phrase-match'
import { tokenize } from './text'

const found = (phrase: string, text: string) => findPhrase(compilePhrase(phrase), tokenize(text)).length > 0

describe('editDistance', () => {
  it.each([
    ['iptables', 'iptabels', 1],
    ['namespace', 'namspace', 1],
    ['kitten', 'sitting', 3],
    ['bridge', 'bridge', 0],
    ['', 'abc', 3],
  ])('%s ↔ %s = %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d)
    expect(editDistance(b, a)).toBe(d)
  })
})

describe('findPhrase', () => {
  it.each([
    ['rewrite|change destination', 'it rewrites the destination address', true],
    ['rewrite|change destination', "the rule changes the packet's destination", true],
    ['rewrite destination', 'rewrites, for a published port on the host, the destination', false],
    ['iptables', 'docker writes iptabels rules', true],
    ['network namespace', 'into the containers network namspace', true],
    ['encapsulat*', 'the packet is encapsulated', true],
    ['docker', 'attached to docker0', false],
    ['nat', 'a bat', false],
    ['=isolates', 'the container is isolated', false],
    ['=isolates', 'bridge isolates the container', true],
    ['^host', 'Host: no NAT at all', true],
    ['^host', "it shares the host's IP", false],
    ['docker-proxy', 'the docker-proxy process relays it', true],
    ['publishflag', 'docker run -p 8080:80 nginx', true],
    ['kernel first', 'the kernel. First the bridge', false],
    // two neighbouring letters swapped, in any rubric word of six letters and more; a changed letter is not a swap
    ['rewrite|change|changes destination', 'the rule chnages the destination', true],
    ['rewrite|change|changes destination', 'by chance the destination', false],
    ['rewrite|change|changes destination', 'the rule cahnges the destination', true],
    // a comparison is not the thing compared: "more than isolation" is not "more isolation"
    ['more isolation', 'speed matters more than isolation', false],
    ['more isolation', 'bridge gives more isolation than host', true],
    // nor does a phrase run into a condition: "picks it when NAT gets in the way" is not "picks NAT"
    ['pick|use nat', 'you pick it when NAT gets in the way', false],
    ['pick|use nat', 'it uses plain NAT', true],
    // unless the phrase names the word itself
    ['faster than host', 'it is faster than the host network', true],
    ['only reachable if|when publish*', 'it is only reachable if you publish it', true],
    // misspellings of the domain's words, never of a word that is itself a domain word
    ['kernel', 'NIC -> kernal -> DNAT', true],
    ['macvlan', 'a maclan network', true],
    ['address', 'its own mac adress', true],
    ['network', 'an overlay netwrok', true],
    ['route', 'the router forwards it', false],
    ['macvlan', 'an ipvlan network', false],
    ['share', 'the shame of it', false],
    // a typo that cuts the stem short is still read on the word as written
    ['sharing host', 'by shaing the host stack', true],
    ['=sharing host', 'by shaing the host stack', false],
    ['number', 'a lumber yard', false],
    // two letters left out of a long word, first and last kept
    ['different node', 'pods on difrent nodes', true],
    ['container', 'the rules contain it', false],
    // "$" closes a clause: an arrow step that is only dockerd
    ['^through dockerd$', 'eth0 -> kernel -> dockerd (user space) -> docker0', true],
    ['^through dockerd$', '-p -> dockerd writes the DNAT rule -> kernel', false],
    // a negator is only ever itself ("note" and "not" share a stem)
    ['rule|note', 'it is not the rule', true],
    ['note port', 'not the port', false],
    // a long prefix tolerates a typo in the part it names, a short one does not
    ['encapsulat*', 'packets encapsulted in UDP', true],
    ['translat*', 'no address translaton', true],
    ['masquerad*', 'replies are masqurade back', true],
    ['publish*', 'the port is publised', true],
    ['publish*', 'a public address', false],
    ['translat*', 'a transparent proxy', false],
    ['isolat*', 'an insulated cable', false],
    ['tunnel*', 'a tunel', false],
    // `#` is any number or address, so an analogy's port and target can stand for the DNAT rule
    ['for # go to', 'guests for 8080 go to room 172.17.0.2', true],
    ['for # go to', 'guests for reception go to room 2', false],
  ])('%j in %j → %s', (phrase, text, expected) => {
    expect(found(phrase, text)).toBe(expected)
  })

  it('reports where a phrase starts and ends, gaps included', () => {
    const [match] = findPhrase(compilePhrase('rewrite destination'), tokenize('Docker rewrites the packet destination'))
    expect(match).toMatchObject({ start: 1, end: 3, indices: [1, 3], sentence: 0 })
  })
})
