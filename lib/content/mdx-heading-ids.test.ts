import { describe, expect, it } from 'vitest'
import { rehypeHeadingIds, toSlug } from './mdx-heading-ids'

describe('toSlug', () => {
  it.each([
    ['Virtual and "real" network interfaces', 'virtual-and-real-network-interfaces'],
    ["Network drivers: Docker's plug-ins", 'network-drivers-dockers-plug-ins'],
    ['  Coming   up ', 'coming-up'],
    ['Über café', 'uber-cafe'],
  ])('%s → %s', (text, slug) => {
    expect(toSlug(text)).toBe(slug)
  })
})

describe('rehypeHeadingIds', () => {
  it('adds unique ids to headings and keeps an id the author set', () => {
    const heading = (text: string, id?: string) => ({
      type: 'element',
      tagName: 'h2',
      properties: id ? { id } : {},
      children: [{ type: 'text', value: text }],
    })
    const tree = {
      type: 'root',
      children: [heading('Recap'), heading('Recap'), heading('Drivers', 'drivers'), { type: 'element', tagName: 'p', properties: {}, children: [] }],
    }
    rehypeHeadingIds()(tree)
    expect(tree.children.map((n) => n.properties)).toEqual([{ id: 'recap' }, { id: 'recap-1' }, { id: 'drivers' }, {}])
  })
})
