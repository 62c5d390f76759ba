// Next calls register() once when a server process starts. Opening the database here creates and migrates it at
// start (a fresh `npm install && npm start` has its database before the first visitor) and loads the course catalog,
// so the first learner request pays for neither. Under scripts/serve.mjs this has already been done before Next was
// prepared (lib/api/startup.server.ts keeps one promise per process); under `next dev` it happens here.
//
// A configuration that cannot work stops the process here with a message naming the problem: Next only logs an
// error thrown by register() and would go on serving 500s.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return
  const { prepareServer, startupFailure } = await import('./lib/api/startup.server')
  try {
    await prepareServer()
  } catch (error) {
    console.error(startupFailure(error))
    process.exit(1)
  }
}
