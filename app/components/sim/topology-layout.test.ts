import { describe, expect, it } from 'vitest'
import { PRESETS } from '@/lib/challenges/presets'
import { createWorld, describeWorld } from '@/simulator'
import { CHAR, stackedLayout, wideLayout } from './topology'

// The router's and the internet's boxes hold their labels: one line on a wide screen, the name and the addresses on
// two lines in a phone's column, never text running out of its box or the box out of the diagram.
const preset = PRESETS.find((p) => p.id === 'home-router')
const topology = describeWorld(createWorld(preset!.world))

function fits(box: { x: number; w: number; lines: string[] }, width: number) {
  for (const line of box.lines) expect(line.length * CHAR, `"${line}" in a ${box.w} px box`).toBeLessThanOrEqual(box.w - 8)
  expect(box.x + box.w, 'the box ends inside the diagram').toBeLessThanOrEqual(width)
}

describe('topology label boxes', () => {
  it('has a router and an internet machine in the home-router preset', () => {
    expect(topology.routers.length).toBeGreaterThan(0)
    expect(topology.internet.length).toBeGreaterThan(0)
  })

  it('sizes each box to its one-line label on a wide screen', () => {
    const layout = wideLayout(topology)
    fits(layout.internet, layout.width)
    topology.routers.forEach((_, i) => {
      const box = layout.router(i)
      expect(box.lines).toHaveLength(1)
      fits(box, layout.width)
    })
  })

  it('puts the name and the addresses on two lines where one does not fit (a 312 px column)', () => {
    const layout = stackedLayout(topology, 312)
    fits(layout.internet, layout.width)
    topology.routers.forEach((r, i) => {
      const box = layout.router(i)
      expect(box.lines).toEqual([`router ${r.name}`, `${r.ip} / ${r.publicIp}`])
      fits(box, layout.width)
    })
  })
})
