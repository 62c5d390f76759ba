// `docker ps` beyond the default table: -q (IDs only) and --format with the Go-template fields learners use
// ({{.ID}}, {{.Names}}, {{.Ports}}, …), with or without the "table " prefix (docker/cli formatter: `\t` in the
// format is a tab; a table goes through tabwriter with minimum width 10 and padding 3, under a header row).
import type { DockerCommand } from '../parse/docker-command'
import { err, ok, type Result } from '../result'
import { shortId } from './ids'
import { formatCommand } from './images'
import { formatBinding } from './ports'
import { formatPs, formatStatus, listedContainers } from './format'
import type { Container, Host, World } from './types'
import { getNetwork } from './world'

type Field = Readonly<{ header: string; value: (world: World, c: Container) => string }>

const FIELDS: Readonly<Record<string, Field>> = {
  ID: { header: 'CONTAINER ID', value: (_w, c) => shortId(c.id) },
  Image: { header: 'IMAGE', value: (_w, c) => c.image },
  Command: { header: 'COMMAND', value: (_w, c) => formatCommand(c.image, c.cmd) },
  Status: { header: 'STATUS', value: (_w, c) => formatStatus(c) },
  State: { header: 'STATE', value: (_w, c) => c.state },
  Ports: { header: 'PORTS', value: (_w, c) => c.bindings.map(formatBinding).join(', ') },
  Names: { header: 'NAMES', value: (_w, c) => c.name },
  Networks: { header: 'NETWORKS', value: (w, c) => c.endpoints.map((e) => getNetwork(w, c.host, e.netId)?.name ?? e.netId).join(',') },
}

const SUPPORTED = `docker ps --format: the simulator fills in ${Object.keys(FIELDS).map((f) => `{{.${f}}}`).join(', ')} (optionally after "table "); other template syntax is not supported here.`

type Piece = Readonly<{ text: string } | { field: string }>

function parseTemplate(format: string): Result<Piece[]> {
  const pieces: Piece[] = []
  const re = /\{\{\s*(.*?)\s*\}\}/g
  let last = 0
  for (let m = re.exec(format); m !== null; m = re.exec(format)) {
    pieces.push({ text: format.slice(last, m.index) })
    const action = m[1] as string
    const name = /^\.([A-Za-z_]\w*)$/.exec(action)?.[1]
    if (name === undefined) return err('invalid-argument', SUPPORTED)
    if (FIELDS[name] === undefined) {
      // text/template's own error for a field ContainerContext does not have.
      const at = m.index + m[0].indexOf('.')
      return err('invalid-argument', `template: :1:${at}: executing "" at <.${name}>: can't evaluate field ${name} in type *formatter.ContainerContext`)
    }
    pieces.push({ field: name })
    last = re.lastIndex
  }
  pieces.push({ text: format.slice(last) })
  return ok(pieces.filter((p) => !('text' in p) || p.text !== ''))
}

/** tabwriter.NewWriter(out, 10, 1, 3, ' ', 0): each cell but the last in a line padded to max(width + 3, 10). */
function tabulate(lines: readonly string[]): string {
  const rows = lines.map((l) => l.split('\t'))
  const widths: number[] = []
  for (const r of rows) r.slice(0, -1).forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length + 3, 10)))
  return rows.map((r) => r.map((cell, i) => (i < r.length - 1 ? cell.padEnd(widths[i] ?? 0) : cell)).join('')).join('\n')
}

function render(pieces: readonly Piece[], values: (field: string) => string): string {
  return pieces.map((p) => ('text' in p ? p.text : values(p.field))).join('').replace(/\\t/g, '\t').replace(/\\n/g, '\n')
}

export function formatPsCommand(world: World, host: Host, cmd: Extract<DockerCommand, { kind: 'ps' }>): Result<string> {
  const containers = listedContainers(host, cmd.all)
  if (cmd.quiet) return ok(containers.map((c) => shortId(c.id)).join('\n'))
  if (cmd.format === null || cmd.format === 'table') return ok(formatPs(world, host, cmd.all))
  // `--format json` prints every field of the CLI's ContainerContext as JSON; the simulator has only the ones above.
  if (cmd.format === 'json') return err('invalid-argument', SUPPORTED)
  const isTable = cmd.format.startsWith('table ')
  const parsed = parseTemplate(isTable ? cmd.format.slice('table '.length) : cmd.format)
  if (!parsed.ok) return parsed
  const lines = containers.map((c) => render(parsed.value, (f) => (FIELDS[f] as Field).value(world, c)))
  if (!isTable) return ok(lines.join('\n'))
  return ok(tabulate([render(parsed.value, (f) => (FIELDS[f] as Field).header), ...lines]))
}
