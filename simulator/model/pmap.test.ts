import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { PMap } from './pmap'

describe('PMap', () => {
  it('behaves like a Map and never mutates older versions', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.string({ maxLength: 4 }), fc.integer())), (ops) => {
        let pm = PMap.empty<number>()
        const ref = new Map<string, number>()
        const history: [PMap<number>, Map<string, number>][] = []
        for (const [isSet, k, v] of ops) {
          pm = isSet ? pm.set(k, v) : pm.delete(k)
          if (isSet) ref.set(k, v)
          else ref.delete(k)
          history.push([pm, new Map(ref)])
        }
        for (const [m, r] of history) {
          expect(m.size).toBe(r.size)
          expect(new Map(m.entries())).toEqual(r)
        }
      }),
    )
  })

  it('keeps colliding prefixes apart', () => {
    let pm = PMap.empty<number>()
    for (let i = 0; i < 5000; i++) pm = pm.set(`k${i}`, i)
    expect(pm.size).toBe(5000)
    expect(pm.get('k4321')).toBe(4321)
    expect(pm.delete('k1').get('k1')).toBeUndefined()
    expect(pm.get('k1')).toBe(1)
  })

  it('chains keys whose hashes collide (x1unw and xywba share a 32-bit hash)', () => {
    const m = PMap.empty<number>().set('x1unw', 1).set('xywba', 2).set('x1unt', 3).set('xywbb', 4)
    expect([m.get('x1unw'), m.get('xywba'), m.get('x1unt'), m.get('xywbb'), m.size]).toEqual([1, 2, 3, 4, 4])
    const updated = m.set('xywba', 20)
    expect([updated.get('xywba'), updated.size, m.get('xywba')]).toEqual([20, 4, 2])
    const removed = m.delete('x1unw').delete('xywbb')
    expect([removed.get('x1unw'), removed.get('xywba'), removed.get('x1unt'), removed.get('xywbb'), removed.size]).toEqual([undefined, 2, 3, undefined, 2])
    expect(removed.delete('nope')).toBe(removed)
    expect(new Map(m.entries())).toEqual(new Map([['x1unw', 1], ['xywba', 2], ['x1unt', 3], ['xywbb', 4]]))
  })
})
