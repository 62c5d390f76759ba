import { describe, expect, it } from 'vitest'
import { normalizeText, restructureNotes, scanText, toStem, tokenize } from './text'

describe('toStem', () => {
  it.each([
    ['shares', 'sharing', 'shared', 'share'],
    ['addresses', 'address', 'address', 'address'],
    ['mapping', 'mapped', 'maps', 'map'],
    ['uses', 'using', 'used', 'use'],
    ['needed', 'needs', 'need', 'need'],
    ['policies', 'policy', 'policy', 'policy'],
    ['rewritten', 'rewrites', 'rewriting', 'rewrite'],
    ['written', 'writes', 'writing', 'write'],
  ])('gives %s, %s, %s and %s one stem', (a, b, c, d) => {
    const stems = new Set([a, b, c, d].map(toStem))
    expect(stems.size).toBe(1)
  })

  it.each(['docker0', 'eth0', '8080'])('leaves %s (a name with digits) alone', (word) => {
    expect(toStem(word)).toBe(word)
  })
})

describe('normalizeText', () => {
  it.each([
    ["Host mode doesn't share the host's IP", 'host mode does not share the host ip'],
    ['it can\u2019t reach it', 'it can not reach it'],
    ['docker dosnt carry it and cant see it', 'docker does not carry it and can not see it'],
    ['works everywhere incl. wi-fi, e.g. aws', 'works everywhere incl wi-fi, eg aws'],
    ['an IP tables rule in the name space of a mac-vlan', 'an iptables rule in the namespace of a macvlan'],
    ['docker 0 and con track', 'docker0 and contrack'],
    // "docker-proxy" is one thing, so "docker-proxy copies the packet" does not read as "Docker copies the packet"
    ['docker-proxy or the docker proxy, a CNI plug-in', 'dockerproxy or the dockerproxy, a cni plugin'],
    ['w/o NAT, pkts & ctr IP, port fwd b/c perf', 'without nat, packets  and  container ip, port forward because performance'],
    ['map HOST:CTR, perf: fast', 'map host:ctr, performance: fast'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected)
  })
})

describe('tokenize', () => {
  it('spells out -p/--publish and --network so they meet the words learners use', () => {
    expect(tokenize('run -p 8080:80 or --publish=80, with --network=host').map((t) => t.word)).toEqual([
      'run', 'publishflag', '8080', '80', 'or', 'publishflag', '80', 'with', 'hostnetwork',
    ])
  })

  it('drops articles and numbers sentences and clauses', () => {
    const tokens = tokenize('The kernel gets it first, then the bridge forwards it. Replies come back.')
    expect(tokens.map((t) => t.word)).toEqual(['kernel', 'gets', 'it', 'first', 'bridge', 'forwards', 'it', 'replies', 'come', 'back'])
    expect(tokens.map((t) => t.sentence)).toEqual([0, 0, 0, 0, 0, 0, 0, 1, 1, 1])
    // the comma and "then" both end a clause; the full stop ends the sentence and the clause
    expect(new Set(tokens.slice(0, 4).map((t) => t.clause)).size).toBe(1)
    expect(tokens[4]?.clause).toBeGreaterThan(tokens[3]?.clause as number)
    expect(tokens[7]?.clause).toBeGreaterThan(tokens[6]?.clause as number)
  })

  it('reads a long negator misspelt by one letter as the negator, and nothing else as one', () => {
    expect(tokenize('witout NAT, insted of a proxy, it canot').map((t) => t.word)).toEqual([
      'without', 'nat', 'instead', 'of', 'proxy', 'it', 'cannot',
    ])
    expect(tokenize('within the cannon instant').map((t) => t.word)).toEqual(['within', 'cannon', 'instant'])
  })

  it('keeps dotted addresses whole but splits a missing space after a full stop', () => {
    expect(tokenize('172.17.0.2 then nat.then port-mapping').map((t) => t.word)).toEqual([
      '172.17.0.2',
      'nat',
      'port',
      'mapping',
    ])
  })

  it('counts function words per sentence so a keyword list can be told from a sentence', () => {
    const { sentences } = scanText('iptables, DNAT, veth, docker0, conntrack. The kernel rewrites the destination.')
    expect(sentences[0]).toEqual({ words: 5, functionWords: 0, arrows: 0 })
    expect(sentences[1]?.functionWords).toBeGreaterThan(0)
  })
})

describe('obligations', () => {
  it('reads "have to", "has to", "had to", "got to" as "need to"', () => {
    expect(normalizeText('host mode has to publish; you have to map; we had to; got to go')).toBe(
      'host mode need to publish; you need to map; we need to; need to go',
    )
  })
})

