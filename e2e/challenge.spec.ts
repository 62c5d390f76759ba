import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'

// Issue 4's challenge flows in a real browser: solve both lesson-1 challenges by typing, fail them the common wrong
// ways with the right explanation, and step through a packet trace with the keyboard only. Until the challenges are
// embedded in the lesson, they are opened on their own page, /sandbox?challenge=<id>.

async function open(page: Page, id: string) {
  await page.goto(`/sandbox?challenge=${id}`)
  await expect(page.getByRole('textbox', { name: 'Docker command' })).toBeVisible()
}

async function type(page: Page, line: string, host?: string) {
  if (host !== undefined) await page.getByRole('combobox', { name: 'Host' }).selectOption(host)
  const input = page.getByRole('textbox', { name: 'Docker command' })
  await input.fill(line)
  await input.press('Enter')
  await expect(page.getByRole('log', { name: 'Terminal output' })).toContainText(line)
}

async function check(page: Page) {
  await page.getByRole('button', { name: 'Check my setup' }).click()
  const checks = page.getByRole('list', { name: 'Checks' }).getByRole('listitem')
  // The first attempt after a server start also opens and migrates the database, so it may take a while.
  await expect(checks.first()).toBeVisible({ timeout: 20_000 })
  return checks
}

test('expose nginx on 8080: solved by typing the -p command', async ({ page }) => {
  await open(page, 'expose-nginx-8080')
  await type(page, 'docker run -d --name web -p 8080:80 nginx')
  const checks = await check(page)
  for (const text of await checks.allInnerTexts()) expect(text).toMatch(/^Passed/)
  await expect(page.getByText('Challenge solved')).toBeVisible()
})

test('expose nginx on 8080: no -p fails with "Connection refused", the divergent hop, and then the solution', async ({ page }) => {
  await open(page, 'expose-nginx-8080')
  await type(page, 'docker run -d --name web nginx')
  const checks = await check(page)
  await expect(checks.first()).toHaveText(/^Failed: From laptop, curl http:\/\/10\.77\.0\.10:8080 is delivered by web\. Connection refused: nothing on host1 listens on 10\.77\.0\.10:8080\./)
  await expect(checks.first()).toContainText('Where it went wrong')
  await expect(page.getByText('Challenge solved')).toHaveCount(0)
  await page.getByRole('button', { name: 'Show the reference solution' }).click()
  await expect(page.getByText('host1$ docker run -d --name web -p 8080:80 nginx', { exact: true })).toBeVisible()
})

test('expose nginx on 8080: --network host is refused by the constraint', async ({ page }) => {
  await open(page, 'expose-nginx-8080')
  await type(page, 'docker run -d --name web --network host -p 8080:80 nginx')
  await expect(page.getByRole('log', { name: 'Terminal output' })).toContainText('WARNING: Published ports are discarded when using host network mode')
  const checks = await check(page)
  await expect(checks.filter({ hasText: /^Failed: A container runs with --network host/ })).toHaveCount(1)
})

test('macvlan on the LAN: solved with a macvlan network on eth0', async ({ page }) => {
  await open(page, 'macvlan-on-lan')
  await type(page, 'docker network create -d macvlan --subnet 10.77.0.0/24 --gateway 10.77.0.1 -o parent=eth0 lan')
  await type(page, 'docker run -d --name web --network lan --ip 10.77.0.100 nginx')
  await type(page, 'curl http://10.77.0.100', 'laptop')
  await expect(page.getByRole('log', { name: 'Terminal output' })).toContainText('HTTP/1.1 200 OK from web on host1')
  const checks = await check(page)
  for (const text of await checks.allInnerTexts()) expect(text).toMatch(/^Passed/)
  await expect(page.getByText('Challenge solved')).toBeVisible()
})

test('macvlan on the LAN: the wrong parent NIC fails with the ARP explanation', async ({ page }) => {
  await open(page, 'macvlan-on-lan')
  await type(page, 'docker network create -d macvlan --subnet 10.77.0.0/24 --gateway 10.77.0.1 -o parent=eth1 lan')
  await type(page, 'docker run -d --name web --network lan --ip 10.77.0.100 nginx')
  const checks = await check(page)
  await expect(checks.first()).toHaveText(/^Failed: .*No route to host: nothing on office answers ARP for 10\.77\.0\.100\./)
  await expect(checks.filter({ hasText: /^Failed: web must be attached to a macvlan network whose parent is eth0.*parent eth1/ })).toHaveCount(1)
})

test('the terminal: history, Tab completion, undo', async ({ page }) => {
  await open(page, 'expose-nginx-8080')
  const input = page.getByRole('textbox', { name: 'Docker command' })
  await type(page, 'docker run -d --name web nginx')
  await input.press('ArrowUp')
  await expect(input).toHaveValue('docker run -d --name web nginx')
  await input.fill('docker ex')
  await input.press('Tab')
  await expect(input).toHaveValue('docker exec ')
  await input.press('Tab')
  await expect(input).toHaveValue('docker exec web ')
  await input.fill('undo')
  await input.press('Enter')
  await expect(page.getByRole('log', { name: 'Terminal output' })).toContainText('Took back: docker run -d --name web nginx')
})

test('a packet trace is stepped with the keyboard only, showing the stage and what DNAT changed', async ({ page }) => {
  await open(page, 'expose-nginx-8080')
  await type(page, 'docker run -d --name web -p 8080:80 nginx')
  await type(page, 'curl http://10.77.0.10:8080', 'laptop')
  const trace = page.getByRole('region', { name: 'Packet trace' })
  await expect(trace).toContainText('Hop 1 of 7')
  await trace.getByRole('button', { name: 'Step forward' }).focus()
  for (let i = 0; i < 3; i++) await page.keyboard.press('Enter')
  await expect(trace).toContainText('Hop 4 of 7')
  const current = trace.locator('[aria-current="step"]')
  await expect(current).toContainText('host1:nat PREROUTING')
  await expect(current).toContainText('Changed here: destination IP 10.77.0.10 → 172.17.0.2; destination port 8080 → 80')
  await expect(trace).toContainText('Docker Engine')
  await page.getByRole('list', { name: 'Hops (use the arrow keys to step)' }).focus()
  await page.keyboard.press('End')
  await expect(trace).toContainText('Hop 7 of 7')
  await expect(current).toContainText('nginx in web accepts on port 80')
  await page.keyboard.press('ArrowLeft')
  await expect(trace).toContainText('Hop 6 of 7')
  await trace.getByRole('button', { name: 'Step back' }).focus()
  await page.keyboard.press('Enter')
  await expect(trace).toContainText('Hop 5 of 7')
  await expect(page.getByRole('region', { name: 'Topology' })).toContainText('web [running]')
})

test('axe finds no violations on a challenge page, before and after a check', async ({ page }) => {
  await open(page, 'expose-nginx-8080')
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([])
  await type(page, 'docker run -d --name web nginx')
  await type(page, 'curl http://10.77.0.10:8080', 'laptop')
  await check(page)
  await page.getByRole('button', { name: 'Show a hint' }).click()
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([])
})
