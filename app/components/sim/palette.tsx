'use client'
// Tap-to-insert: commands, flags and the world's own names as buttons, so a learner on a phone builds a command
// without fighting the on-screen keyboard's autocorrect.
import type { Names } from '@/lib/terminal/completion'

const SNIPPETS = ['docker run -d', '--name', '-p', '--network', '--ip', 'nginx', 'docker ps', 'docker network create', '-d macvlan', '--subnet', '--gateway', 'curl http://', 'ping -c 1', 'nc -u -z', 'docker rm -f', 'undo', 'help']

export function Palette({ names, addresses, onInsert }: { names: Names; addresses: readonly string[]; onInsert: (text: string) => void }) {
  const items = [...new Set([...SNIPPETS, ...names.containers, ...names.networks.filter((n) => n !== 'none'), ...names.nics.map((n) => `-o parent=${n}`), ...addresses])]
  return (
    <details className="mt-2">
      <summary className="cursor-pointer text-sm font-medium">Command palette (tap to insert)</summary>
      <ul className="mt-2 flex flex-wrap gap-1.5" aria-label="Command palette">
        {items.map((t) => (
          <li key={t}>
            <button type="button" onClick={() => onInsert(t)} className="rounded border border-slate-400 px-2 py-1 font-mono text-xs hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800">
              {t}
            </button>
          </li>
        ))}
      </ul>
    </details>
  )
}
