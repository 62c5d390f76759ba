import { expect, startSandbox, test } from './test'

// The sandbox: a shared URL reopens the same world; the bash export reproduces it; a phone-sized screen stays usable.

test('share a sandbox as a URL and reopen it in a fresh page', async ({ page, context }) => {
  await page.goto('/sandbox')
  const input = page.getByRole('textbox', { name: 'Docker command' })
  await input.fill('docker run -d --name web -p 8080:80 nginx')
  await input.press('Enter')
  await page.getByRole('button', { name: 'Share as URL' }).click()
  const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue()
  expect(link).toMatch(/\/sandbox\?preset=host-and-laptop&cmds=/)

  const other = await context.newPage()
  await other.goto(link)
  await expect(other.getByRole('log', { name: 'Terminal output' })).toContainText('docker run -d --name web -p 8080:80 nginx')
  await expect(other.getByRole('region', { name: 'Topology' })).toContainText('web [running]')
  await other.getByRole('button', { name: 'Export as bash' }).click()
  await expect(other.getByLabel('Bash script')).toContainText("ssh host1 'docker run -d --name web -p 8080:80 nginx'")
})

test('a preset changes the world: the home router preset has the router and the internet', async ({ page }) => {
  await page.goto('/sandbox')
  await page.getByRole('combobox', { name: 'Preset' }).selectOption('home-router')
  await expect(page.getByRole('region', { name: 'Topology' })).toContainText('router router 192.168.1.1')
  await expect(page.getByRole('combobox', { name: 'Host' })).toContainText('phone')
})

test('at 360 px the terminal, palette and trace stay usable without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 })
  await page.goto('/sandbox')
  await startSandbox(page)
  await page.getByText('Command palette (tap to insert)').click()
  await page.getByRole('list', { name: 'Command palette' }).getByRole('button', { name: 'docker ps', exact: true }).click()
  const input = page.getByRole('textbox', { name: 'Docker command' })
  await expect(input).toHaveValue('docker ps')
  await input.press('Enter')
  await expect(page.getByRole('log', { name: 'Terminal output' })).toContainText('CONTAINER ID')
  const width = await page.evaluate(() => document.documentElement.scrollWidth)
  expect(width).toBeLessThanOrEqual(360)
})

test('Export as bash leaves out the commands that failed, and says how many', async ({ page }) => {
  await page.goto('/sandbox')
  const input = page.getByRole('textbox', { name: 'Docker command' })
  const log = page.getByRole('log', { name: 'Terminal output' })
  // A failure that changes nothing is not part of the submission at all, so it never reaches the script.
  await input.fill('docker network rm bridge')
  await input.press('Enter')
  await expect(log).toContainText('pre-defined network and cannot be removed')
  await input.fill('docker run -d --name web -p 8080:80 nginx')
  await input.press('Enter')
  // This one fails at start yet leaves a Created container behind, so it stays in the submission: the script lists
  // it as left out instead of running it.
  await input.fill('docker run -d --name web2 -p 8080:80 nginx')
  await input.press('Enter')
  await expect(log).toContainText('port is already allocated')
  await page.getByRole('combobox', { name: 'Host' }).selectOption('laptop')
  await input.fill('docker ps')
  await input.press('Enter')
  await expect(log).toContainText('docker: command not found')
  await page.getByRole('button', { name: 'Export as bash' }).click()
  const script = (await page.getByLabel('Bash script').textContent()) ?? ''
  expect(script).toContain('# Left out: 1 command that failed in the simulator')
  const code = script.split('\n').filter((l) => !l.startsWith('#'))
  expect(code).toContain("ssh host1 'docker run -d --name web -p 8080:80 nginx'")
  expect(code.join('\n')).not.toMatch(/network rm bridge|docker ps|web2/)
})

test('changing the preset asks before discarding commands and clears the shared commands from the address bar', async ({ page }) => {
  await page.goto('/sandbox')
  const input = page.getByRole('textbox', { name: 'Docker command' })
  await input.fill('docker run -d --name web nginx')
  await input.press('Enter')
  await page.getByRole('button', { name: 'Share as URL' }).click()
  await expect(page).toHaveURL(/cmds=/)
  const preset = page.getByRole('combobox', { name: 'Preset' })
  const topology = page.getByRole('region', { name: 'Topology' })

  page.once('dialog', (d) => void d.dismiss())
  await preset.selectOption('home-router')
  await expect(preset).toHaveValue('host-and-laptop')
  await expect(topology).toContainText('web [running]')

  let question = ''
  page.once('dialog', (d) => {
    question = d.message()
    void d.accept()
  })
  await preset.selectOption('home-router')
  await expect(topology).toContainText('router router 192.168.1.1')
  expect(question).toContain('The 1 command you typed will be discarded')
  await expect(page).toHaveURL(/\/sandbox\?preset=home-router$/)
  await page.reload()
  await expect(page.getByRole('combobox', { name: 'Preset' })).toHaveValue('home-router')
  await expect(page.getByRole('log', { name: 'Terminal output' })).not.toContainText('docker run')
})

test('a link to an unknown preset says so and starts from the default', async ({ page }) => {
  await page.goto('/sandbox?preset=nope')
  await expect(page.getByText('The shared link names a preset that does not exist ("nope")')).toBeVisible()
  await expect(page.getByRole('combobox', { name: 'Preset' })).toHaveValue('host-and-laptop')
})

test('the share link has a copy button, and a world too big for a link is refused with a reason', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.goto('/sandbox')
  await startSandbox(page)
  await page.getByRole('button', { name: 'Share as URL' }).click()
  const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue()
  await page.getByRole('button', { name: 'Copy link' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Link copied to clipboard' })).toHaveCount(1)
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link)

  // 75 containers with long names: about 9.5 KB of cmds, over the 8 KB a share link may have.
  const many = Array.from({ length: 75 }, (_v, i) => ({ on: 'host1', run: `docker run -d --name container-with-a-long-name-for-sharing-${i} nginx` }))
  await page.goto(`/sandbox?preset=host-and-laptop&cmds=${Buffer.from(JSON.stringify(many)).toString('base64url')}`)
  await expect(page.getByRole('region', { name: 'Topology' })).toContainText('container-with-a-long-name-for-sharing-74')
  await page.getByRole('button', { name: 'Share as URL' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'too big' })).toContainText('This world is too big to share as a link (10 KB')
  await expect(page.getByRole('textbox', { name: 'Share link' })).toHaveCount(0)
})
