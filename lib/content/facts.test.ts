// Facts a second reader found wrong in the course (issue 15), pinned so they cannot come back: every lesson, quiz,
// challenge, rubric, diagram text and the simulator README is scanned sentence by sentence for the wrong version or
// claim, and the places that must carry a caveat are checked for it. Sources are in the comments and in
// ../shared/docker-networking-facts.md.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { gradeAnswer } from '../free-text'

const root = path.join(import.meta.dirname, '..', '..')

type Doc = { file: string; text: string }

function readDir(dir: string, ext: string): Doc[] {
  const abs = path.join(root, dir)
  return readdirSync(abs)
    .filter((f) => f.endsWith(ext))
    .map((f) => ({ file: `${dir}/${f}`, text: readFileSync(path.join(abs, f), 'utf8') }))
}

// JSON content is read as its strings (prompts, options, explanations, hints, feedback), so one sentence is one string.
function jsonStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(jsonStrings)
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(jsonStrings)
  return []
}

const docs: Doc[] = [
  ...readDir('content/lessons', '.mdx'),
  ...readDir('content/quizzes', '.json'),
  ...readDir('content/challenges', '.json'),
  ...readDir('content/review/rubrics', '.json'),
  ...readDir('public/diagrams', '.svg'),
  { file: 'simulator/README.md', text: readFileSync(path.join(root, 'simulator/README.md'), 'utf8') },
].map((d) => (d.file.endsWith('.json') ? { ...d, text: jsonStrings(JSON.parse(d.text)).join('\n') } : d))