describe('whose own thing', () => {
  it("reads \"the host's own address\" as the host's address, and keeps a container's own address its own", () => {
    expect(normalizeText("it uses the computer's own address, the house\u2019s own door, the node's own IP")).toBe(
      'it uses the computer address, the house door, the node ip',
    )
    expect(normalizeText("the container's own MAC, each pod's own IP, its own address")).toBe(
      'the container own mac, each pod own ip, its own address',
    )
  })
})

describe('interface names', () => {
  it('reads a host-side veth name as veth and a user bridge name as bridge, not other words', () => {
    expect(normalizeText('docker0 → vethXXX → veth3f2a1b@if7, veth0, br-1a2b3c')).toBe('docker0 → veth → veth, veth, bridge')
    expect(normalizeText('a veth pair, vethernet, brown, br-face')).toBe('a veth pair, vethernet, brown, br-face')
  })
})

describe('restructureNotes', () => {
  it('reads a markdown table row by row, one sentence per value column, about that column', () => {
    const table = '| | host | bridge |\n|---|---|---|\n| performance | fast | NAT overhead |\n| isolation | none | own netns |'
    expect(restructureNotes(table).split('\n')).toEqual([
      'host: performance is fast.',
      'bridge: performance is NAT overhead.',
      'host: no isolation.',
      'bridge: isolation is own netns.',
    ])
  })

  it('reads a cell that only says "none" or "no" as a denial of its row', () => {
    expect(restructureNotes('| | overlay |\n|---|---|\n| encapsulation | none |\n| NAT | no |\n| pod IPs | own |').split('\n')).toEqual([
      'no encapsulation.',
      'no NAT.',
      'pod IPs is own.',
    ])
    expect(restructureNotes('| | host | bridge |\n|---|---|---|\n| NAT | n/a | yes |').split('\n')).toEqual(['host: no NAT.', 'bridge: NAT.'])
  })

  it('reads a table without its |---| rule when a header and two rows have three cells or more, and ticks as yes', () => {
    expect(restructureNotes('aspect | host | bridge\nisolation | \u2717 | \u2713\nspeed | fast | slower\nsome prose after').split('\n')).toEqual([
      'host: no isolation.',
      'bridge: isolation.',
      'host: speed is fast.',
      'bridge: speed is slower.',
      'some prose after',
    ])
    // two cells, or a single row, are not enough to make a table
    expect(restructureNotes('host | bridge\nfast | isolated\nno NAT | NAT')).toBe('host | bridge\nfast | isolated\nno NAT | NAT')
    expect(restructureNotes('a | b | c\nd | e | f')).toBe('a | b | c\nd | e | f')
  })

  it('reads an up or down arrow after a word as more or less of it', () => {
    expect(restructureNotes('host \u2192 perf\u2191 isolation\u2193\nbridge \u2192 iso \u2b06 speed \u2b07')).toBe(
      'host \u2192 more perf, less isolation,\nbridge \u2192 more iso, less speed,',
    )
    // an arrow with no word before it ranks nothing
    expect(restructureNotes('\u2191 fast')).toBe('\u2191 fast')
  })

  it('reads a notes line with a short head and short items as one sentence per item about the head', () => {
    expect(restructureNotes('bridge - isolated, NAT, port mapping -p, bit slower')).toBe(
      'bridge: isolated. bridge: NAT. bridge: port mapping -p. bridge: bit slower.',
    )
    expect(restructureNotes('- host: fast, no NAT')).toBe('- host: fast. host: no NAT.')
    // prose with a head, arrows, brackets and a bare list of terms are left alone
    const prose = 'Bridge: it gets its own private network, which is safer'
    expect(restructureNotes(prose)).toBe(prose)
    expect(restructureNotes('perf: host wins (no NAT, no hop)')).toBe('perf: host wins (no NAT, no hop)')
    expect(restructureNotes('MAC address, LAN IP, no NAT, shim')).toBe('MAC address, LAN IP, no NAT, shim')
  })

  it('reads a two-column table as claims about the first cell', () => {
    expect(restructureNotes('| step | who |\n|:--|--:|\n| dest rewritten | iptables DNAT |')).toBe('dest rewritten is iptables DNAT.')
  })

  it('reads a table with no label column, whose header names what it compares, one sentence per cell about its column', () => {
    const table = '| bridge | macvlan |\n|---|---|\n| shares the host MAC and IP | a MAC of its own |\n| reached via -p, NAT | reached at its LAN IP |'
    expect(restructureNotes(table).split('\n')).toEqual([
      'bridge: shares the host MAC and IP.',
      'macvlan: a MAC of its own.',
      // a cell with comma items is then a labelled list
      'bridge: reached via -p. bridge: NAT.',
      'macvlan: reached at its LAN IP.',
    ])
    // a first column of names is a label column, whatever the header ("| step | what |", "| driver | MAC |")
    expect(restructureNotes('| driver | MAC |\n|---|---|\n| bridge | virtual |\n| macvlan | own |').split('\n')).toEqual([
      'bridge is virtual.',
      'macvlan is own.',
    ])
    // one row is too little to tell
    expect(restructureNotes('| host | bridge |\n|---|---|\n| fast, no NAT | isolated |')).toBe('fast, no NAT is isolated.')
  })

  it('reads a "done by" column as who does the step', () => {
    expect(restructureNotes('| step | done by |\n|---|---|\n| dest rewritten | dockerd |')).toBe('dest rewritten by dockerd.')
    expect(restructureNotes('| step | where | who does it |\n|---|---|---|\n| DNAT | PREROUTING | kernel |').split('\n')).toEqual([
      'where: DNAT is PREROUTING.',
      'DNAT by kernel.',
    ])
  })

  it('leaves pipes outside a table alone', () => {
    expect(restructureNotes('a | b')).toBe('a | b')
  })

  it('turns arrows, "+" and "=" between words into relations', () => {
    expect(restructureNotes('NIC -> kernel => DNAT \u2192 veth; namespaces + veth; host = one app')).toBe(
      'NIC \u2192 kernel \u2192 DNAT \u2192 veth; namespaces and veth; host is one app',
    )
  })

  it('reads "A > B" and "A < B" in notes as a ranking, and leaves shell redirections alone', () => {
    expect(restructureNotes('perf: host > bridge; isolation: host < bridge; cmd 2>&1')).toBe(
      'perf: host better than bridge; isolation: host worse than bridge; cmd 2>&1',
    )
  })
})

