/** Where the two e2e servers listen (playwright.config.ts starts them): the real course and the fixture course. */
export const COURSE_PORT = Number(process.env.E2E_PORT ?? 3100)
export const FIXTURE_PORT = Number(process.env.E2E_FIXTURE_PORT ?? COURSE_PORT + 1)
export const COURSE_URL = `http://localhost:${COURSE_PORT}`
export const FIXTURE_URL = `http://localhost:${FIXTURE_PORT}`
