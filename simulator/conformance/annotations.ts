/**
 * What the 20.10 test bed cannot show as v29 would: per scenario, the items whose result is known to differ
 * in current Docker (with the v29 expectation from /work/shared/docker-networking-facts.md, "Where Docker 20.10
 * differs") and the items this machine cannot observe at all (no IPVS, no 802.1q module). The recorder copies
 * these into each recording; the facts cited are the reason text.
 */
import type { VersionSensitive, Unverifiable } from './schema'

export type Annotation = { versionSensitive?: VersionSensitive[]; unverifiable?: Unverifiable[] }

export const ANNOTATIONS: Readonly<Record<string, Annotation>> = {}
