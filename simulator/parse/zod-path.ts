// Where a zod issue points, as an author reads it: `hosts[1].nics[0].ip` (STYLE.md, "At a boundary, say where").
// One formatter for every schema the project checks; '' for the root, which each caller names its own way.
export function formatZodPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('')
}
