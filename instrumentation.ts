// Next calls register() once when a server process starts. Opening the database here creates and migrates it at
// start (a fresh `npm install && npm start` has its database before the first visitor) and loads the course catalog,
// so the first learner request pays for neither. Under scripts/serve.mjs this has already been done before Next was
// prepared (lib/api/startup.server.ts keeps one promise per process); under `next dev` it happens here.
// A configuration that cannot work stops the process with a message naming the problem: Next only logs an error
// thrown by register() and would go on serving 500s. The NEXT_RUNTIME test is written so that Next's Edge build of
// this file drops the Node-only branch.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs' && process.env.NEXT_PHASE !== 'phase-production-build') {
    const { prepareOrExit } = await import('./lib/api/startup.server')
    await prepareOrExit()
  }
}
