// The part of the docker CLI's --format that learners use: Go-template actions naming one field ({{.Names}}), with
// or without the "table " prefix (docker/cli formatter: `\t` in the format is a tab; a table goes through tabwriter
// with minimum width 10 and padding 3, under a header row). docker ps and docker network ls share it.
import { err, ok, type Result } from '../result'

export type Field<T> = Readonly<{ header: string; value: (item: T) => string }>
export type Fields<T> = Readonly<Record<string, Field<T>>>

type Piece = Readonly<{ text: string } | { field: string }>

/** "docker ps --format: the simulator fills in {{.ID}}, … (optionally after "table "); other template syntax is not supported here." */
export function formatSupported(command: string, fields: Fields<never>): string {
  return `${command} --format: the simulator fills in ${Object.keys(fields).map((f) => `{{.${f}}}`).join(', ')} (optionally after "table "); other template syntax is not supported here.`
}

// contextType: the Go type text/template names for a field it lacks (*formatter.ContainerContext, …).
function parseTemplate<T>(format: string, fields: Fields<T>, supported: string, contextType: string): Result<Piece[]> {
  const pieces: Piece[] = []
  const re = /\{\{\s*(.*?)\s*\}\}/g
  let last = 0
  for (let m = re.exec(format); m !== null; m = re.exec(format)) {
    pieces.push({ text: format.slice(last, m.index) })
    const action = m[1] as string
    const name = /^\.([A-Za-z_]\w*)$/.exec(action)?.[1]
    if (name === undefined) return err('invalid-argument', supported)
    if (!Object.hasOwn(fields, name)) {
      // text/template's own error for a field the context does not have.
      const at = m.index + m[0].indexOf('.')
      return err('invalid-argument', `template: :1:${at}: executing "" at <.${name}>: can't evaluate field ${name} in type ${contextType}`)
    }
    pieces.push({ field: name })
    last = re.lastIndex
  }
  pieces.push({ text: format.slice(last) })
  return ok(pieces.filter((p) => !('text' in p) || p.text !== ''))
}

/** tabwriter.NewWriter(out, 10, 1, 3, ' ', 0), the docker CLI's table writer (cli/command/formatter): each cell but
 *  the last in a line padded to max(width + 3, 10). The default `docker ps` / `docker network ls` tables use it too. */
export function tabulate(lines: readonly string[]): string {
  const rows = lines.map((l) => l.split('\t'))
  const widths: number[] = []
  for (const r of rows) r.slice(0, -1).forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length + 3, 10)))
  return rows.map((r) => r.map((cell, i) => (i < r.length - 1 ? cell.padEnd(widths[i] ?? 0) : cell)).join('')).join('\n')
}

function render(pieces: readonly Piece[], values: (field: string) => string): string {
  return pieces.map((p) => ('text' in p ? p.text : values(p.field))).join('').replace(/\\t/g, '\t').replace(/\\n/g, '\n')
}

/** The items printed through a --format template (one line each, or a table under a header row). */
export function formatWithTemplate<T>(items: readonly T[], format: string, fields: Fields<T>, supported: string, contextType: string): Result<string> {
  const isTable = format.startsWith('table ')
  const parsed = parseTemplate(isTable ? format.slice('table '.length) : format, fields, supported, contextType)
  if (!parsed.ok) return parsed
  const field = (f: string) => fields[f] as Field<T>
  const lines = items.map((item) => render(parsed.value, (f) => field(f).value(item)))
  if (!isTable) return ok(lines.join('\n'))
  return ok(tabulate([render(parsed.value, (f) => field(f).header), ...lines]))
}
