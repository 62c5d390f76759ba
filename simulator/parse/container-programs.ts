// Programs inside containers that are not probes (`docker run --rm alpine ip addr`, `docker exec web cat
// /etc/resolv.conf`). The simulator runs only the probe tools in containers; printing nothing, or a made-up error,
// would suggest the program ran, so both say so in the same words and name where the same facts are shown.

export const PROBE_PROGRAMS: readonly string[] = ['curl', 'wget', 'ping', 'nc', 'netcat', 'nslookup']

const ADDRESSES = 'The topology view shows addresses and networks.'
const WHERE: Readonly<Record<string, string>> = {
  cat: 'Containers here have no files; the topology view shows addresses and networks, and nslookup NAME shows what DNS answers.',
  ls: 'Containers here have no files; the topology view shows addresses and networks.',
  dig: 'nslookup NAME asks the same DNS question.',
  host: 'nslookup NAME asks the same DNS question.',
  drill: 'nslookup NAME asks the same DNS question.',
  traceroute: 'The trace of a probe (ping -c 1 ADDR) shows every hop.',
  tracepath: 'The trace of a probe (ping -c 1 ADDR) shows every hop.',
  mtr: 'The trace of a probe (ping -c 1 ADDR) shows every hop.',
  telnet: 'nc -z ADDR PORT tries the same connection.',
  ss: 'docker ps and docker port show what listens and is published.',
  netstat: 'docker ps and docker port show what listens and is published.',
  echo: 'A probe (curl, ping, nc) and its trace show what happens to traffic.',
}

/** True for `sh -c SCRIPT` (bash, ash too): the words of the script are the command that runs. */
export function isShellScript(words: readonly string[]): boolean {
  return (words[0] === 'sh' || words[0] === 'bash' || words[0] === 'ash') && words[1] === '-c'
}

/** The words of the program a container command runs: `busybox ip a` is ip a, `sh -c 'cat /etc/hosts'` is cat /etc/hosts. */
export function programWords(words: readonly string[]): readonly string[] {
  const inner = isShellScript(words) ? (words[2] ?? '').trim().split(/\s+/) : words
  return inner[0] === 'busybox' ? inner.slice(1) : inner
}

/** The program a container command runs, without its path: `/sbin/ip addr` is ip. */
export function programOf(words: readonly string[]): string {
  return (programWords(words)[0] ?? '').split('/').pop() ?? ''
}

/** `The simulator does not run "ip" inside containers; it runs curl, wget, ping, nc and nslookup. …` */
export function formatNotRunInContainer(program: string): string {
  const where = Object.hasOwn(WHERE, program) ? (WHERE[program] as string) : ADDRESSES
  return `The simulator does not run "${program}" inside containers; it runs curl, wget, ping, nc and nslookup. ${where}`
}
