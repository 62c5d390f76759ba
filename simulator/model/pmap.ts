// A small persistent hash map (a hash array mapped trie): set/delete copy only the path to one
// leaf, so a world with 10,000 containers can be "changed" per step without copying every container
// (the structural sharing the benchmark depends on; see bench/bench.ts).

type Entry<V> = readonly [string, V]
type Leaf<V> = { readonly leaf: true; readonly hash: number; readonly entries: readonly Entry<V>[] }
// Bitmap-compressed branch (Bagwell's HAMT): only present children are stored, so a copy is small.
type Branch<V> = { readonly leaf: false; readonly bitmap: number; readonly kids: readonly TrieNode<V>[] }
type TrieNode<V> = Leaf<V> | Branch<V>

const BITS = 5
const MASK = (1 << BITS) - 1

// Hashes at most the last 24 characters: keys are ids and `host/id` pairs whose tails differ, and a collision only
// costs a short bucket scan (leaves keep every entry with the same hash).
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

function setIn<V>(node: TrieNode<V> | undefined, hash: number, shift: number, key: string, value: V): [TrieNode<V>, boolean] {
  if (node === undefined) return [{ leaf: true, hash, entries: [[key, value]] }, true]
  if (node.leaf) {
    if (node.hash === hash || shift >= 32) {
      const i = node.entries.findIndex((e) => e[0] === key)
      const entries = node.entries.slice()
      if (i >= 0) entries[i] = [key, value]
      else entries.push([key, value])
      return [{ leaf: true, hash: node.hash, entries }, i < 0]
    }
    const branch: Branch<V> = { leaf: false, bitmap: bitOf(node.hash, shift), kids: [node] }
    return setIn(branch, hash, shift, key, value)
  }
  const bit = bitOf(hash, shift)
  const i = indexOf(node.bitmap, bit)
  const kids = node.kids.slice()
  if ((node.bitmap & bit) === 0) {
    kids.splice(i, 0, { leaf: true, hash, entries: [[key, value]] })
    return [{ leaf: false, bitmap: node.bitmap | bit, kids }, true]
  }
  const [child, added] = setIn(node.kids[i], hash, shift + BITS, key, value)
  kids[i] = child
  return [{ leaf: false, bitmap: node.bitmap, kids }, added]
}

function deleteIn<V>(node: TrieNode<V> | undefined, hash: number, shift: number, key: string): TrieNode<V> | undefined | null {
  if (node === undefined) return null
  if (node.leaf) {
    const i = node.entries.findIndex((e) => e[0] === key)
    if (i < 0) return null
    if (node.entries.length === 1) return undefined
    return { leaf: true, hash: node.hash, entries: node.entries.filter((_, j) => j !== i) }
  }
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
      for (const e of cur.entries) if (e[0] === key) return e[1]
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
    for (const e of node.entries) out.push(e)
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