/** Each token as word/clause: where a reading opens or keeps a clause. */
const clauses = (text: string) => scanText(text).tokens.map((t) => `${t.word}/${t.clause}`).join(' ')

describe("'then' and 'also' between a subject and its verb", () => {
  it('keep the subject in the clause of its verb', () => {
    expect(clauses('the kernel then forwards it')).toBe('kernel/0 forwards/0 it/0')
    expect(clauses('Docker also adds a DNAT rule')).toBe('docker/0 adds/0 dnat/0 rule/0')
  })
  it('still open a clause after a comma, a connective, an auxiliary, or before a new subject', () => {
    expect(clauses('Docker writes the rule, then the kernel forwards it')).toBe('docker/0 writes/0 rule/0 kernel/2 forwards/2 it/2')
    expect(clauses('dockerd writes rules then the kernel forwards it')).toBe('dockerd/0 writes/0 rules/0 kernel/1 forwards/1 it/1')
    expect(clauses('machines can then reach it')).toBe('machines/0 can/0 reach/1 it/1')
  })
})

describe("an interrogative 'which'", () => {
  it('after a preposition or a verb of knowing or choosing names a thing inside its clause', () => {
    expect(clauses('a table says which port goes to which container')).toBe('table/0 says/0 port/0 goes/0 to/0 container/0')
    expect(clauses('the kernel decides which container gets it')).toBe('kernel/0 decides/0 container/0 gets/0 it/0')
  })
  it('still opens a clause as a relative pronoun, or before a pronoun or an article', () => {
    expect(clauses('Docker adds a rule, which rewrites the destination')).toBe('docker/0 adds/0 rule/0 rewrites/2 destination/2')
    expect(clauses('Docker adds a rule which rewrites it')).toBe('docker/0 adds/0 rule/0 rewrites/1 it/1')
    expect(clauses('the port to which it goes')).toBe('port/0 to/0 it/1 goes/1')
  })
})

describe('scanText on notes', () => {
  it('counts a misspelt long function word as one, so a misspelt note is still a sentence', () => {
    expect(scanText('CNI plugin encapsultes pod trafic betwen nodes').sentences[0]?.functionWords).toBe(1)
    expect(scanText('CNI plugin encapsulates pod traffic nodes').sentences[0]?.functionWords).toBe(0)
  })


  it('makes each arrow step a clause that opens with "through", so a chain is a sentence, not a keyword list', () => {
    const { tokens, sentences } = scanText('NIC -> kernel -> DNAT -> docker0 -> veth')
    expect(tokens.map((t) => t.word)).toEqual(['nic', 'through', 'kernel', 'through', 'dnat', 'through', 'docker0', 'through', 'veth'])
    expect(new Set(tokens.map((t) => t.sentence)).size).toBe(1)
    expect(new Set(tokens.map((t) => t.clause)).size).toBe(5)
    expect(sentences[0]).toEqual({ words: 9, functionWords: 4, arrows: 4 })
  })

  it('keeps an address with a port as the address and the port', () => {
    expect(tokenize('host:8080 -> 172.17.0.2:80').map((t) => t.word)).toEqual(['host', '8080', 'through', '172.17.0.2', '80'])
  })
})