/** Sentences (and JSON strings, table cells, SVG texts) of every document, with line breaks joined. */
function sentences(doc: Doc): string[] {
  return doc.text
    .split(/\n\s*\n|(?<=[.!?])\s+(?=[A-Z`(])|<\/?(?:td|th|li|text|desc|title)[^>]*>|\n(?=[-*] )|\n(?=[^\n]*"text":)/)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => s.length > 0)
}

/** "file: sentence" for every sentence that matches `bad` (and `when`, if given). */
function offending(bad: RegExp, when?: RegExp, unless?: RegExp): string[] {
  return docs.flatMap((doc) =>
    sentences(doc)
      .filter((s) => bad.test(s) && (when === undefined || when.test(s)) && (unless === undefined || !unless.test(s)))
      .map((s) => `${doc.file}: ${s.slice(0, 200)}`),
  )
}

describe('facts the course must not get wrong again (issue 15)', () => {
  it('has content to scan', () => {
    expect(docs.filter((d) => d.file.startsWith('content/lessons')).length).toBeGreaterThanOrEqual(8)
    expect(docs.some((d) => d.file === 'content/quizzes/hosting-with-external-access.json')).toBe(true)
  })

  // moby/moby#50098, release notes v28.2.2: Docker stopped adding the RETURN rule to DOCKER-USER in 28.2.2, not 28.3.
  it('dates the end of the DOCKER-USER RETURN rule to v28.2.2', () => {
    const versions = /\bv?28\.(?:3|2)(?:\.\d+)?\b|\bv?28\.2\b/g
    const bad = docs.flatMap((doc) =>
      sentences(doc)
        .filter((s) => /DOCKER-USER|RETURN|-A\b|append/.test(s) && /RETURN|-A\b|append|empty/.test(s))
        .filter((s) => (s.match(versions) ?? []).some((v) => !/^v?28\.2\.[12]$/.test(v)))
        .filter((s) => !/raw|isolation|PREROUTING/i.test(s))
        .map((s) => `${doc.file}: ${s.slice(0, 200)}`),
    )
    expect(bad).toEqual([])
    const all = docs.map((d) => d.text).join('\n')
    expect(all).toMatch(/28\.2\.2/)
    expect(offending(/28\.3/)).toEqual([])
  })

  it('says that an upgraded host keeps the old RETURN rule until the chain is recreated', () => {
    for (const file of ['content/lessons/publishing-ports.mdx', 'content/lessons/hosting-with-external-access.mdx']) {
      const text = docs.find((d) => d.file === file)?.text.replace(/\s+/g, ' ') ?? ''
      expect(text, file).toMatch(/upgraded.{0,60}?keeps.{0,30}?RETURN.{0,60}?(reboot|created again)/)
    }
  })

  it('does not call DOCKER-USER empty without saying since when', () => {
    expect(offending(/DOCKER-USER/, /\b(an empty chain|is empty|chain empty|starts empty|leaves the chain empty)\b/, /28\.2\.2/)).toEqual([])
  })

  // Since Kubernetes 1.24 (dockershim removed) the container runtime, not the kubelet, invokes the CNI plug-in.
  it('has the container runtime, not the kubelet, call the CNI plug-in', () => {
    expect(offending(/kubelet (and the container runtime )?(call|calls|invoke|invokes|runs)\b[^.]*(CNI|plug-?in)/i, undefined, /before Kubernetes 1\.24|dockershim/i)).toEqual([])
    expect(offending(/kubelet and the container runtime call/i)).toEqual([])
  })

  // v28.2+: a per-container rule in raw PREROUTING drops traffic between bridges; v29 removed DOCKER-ISOLATION-STAGE.
  it('does not place bridge isolation drops in FORWARD alone', () => {
    expect(offending(/dropped in FORWARD/i, /isolat|between (two )?bridge|other (user-defined )?(bridge|network)/i, /raw|older|20\.10/i)).toEqual([])
  })

  it('does not count macvlan as a cross-host network', () => {
    expect(offending(/(several|multiple|across)[^.]*hosts[^.]*macvlan[^.]*(more common|usual)/i)).toEqual([])
    expect(offending(/macvlan[^.]*(spans|across) (several|multiple) hosts/i)).toEqual([])
  })

  // The DNAT rule lives in nat's DOCKER chain, which PREROUTING and OUTPUT jump to.
  it('puts the published-port DNAT rule in the nat DOCKER chain', () => {
    expect(offending(/DNAT rule (in|to) (the )?(nat )?`?PREROUTING/i)).toEqual([])
    expect(offending(/rule in the `?nat`? table's `?PREROUTING`? chain/i)).toEqual([])
    expect(offending(/adds? a DNAT rule in nat `?PREROUTING/i)).toEqual([])
  })

  it('counts docker-proxy per published port and address family', () => {
    expect(offending(/docker-proxy[^.]*one (process )?per published port(?! and)/i)).toEqual([])
    const ports = docs.find((d) => d.file === 'content/lessons/publishing-ports.mdx')?.text.replace(/\s+/g, ' ') ?? ''
    expect(ports).toMatch(/one process per published port and address family/)
  })

  it('says that an address binding is an address, not a LAN', () => {
    expect(offending(/publish(es)? on (that|this) one LAN/i)).toEqual([])
    expect(offending(/Publish on the office LAN only/)).toEqual([])
  })

  it('does not say Calico routes pod addresses directly by default', () => {
    expect(offending(/route[sd]? pod addresses directly[^.]*Calico|Calico[^.]*route[sd]? pod addresses directly/i)).toEqual([])
    expect(offending(/Calico<\/td><td>Routes pod addresses:/)).toEqual([])
  })

  it('delivers a decapsulated VXLAN packet by address, not by name', () => {
    expect(offending(/(deliver|hand)[^.]{0,80}(by name|found by name)/i, /VXLAN|unwrap|decapsul|overlay/i)).toEqual([])
  })

  it('gives an ipvlan host the same shim fix as macvlan', () => {
    const lesson = docs.find((d) => d.file === 'content/lessons/macvlan-and-ipvlan.mdx')?.text ?? ''
    expect(lesson).toMatch(/type ipvlan mode l2/)
    expect(lesson).not.toMatch(/<td>no, not through the parent<\/td>/)
  })

  it('puts the load-balancer caveat where the overlay lesson gives container addresses', () => {
    const lesson = docs.find((d) => d.file === 'content/lessons/overlay-and-orchestrators.mdx')?.text ?? ''
    const paragraph = lesson.split(/\n\s*\n/).find((p) => /`api` is `10\.0\.1\.2`/.test(p)) ?? ''
    expect(paragraph).toMatch(/load-balancer/)
  })

  // Lesson 5 says the office router's DHCP pool is 10.77.0.100–10.77.0.191; no solution may pin a container there.
  it('never tells a learner to pin a container inside the office DHCP pool', () => {
    // review-macvlan-dhcp-clash starts from that very mistake (the printer's address), which the learner must undo.
    const pinned = docs.filter((doc) => !doc.file.endsWith('review-macvlan-dhcp-clash.json')).flatMap((doc) =>
      [...doc.text.matchAll(/--ip 10\.77\.0\.(\d+)/g)]
        .filter((m) => Number(m[1]) >= 100 && Number(m[1]) <= 191)
        .map((m) => `${doc.file}: ${m[0]}`),
    )
    expect(pinned).toEqual([])
    const solutions = readDir('lib/challenges/solutions', '.ts').filter((d) => !d.file.includes('review-macvlan-dhcp-clash'))
    expect(solutions.flatMap((d) => [...d.text.matchAll(/--ip 10\.77\.0\.1([0-8]\d|9[01])\b/g)].map((m) => `${d.file}: ${m[0]}`))).toEqual([])
  })

  it("lists every later lesson in the intro's Coming up", () => {
    const intro = docs.find((d) => d.file === 'content/lessons/container-networking-intro.mdx')?.text ?? ''
    const position = (text: string) => Number(/sidebar_position: (\d+)/.exec(text)?.[1])
    const later = docs.filter((d) => d.file.startsWith('content/lessons/') && position(d.text) > position(intro))
    const comingUp = /## Coming up\n\n((?:- .*\n)+)/.exec(intro)?.[1] ?? ''
    expect(comingUp.trim().split('\n').length).toBe(later.length)
  })

  // AWS VPC CNI and Azure CNI do give pods VPC/VNet addresses: a qualified statement is not the misconception.
  it('accepts pods with VPC addresses when the answer names such a plug-in, and still refuses the bare claim', () => {
    const base =
      'Kubernetes uses a CNI plugin such as Flannel to build an overlay across all nodes: pod packets are wrapped in ' +
      'VXLAN between the node IPs, so every pod gets its own IP and reaches pods on other nodes without NAT.'
    expect(gradeAnswer('review-q4', `${base} With Azure CNI, pods get IP addresses from the LAN's DHCP server.`).verdict).toBe('correct')
    expect(gradeAnswer('review-q4', `${base} Pods get IP addresses from the LAN's DHCP server with the AWS VPC CNI.`).verdict).toBe('correct')
    expect(gradeAnswer('review-q4', `${base} Pods get IP addresses from the LAN's DHCP server.`).verdict).toBe('incorrect')
  })
})
