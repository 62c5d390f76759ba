// Next calls register() once when a server process starts. Opening the database here creates and migrates it at
// start (a fresh `npm install && npm start` has its database before the first visitor) and loads the course catalog,
// so the first learner request pays for neither.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return
  const { apiContext } = await import('./lib/api-context.server')
  await apiContext()
}
