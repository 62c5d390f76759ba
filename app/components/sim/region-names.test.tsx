import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { PRESETS } from '@/lib/challenges/presets'
import { createWorld, describeWorld } from '@/simulator'
import { PacketTrace } from './packet-trace'
import { Topology } from './topology'

// Each challenge's trace and topology are regions named after the challenge ("Packet trace: Expose nginx…"), so a
// page with several challenges has distinct landmarks. The region takes its name from its heading (aria-labelledby).
function regionName(html: string): string | undefined {
  const labelledBy = /<section aria-labelledby="([^"]+)"/.exec(html)?.[1]
  const heading = labelledBy === undefined ? null : new RegExp(`<h3 id="${labelledBy}"(?: aria-label="([^"]*)")?[^>]*>([^<]*)</h3>`).exec(html)
  return heading ? (heading[1] ?? heading[2]) : undefined
}

const topology = describeWorld(createWorld(PRESETS[0]!.world))

describe('simulator region names', () => {
  it.each([
    ['packet trace', (context?: string) => <PacketTrace view={null} step={0} onStep={() => undefined} context={context} />, 'Packet trace'],
    ['topology', (context?: string) => <Topology topology={topology} at={null} context={context} />, 'Topology'],
  ])('names the %s region "<name>: <challenge>", with no space before the colon', (_what, render, name) => {
    expect(regionName(renderToString(render('Expose nginx on port 8080 to the LAN')))).toBe(`${name}: Expose nginx on port 8080 to the LAN`)
    expect(regionName(renderToString(render()))).toBe(name)
  })
})
