// A small persistent hash map (a hash array mapped trie): set/delete copy only the path to one
// leaf, so a world with 10,000 containers can be "changed" per step without copying every container
// (the structural sharing the benchmark depends on; see bench/bench.ts).

type Entry<V> = readonly [string, V]
// One object per entry (keys with the same hash chain through `next`): the trie holds ~10 entries per container, so
// small leaves keep both the heap and the garbage collector's work down.
type Leaf<V> = { readonly leaf: true; readonly hash: number; readonly key: string; readonly value: V; readonly next: Leaf<V> | null }
// Bitmap-compressed branch (Bagwell's HAMT): only present children are stored, so a copy is small.
type Branch<V> = { readonly leaf: false; readonly bitmap: number; readonly kids: readonly TrieNode<V>[] }
type TrieNode<V> = Leaf<V> | Branch<V>

const BITS = 5
const MASK = (1 << BITS) - 1

// Hashes at most the last 24 characters: keys are ids and `host/id` pairs whose tails differ, and a collision only
// costs a short chain walk (leaves keep every entry with the same hash).
function hashKey(key: string): number {
  let h = 0x811c9dc5 ^ key.length
  for (let i = Math.max(0, key.length - 24); i < key.length; i++) {
    h ^= key.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
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

function leafOf<V>(hash: number, key: string, value: V, next: Leaf<V> | null = null): Leaf<V> {
  return { leaf: true, hash, key, value, next }
}

/** The chain with `key` set; `added` tells whether the key is new. */
function setChain<V>(chain: Leaf<V> | null, key: string, value: V): [Leaf<V>, boolean] {
  if (chain === null) throw new Error('PMap: empty chain')
  if (chain.key === key) return [leafOf(chain.hash, key, value, chain.next), false]
  if (chain.next === null) return [leafOf(chain.hash, chain.key, chain.value, leafOf(chain.hash, key, value)), true]
  const [next, added] = setChain(chain.next, key, value)
  return [leafOf(chain.hash, chain.key, chain.value, next), added]
}

function setIn<V>(node: TrieNode<V> | undefined, hash: number, shift: number, key: string, value: V): [TrieNode<V>, boolean] {
  if (node === undefined) return [leafOf(hash, key, value), true]
  if (node.leaf) {
    if (node.hash === hash || shift >= 32) return setChain(node, key, value)
    const branch: Branch<V> = { leaf: false, bitmap: bitOf(node.hash, shift), kids: [node] }
    return setIn(branch, hash, shift, key, value)
  }
  const bit = bitOf(hash, shift)
  const i = indexOf(node.bitmap, bit)
  const kids = node.kids.slice()
  if ((node.bitmap & bit) === 0) {
    kids.splice(i, 0, leafOf(hash, key, value))
    return [{ leaf: false, bitmap: node.bitmap | bit, kids }, true]
  }
  const [child, added] = setIn(node.kids[i], hash, shift + BITS, key, value)
  kids[i] = child
  return [{ leaf: false, bitmap: node.bitmap, kids }, added]
}

/** The chain without `key`: null when the key is absent, undefined when the chain becomes empty. */
function deleteChain<V>(chain: Leaf<V> | null, key: string): Leaf<V> | undefined | null {
  if (chain === null) return null
  if (chain.key === key) return chain.next ?? undefined
  const next = deleteChain(chain.next, key)
  if (next === null) return null
  return leafOf(chain.hash, chain.key, chain.value, next ?? null)
}

function deleteIn<V>(node: TrieNode<V> | undefined, hash: number, shift: number, key: string): TrieNode<V> | undefined | null {
  if (node === undefined) return null
  if (node.leaf) return deleteChain(node, key)
  const bit = bitOf(hash, shift)
  if ((node.bitmap & bit) === 0) return null
  const i = indexOf(node.bitmap, bit)
  const child = deleteIn(node.kids[i], hash, shift + BITS, key)
  if (child === null) return null
  const kids = node.kids.slice()
  if (child === undefined) {
    kids.splice(i, 1)
    return kids.length === 0 ? undefined : { leaf: false, bitmap: node.bitmap & ~bit, kids }
  }
  kids[i] = child
  return { leaf: false, bitmap: node.bitmap, kids }
}

function getIn<V>(node: TrieNode<V> | undefined, hash: number, key: string): V | undefined {
  let shift = 0
  let cur = node
  while (cur !== undefined) {
    if (cur.leaf) {
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
  if (node.leaf) {
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
