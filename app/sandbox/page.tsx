import type { Metadata } from 'next'
import { SANDBOX_METADATA, SandboxView } from './sandbox-view'

export const metadata: Metadata = SANDBOX_METADATA

// Bare /sandbox, the default preset, is the same for everyone, so it is prerendered: served as a file, and its
// framework scripts are requested after the first paint like a lesson's (scripts/defer-scripts.mjs). A query
// (?preset=, ?cmds=, ?challenge=) is rewritten by proxy.ts to ./open, which renders it on request.
export default function SandboxPage() {
  return <SandboxView params={{}} />
}
