// A gradebook note in words, shared by the CSV (instructor/gradebook.server.ts) and the /instructor page: why an item's score
// reads as it does. Client-safe: no imports.
import type { GradebookNote } from '../schemas'

/** "after the reference; 2 hints; imported; graded on an earlier version", for the notes that apply. */
export function formatNote(note: GradebookNote): string {
  return [
    note.reference ? 'after the reference' : null,
    note.hints ? `${note.hints} hint${note.hints === 1 ? '' : 's'}` : null,
    note.imported ? 'imported' : null,
    note.earlierVersion ? 'graded on an earlier version' : null,
  ]
    .filter((x) => x !== null)
    .join('; ')
}
