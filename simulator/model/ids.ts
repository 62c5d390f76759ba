// Deterministic identifiers: the world keeps a counter and every id or MAC is a hash of it, so the same scenario
// always produces byte-identical output (no Date.now or Math.random; STYLE.md).

function mix(x: number): number {
  let h = x >>> 0
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d)
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b)
  return (h ^ (h >>> 16)) >>> 0
}

export function hexId(counter: number): string {
  let out = ''
  for (let i = 0; i < 8; i++) out += mix(counter * 8 + i + 0x9e3779b9).toString(16).padStart(8, '0')
  return out
}

export function shortId(id: string): string {
  return id.slice(0, 12)
}

/** A locally administered unicast MAC, as v28+ generates random ones (facts 21). */
export function macFrom(counter: number): string {
  const a = mix(counter ^ 0x5bd1e995)
  const b = mix(counter + 0x27d4eb2d)
  const bytes = [((a >>> 24) & 0xfc) | 0x02, (a >>> 16) & 255, (a >>> 8) & 255, a & 255, (b >>> 8) & 255, b & 255]
  return bytes.map((x) => x.toString(16).padStart(2, '0')).join(':')
}
