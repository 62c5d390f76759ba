/**
 * The text of listings (`docker ps`, `docker network ls`, `iptables -S`) as the suite compares it: the engine's and
 * the simulator's output normalised only where they must differ. IDs become fixed-width placeholders (so padding is
 * still compared), times go ("Up 3 seconds" → "Up", the CREATED column of the default `docker ps` table), the
 * COMMAND column goes (the test bed's images run /bin/pp-serve, not the real images' entrypoints) and so do the
 * IPv6 port bindings the simulator does not model (`:::8080->80/tcp`, `[::]:8080->80/tcp`). A default table whose
 * columns changed is laid out again with the docker CLI's tabwriter rule (minimum width 10, padding 3).
 */

/** Is this step's command a listing whose text the suite records and compares? */
export function isListingCommand(run: string): boolean {
  const w = run.trim().replace(/^sudo\s+/, '').split(/\s+/)
  if (w[0] === 'docker') {
    const sub = w[1] === 'container' ? w[2] : w[1]
    if (sub === 'ps' || (w[1] === 'container' && sub === 'ls')) return true
    return w[1] === 'network' && (w[2] === 'ls' || w[2] === 'list')
  }
  return w[0] === 'iptables' && w.some((x) => x === '-S' || x === '--list-rules')
}

const ID64 = /\b[0-9a-f]{64}\b/g
const ID12 = /\b[0-9a-f]{12}\b/g
const TIME = String.raw`(?:Less than a second|About a minute|About an hour|an? \w+|\d+ \w+)`

// IDs keep their width, so a table's padding is still compared.
function ids(text: string): string {
  return text.replace(ID64, 'i'.repeat(64)).replace(ID12, 'i'.repeat(12))
}

function timesAndV6(text: string): string {
  return text
    .replace(new RegExp(String.raw`\bUp ${TIME}( \((?:healthy|unhealthy|health: starting)\))?`, 'g'), 'Up')
    .replace(new RegExp(String.raw`\b(Exited \(\d+\)) ${TIME} ago`, 'g'), '$1')
    .replace(/, (?:::|\[::\]):\d+(?:-\d+)?->\d+(?:-\d+)?\/(?:tcp|udp)/g, '')
    .replace(/(?:::|\[::\]):\d+(?:-\d+)?->\d+(?:-\d+)?\/(?:tcp|udp)(?:, )?/g, '')
}

/** Cells of a tabwriter table, cut at the columns where the header's cells start (header cells are separated by
 *  at least two spaces; "CONTAINER ID" has one inside). */
function cells(lines: readonly string[]): string[][] {
  const header = lines[0] ?? ''
  const starts: number[] = [0]
  const re = / {2,}(?=\S)/g
  for (let m = re.exec(header); m !== null; m = re.exec(header)) starts.push(m.index + m[0].length)
  return lines.map((line) => starts.map((s, i) => line.slice(s, starts[i + 1] ?? line.length).trimEnd()))
}

/** tabwriter.NewWriter(out, 10, 1, 3, ' ', 0): every cell but a line's last padded to max(column width + 3, 10). */
export function tabwrite(rows: readonly (readonly string[])[]): string {
  const widths: number[] = []
  for (const r of rows) r.slice(0, -1).forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length + 3, 10)))
  return rows.map((r) => r.map((cell, i) => (i < r.length - 1 ? cell.padEnd(widths[i] ?? 0) : cell)).join('')).join('\n')
}

// A tabwriter table under a header row of upper-case cells (a default table or --format "table …").
function isTable(lines: readonly string[]): boolean {
  return /^[A-Z][A-Z ]*[A-Z]( {2,}[A-Z][A-Z ]*[A-Z])+$/.test(lines[0] ?? '')
}

/** The listing as the suite compares it (see the file comment). */
export function normalizeListing(text: string): string {
  const lines = ids(text.replace(/\s+$/, '')).split('\n')
  if (!isTable(lines)) return lines.map((l) => timesAndV6(l).replace(/\s+$/, '')).join('\n')
  const grid = cells(lines).map((r) => r.map(timesAndV6))
  const head = grid[0] ?? []
  const drop = new Set(['COMMAND', 'CREATED'].map((h) => head.indexOf(h)).filter((i) => i >= 0))
  return tabwrite(grid.map((r) => r.filter((_, i) => !drop.has(i))))
}
