import { scrollThrough } from './scroll'
import { expect, test } from './test'

// The lesson quiz as a learner meets it in the first lesson: one question of each type, graded on the server.

const GRADING_TIMEOUT_MS = 30_000

test('the lesson quiz grades single, multiple, predict-the-packet and text answers', async ({ page }) => {
  await page.goto('/lessons/container-networking-intro')
  const quiz = page.getByRole('region', { name: 'Check your understanding: how packets reach a container' })

  await quiz.getByRole('group', { name: /destination rewritten/ }).getByRole('radio', { name: /host kernel's netfilter/ }).check()
  const multiple = quiz.getByRole('group', { name: /--network host/ })
  for (const name of [/shares the host's network namespace/, /Published ports are discarded/, /No NAT sits/]) {
    await multiple.getByRole('checkbox', { name }).check()
  }
  const predict = quiz.getByRole('group', { name: /host1 runs two containers/ })
  await expect(predict.getByRole('radio', { name: /container "api"/ })).toBeDisabled()
  await predict.getByRole('radio', { name: 'delivered' }).check()
  await predict.getByRole('radio', { name: /container "web"/ }).check()
  await quiz
    .getByRole('textbox', { name: 'Your answer to question 4' })
    .fill('Host mode has no NAT, so it is simpler and a bit faster, but there is no isolation and ports clash with the host.')
  await quiz.getByRole('button', { name: 'Check answers' }).click()

  await expect(quiz.getByRole('status')).toContainText(/Score \d+%/, { timeout: GRADING_TIMEOUT_MS })
  await expect(quiz.getByTestId('result-where-dnat-happens')).toContainText('Correct')
  await expect(quiz.getByTestId('result-host-driver-facts')).toContainText('Correct')
  // Right outcome, wrong answerer: half credit, and the simulator's explanation names who really answered.
  const predicted = quiz.getByTestId('result-predict-published-port')
  await expect(predicted).toContainText('Partly correct')
  await expect(predicted).toContainText('api')
  await predicted.getByText("The packet's path, hop by hop").click()
  await expect(predicted.getByRole('listitem').filter({ hasText: 'DNAT' }).first()).toBeVisible()
  // Every option's explanation is shown after the attempt, picked or not.
  await expect(quiz.getByTestId('result-where-dnat-happens').getByText(/goes through FORWARD, not INPUT/)).toBeVisible()
})

// The quiz's code arrives after the page hydrates (app/components/deferred.tsx). Until then the server-rendered
// quiz is already on the page: what a learner ticks in that moment must be what gets graded, an early click on
// "Check answers" must not reload the page, and a chunk that never arrives must say so instead of breaking the page.
const LESSON = '/lessons/container-networking-intro'

/** A predicate for script chunks the lesson's HTML does not load itself: an island fetches them later. */
async function laterChunks(request: import('@playwright/test').APIRequestContext): Promise<(url: string) => boolean> {
  const html = await (await request.get(LESSON)).text()
  const initial = new Set([...html.matchAll(/\/_next\/static\/chunks\/[^"?]+\.js/g)].map((m) => m[0]))
  return (url) => {
    const path = new URL(url).pathname
    return path.endsWith('.js') && !initial.has(path)
  }
}

test('answers ticked before the quiz has hydrated are the ones graded', async ({ page }) => {
  const isLater = await laterChunks(page.request)
  let release: () => void = () => {}
  const held = new Promise<void>((resolve) => (release = resolve))
  await page.route('**/_next/static/chunks/**', async (route) => {
    if (isLater(route.request().url())) await held
    await route.continue()
  })
  // Not "load": the held chunks keep the load event from firing.
  await page.goto(LESSON, { waitUntil: 'domcontentloaded' })
  const quiz = page.getByRole('region', { name: 'Check your understanding: how packets reach a container' })
  const submit = quiz.getByRole('button', { name: 'Check answers' })
  await expect(submit).toBeDisabled()
  await quiz.getByRole('group', { name: /destination rewritten/ }).getByRole('radio', { name: /host kernel's netfilter/ }).check()

  release()
  await expect(submit).toBeEnabled()
  await submit.click()
  await expect(quiz.getByRole('status')).toContainText(/Score \d+%/, { timeout: GRADING_TIMEOUT_MS })
  await expect(quiz.getByTestId('result-where-dnat-happens')).toContainText('Correct')
})

test('a quiz whose code cannot be fetched says so, and the rest of the page keeps working', async ({ page }) => {
  const isLater = await laterChunks(page.request)
  await page.route('**/_next/static/chunks/**', (route) => (isLater(route.request().url()) ? route.abort('internetdisconnected') : route.continue()))
  await page.goto(LESSON)
  // The quiz fetches its code when the reader comes near it (issue 14).
  await scrollThrough(page)
  await expect(page.getByRole('alert').filter({ hasText: 'The quiz could not be loaded' })).toBeVisible()
  // The page itself hydrated: the theme toggle still works.
  const toggle = page.getByRole('button', { name: 'Dark mode' })
  const pressed = await toggle.getAttribute('aria-pressed')
  await toggle.click()
  await expect(toggle).toHaveAttribute('aria-pressed', pressed === 'true' ? 'false' : 'true')
})
