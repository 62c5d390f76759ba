/**
 * Gives every Markdown heading (## …) an id made from its text, so sections can be linked
 * (`/lessons/<id>#virtual-vs-real-nics`). A heading written as JSX with its own id (`<h2 id="drivers">`) is an MDX
 * JSX node, not an element, so it keeps the id the author chose: use that form when other files link to the anchor.
 */
type HastNode = {
  type: string
  tagName?: string
  value?: string
  properties?: Record<string, unknown>
  children?: HastNode[]
}

const HEADING = /^h[1-6]$/

/** `Virtual and "real" NICs` → `virtual-and-real-nics`. */
export function toSlug(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9\s-]/g, '')
    .trim()
    .replace(/[\s-]+/g, '-')
}

function textOf(node: HastNode): string {
  if (node.type === 'text') return node.value ?? ''
  return (node.children ?? []).map(textOf).join('')
}

function walk(node: HastNode, visit: (n: HastNode) => void) {
  visit(node)
  for (const child of node.children ?? []) walk(child, visit)
}

export function rehypeHeadingIds() {
  return (tree: HastNode) => {
    const used = new Map<string, number>()
    walk(tree, (node) => {
      if (node.type !== 'element' || !HEADING.test(node.tagName ?? '') || node.properties?.id) return
      const base = toSlug(textOf(node)) || 'section'
      const count = used.get(base) ?? 0
      used.set(base, count + 1)
      node.properties = { ...node.properties, id: count === 0 ? base : `${base}-${count}` }
    })
  }
}
