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
// Bitmap-compressed branch (Bagwell's HAMT): one array holding the bitmap at [0] and then only the present children,
// at its exact length. One object per level rather than a node plus a kids array: a lookup in the benchmark's
// 100,000-name overlay DNS map touches four levels, and each object is a likely cache miss once the world outgrows L3.
type Branch<V> = readonly (number | TrieNode<V>)[]
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

/** Where the child for `bit` sits in a branch (after the bitmap at [0]). */
function slotOf(bitmap: number, bit: number): number {
  return 1 + popcount(bitmap & (bit - 1))
}

function kid<V>(branch: Branch<V>, slot: number): TrieNode<V> {
  return branch[slot] as TrieNode<V>
}

/** A copy of `branch` with `node` inserted at `slot` and the bitmap set to `bitmap`, at its exact length. */
function insertAt<V>(branch: Branch<V>, bitmap: number, slot: number, node: TrieNode<V>): Branch<V> {
  const out = new Array<number | TrieNode<V>>(branch.length + 1)
  out[0] = bitmap
  for (let j = 1; j < slot; j++) out[j] = branch[j] as TrieNode<V>
  out[slot] = node
  for (let j = slot; j < branch.length; j++) out[j + 1] = branch[j] as TrieNode<V>
  return out
}

function replaceAt<V>(branch: Branch<V>, slot: number, node: TrieNode<V>): Branch<V> {
  const out = branch.slice()
  out[slot] = node
  return out
}

// Whether the last setIn added a key (rather than a tuple per level, which was most of a set's garbage).
let added = false

/** The chain with `key` set. */
function setChain<V>(chain: Leaf<V>, key: string, value: V): Leaf<V> {
  if (chain.key === key) return new Leaf(key, value, chain.next)
  if (chain.next === null) {
    added = true
    return new Leaf(chain.key, chain.value, new Leaf(key, value, null))
  }
  return new Leaf(chain.key, chain.value, setChain(chain.next, key, value))
}

function setIn<V>(node: TrieNode<V> | undefined, hash: number, shift: number, key: string, value: V): TrieNode<V> {
  if (node === undefined) {
    added = true
    return new Leaf(key, value, null)
  }
  if (node instanceof Leaf) {
    if (node.key === key) return new Leaf(key, value, node.next)
    const nodeHash = hashKey(node.key)
    if (nodeHash === hash || shift >= 32) return setChain(node, key, value)
    return setIn<V>([bitOf(nodeHash, shift), node], hash, shift, key, value)
  }
  const bitmap = node[0] as number
  const bit = bitOf(hash, shift)
  const slot = slotOf(bitmap, bit)
  if ((bitmap & bit) === 0) {
    added = true
    return insertAt(node, bitmap | bit, slot, new Leaf(key, value, null))
  }
  return replaceAt(node, slot, setIn(kid(node, slot), hash, shift + BITS, key, value))
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
  const bitmap = node[0] as number
  const bit = bitOf(hash, shift)
  if ((bitmap & bit) === 0) return null
  const slot = slotOf(bitmap, bit)
  const child = deleteIn(kid(node, slot), hash, shift + BITS, key)
  if (child === null) return null
  if (child === undefined) {
    if (node.length === 2) return undefined
    const out = node.filter((_, j) => j !== slot)
    out[0] = bitmap & ~bit
    return out
  }
  return replaceAt(node, slot, child)
}

function getIn<V>(node: TrieNode<V> | undefined, hash: number, key: string): V | undefined {
  let shift = 0
  let cur = node
  while (cur !== undefined) {
    if (cur instanceof Leaf) {
      for (let l: Leaf<V> | null = cur; l !== null; l = l.next) if (l.key === key) return l.value
      return undefined
    }
    const bitmap = cur[0] as number
    const bit = bitOf(hash, shift)
    if ((bitmap & bit) === 0) return undefined
    cur = kid(cur, slotOf(bitmap, bit))
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
  for (let j = 1; j < node.length; j++) walk(kid(node, j), out)
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
    added = false
    const root = setIn(this.root, hashKey(key), 0, key, value)
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
