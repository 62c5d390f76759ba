'use client'
// The /sandbox island: like <Challenge>, a thin wrapper that loads the simulator only on this page. The wrapper keeps
// a screen's height from the first paint, so the workbench arriving does not push the footer up the screen (CLS).
import dynamic from 'next/dynamic'

const SandboxApp = dynamic(() => import('./sandbox-app').then((m) => m.SandboxApp), {
  ssr: false,
  loading: () => <p className="p-4 text-slate-600 dark:text-slate-400">Loading the simulator…</p>,
})

export function Sandbox({ preset, cmds }: { preset: string | undefined; cmds: string | undefined }) {
  return (
    <div className="min-h-svh">
      <SandboxApp preset={preset} cmds={cmds} />
    </div>
  )
}
