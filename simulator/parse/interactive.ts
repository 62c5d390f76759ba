// Interactive shells (`docker run -it alpine sh`, `docker exec -it web bash`) need a terminal attached to a process
// inside the container; the simulator has none, so both say so in the same words instead of printing nothing.

const SHELLS = new Set(['sh', 'bash', 'ash', 'zsh', 'dash'])

/** True when the command starts a shell (`sh`, `/bin/bash`, `busybox sh`) with no script to run (`sh -c …`). */
export function isShellCommand(words: readonly string[]): boolean {
  const start = words[0] === 'busybox' ? 1 : 0
  const prog = (words[start] ?? '').split('/').pop() ?? ''
  return SHELLS.has(prog) && !words.slice(start + 1).includes('-c')
}

/** What the simulator prints for an interactive shell, naming the command the learner typed ("docker run -it"). */
export function formatNoInteractiveShell(how: string): string {
  return [
    `${how}: interactive shells are not available in this simulator (there is no terminal inside containers).`,
    'Run one command per line instead: docker exec CONTAINER curl|wget|ping|nslookup|nc …, or',
    'docker run --rm IMAGE ping -c 1 ADDR for a throwaway container that runs one probe.',
  ].join('\n')
}
