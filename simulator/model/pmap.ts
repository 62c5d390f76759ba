// A small persistent hash map (a hash array mapped trie): set/delete copy only the path to one
// leaf, so a world with 10,000 containers can be "changed" per step without copying every container
// (the structural sharing the benchmark depends on; see bench/bench.ts).

type Entry<V> = readonly [string, V]
// One small object per entry (keys with the same hash chain through `next`): the trie holds ~7 entries per container,
// so each byte of a leaf costs ~0.7 MB in the 100,000-container benchmark, and every byte is copied twice by the young
// generation GC before it settles in the old one. So a leaf keeps no hash (rehashed on the rare split) and no tag.
class Leaf<V> {
  constructor(
    readonly key: string,
    readonly value: V,
    readonly next: Leaf<V> | null,
  ) {}
}
// Bitmap-compressed branch (Bagwell's HAMT): only present children are stored, in an array of exactly that length.
class Branch<V> {
  constructor(
    readonly bitmap: number,
    readonly kids: readonly TrieNode<V>[],
  ) {}
}
type TrieNode<V> = Leaf<V> | Branch<V>

const BITS = 5
const MASK = (1 << BITS) - 1

// Hashes at most the last 24 characters: keys are ids and `host/id` pairs whose tails differ, and a collision only
// costs a short chain walk (leaves keep every entry with the same hash). The result is a signed int32, a small
// integer V8 stores inline; `>>>` below reads the same 32 bits as before.
function hashKey(key: string): number {
  let h = 0x811c9dc5 ^ key.length
  for (let i = Math.max(0, key.length - 24); i < key.length; i++) {
    h ^= key.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h | 0
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555)
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333)
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff
}

function bitOf(hash: number, shift: number): number {
  return 1 << ((hash >>> shift) & MASK)
}

function indexOf(bitmap: number, bit: number): number {
  return popcount(bitmap & (bit - 1))
}

/** A copy of `kids` with `node` inserted at `i`, allocated at its exact length (splice would over-allocate). */
function insertAt<V>(kids: readonly TrieNode<V>[], i: number, node: TrieNode<V>): TrieNode<V>[] {
  const out = new Array<TrieNode<V>>(kids.length + 1)
  for (let j = 0; j < i; j++) out[j] = kids[j] as TrieNode<V>
  out[i] = node
  for (let j = i; j < kids.length; j++) out[j + 1] = kids[j] as TrieNode<V>
  return out
}

/** The chain with `key` set; `added` tells whether the key is new. */
function setChain<V>(chain: Leaf<V> | null, key: string, value: V): [Leaf<V>, boolean] {
  if (chain === null) throw new Error('PMap: empty chain')
  if (chain.key === key) return [new Leaf(key, value, chain.next), false]
  if (chain.next === null) return [new Leaf(chain.key, chain.value, new Leaf(key, value, null)), true]
  const [next, added] = setChain(chain.next, key, value)
  return [new Leaf(chain.key, chain.value, next), added]
}

function setIn<V>(node: TrieNode<V> | undefined, hash: number, shift: number, key: string, value: V): [TrieNode<V>, boolean] {
  if (node === undefined) return [new Leaf(key, value, null), true]
  if (node instanceof Leaf) {
    if (node.key === key) return [new Leaf(key, value, node.next), false]
    const nodeHash = hashKey(node.key)
    if (nodeHash === hash || shift >= 32) return setChain(node, key, value)
    return setIn(new Branch<V>(bitOf(nodeHash, shift), [node]), hash, shift, key, value)
  }
  const bit = bitOf(hash, shift)
  const i = indexOf(node.bitmap, bit)
  if ((node.bitmap & bit) === 0) return [new Branch(node.bitmap | bit, insertAt(node.kids, i, new Leaf(key, value, null))), true]
  const [child, added] = setIn(node.kids[i], hash, shift + BITS, key, value)
  const kids = node.kids.slice()
  kids[i] = child
  return [new Branch(node.bitmap, kids), added]
}

/** The chain without `key`: null when the key is absent, undefined when the chain becomes empty. */
function deleteChain<V>(chain: Leaf<V> | null, key: string): Leaf<V> | undefined | null {
  if (chain === null) return null
  if (chain.key === key) return chain.next ?? undefined
  const next = deleteChain(chain.next, key)
  if (next === null) return null
  return new Leaf(chain.key, chain.value, next ?? null)
}

function deleteIn<V>(node: TrieNode<V> | undefined, hash: number, shift: number, key: string): TrieNode<V> | undefined | null {
  if (node === undefined) return null
  if (node instanceof Leaf) return deleteChain(node, key)
  const bit = bitOf(hash, shift)
  if ((node.bitmap & bit) === 0) return null
  const i = indexOf(node.bitmap, bit)
  const child = deleteIn(node.kids[i], hash, shift + BITS, key)
  if (child === null) return null
  if (child === undefined) {
    if (node.kids.length === 1) return undefined
    return new Branch(node.bitmap & ~bit, node.kids.filter((_, j) => j !== i))
  }
  const kids = node.kids.slice()
  kids[i] = child
  return new Branch(node.bitmap, kids)
}

function getIn<V>(node: TrieNode<V> | undefined, hash: number, key: string): V | undefined {
  let shift = 0
  let cur = node
  while (cur !== undefined) {
    if (cur instanceof Leaf) {
      for (let l: Leaf<V> | null = cur; l !== null; l = l.next) if (l.key === key) return l.value
      return undefined
    }
    const bit = bitOf(hash, shift)
    if ((cur.bitmap & bit) === 0) return undefined
    cur = cur.kids[indexOf(cur.bitmap, bit)]
    shift += BITS
  }
  return undefined
}

function walk<V>(node: TrieNode<V> | undefined, out: Entry<V>[]): Entry<V>[] {
  if (node === undefined) return out
  if (node instanceof Leaf) {
    for (let l: Leaf<V> | null = node; l !== null; l = l.next) out.push([l.key, l.value])
    return out
  }
  for (const kid of node.kids) walk(kid, out)
  return out
}

export class PMap<V> {
  static empty<V>(): PMap<V> {
    return new PMap<V>(undefined, 0)
  }

  static from<V>(entries: Iterable<Entry<V>>): PMap<V> {
    let m = PMap.empty<V>()
    for (const [k, v] of entries) m = m.set(k, v)
    return m
  }

  private constructor(
    private readonly root: TrieNode<V> | undefined,
    readonly size: number,
  ) {}

  get(key: string): V | undefined {
    return getIn(this.root, hashKey(key), key)
  }

  has(key: string): boolean {
    return this.get(key) !== undefined
  }

  set(key: string, value: V): PMap<V> {
    const [root, added] = setIn(this.root, hashKey(key), 0, key, value)
    return new PMap(root, this.size + (added ? 1 : 0))
  }

  delete(key: string): PMap<V> {
    const root = deleteIn(this.root, hashKey(key), 0, key)
    return root === null ? this : new PMap(root, this.size - 1)
  }

  entries(): Entry<V>[] {
    return walk(this.root, [])
  }

  values(): V[] {
    return this.entries().map((e) => e[1])
  }
}
