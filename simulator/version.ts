// The simulator's version, stored with every graded attempt (issue 12, "Versions") so a record says which engine
// graded it. Bump it in any change that can give an existing scenario a different outcome, answerer or error
// (a fixture's .expected.json changing is the sign); wording-only changes to explanations need no bump.
export const SIMULATOR_VERSION = '2026.12.1'
