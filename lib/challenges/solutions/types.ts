import type { Command } from '../schema'

/** A reference solution and the common wrong approaches (each must fail grading, with the reason it should). */
export type ChallengeSolutions = Readonly<{
  reference: readonly Command[]
  nearMisses: readonly Readonly<{ name: string; commands: readonly Command[]; failsBecause: string }>[]
}>
