// Arrays stored in the world at their exact length. The world keeps ~15 small arrays per container, and V8 gives an
// array grown by push/splice/spread spare room for 16 more elements (~130 bytes each), so a 100,000-container world
// carried ~150 MB of empty slots that the young-generation GC copied twice. Empty arrays are one shared frozen value.

const NONE: readonly never[] = Object.freeze([])

/** `items` as an exact-length array (the shared empty array when there are none). */
export function compact<T>(items: readonly T[]): readonly T[] {
  if (items.length === 0) return NONE
  const out = new Array<T>(items.length)
  for (let i = 0; i < items.length; i++) out[i] = items[i] as T
  return out
}

/** A copy of `items` with `item` at the end, allocated at its exact length. */
export function appended<T>(items: readonly T[] | undefined, item: T): readonly T[] {
  const n = items?.length ?? 0
  const out = new Array<T>(n + 1)
  for (let i = 0; i < n; i++) out[i] = (items as readonly T[])[i] as T
  out[n] = item
  return out
}
