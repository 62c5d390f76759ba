// `docker exec web ping db` where the image has no ping: runc cannot start the program, so nothing leaves the
// container. The explanation is the line Docker prints, then one line saying how to run the probe anyway: from a
// throwaway alpine container that joins the container's network namespace (same addresses, routes and DNS).
import { imageBase } from '../model/images'
import { formatExecNotFound, imageLacksTool, toolsOfImage } from '../model/image-tools'
import type { Container } from '../model/types'
import { formatShellWord } from '../parse/argv'
import type { ProbeTool } from '../parse/probe-command'

/** The same probe for alpine, which has busybox's ping, nc, nslookup and wget but no curl. */
function alpineCommand(tool: ProbeTool, argv: readonly string[]): readonly string[] {
  if (tool.kind !== 'curl' || argv[0] === 'wget') return argv
  const url = argv.slice(1).find((a) => !a.startsWith('-') && a.includes(tool.host)) ?? `http://${tool.host}:${tool.port}`
  return ['wget', '-qO-', url]
}

/** Docker's error and the hint when `c`'s image lacks the program `argv[0]`; null when the image has it. */
export function missingToolMessage(c: Container, tool: ProbeTool, argv: readonly string[]): string | null {
  const program = argv[0] ?? ''
  if (!imageLacksTool(c.image, program)) return null
  const image = imageBase(c.image)
  const instead = alpineCommand(tool, argv)
  const say = (words: readonly string[]) => words.map(formatShellWord).join(' ')
  // alpine itself has busybox wget where curl is missing: the same container can run the probe.
  if (instead[0] !== program && toolsOfImage(c.image)?.has('wget') === true) {
    return `${formatExecNotFound(program)}\n${image} has no ${program}; busybox wget is there: ${say(['docker', 'exec', c.name, ...instead])}`
  }
  const helper = ['docker', 'run', '--rm', '--network', `container:${c.name}`, 'alpine', ...instead]
  return `${formatExecNotFound(program)}\n${image} has no ${program}. Run it from a throwaway container in ${c.name}'s network namespace: ${say(helper)}`
}
