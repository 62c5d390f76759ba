import type { Metadata } from 'next'
import { SANDBOX_METADATA, SandboxView, type SandboxParams } from '../sandbox-view'

export const metadata: Metadata = SANDBOX_METADATA

/** /sandbox with a query, rewritten here by proxy.ts: the preset, shared commands or challenge it names. */
export default async function SandboxWithQueryPage({ searchParams }: { searchParams: Promise<SandboxParams> }) {
  return <SandboxView params={await searchParams} />
}
