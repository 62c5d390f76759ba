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
