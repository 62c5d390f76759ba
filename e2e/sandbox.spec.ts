import { expect, test } from './test'

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
  await page.getByText('Command palette (tap to insert)').click()
  await page.getByRole('list', { name: 'Command palette' }).getByRole('button', { name: 'docker ps', exact: true }).click()
  const input = page.getByRole('textbox', { name: 'Docker command' })
  await expect(input).toHaveValue('docker ps')
  await input.press('Enter')
  await expect(page.getByRole('log', { name: 'Terminal output' })).toContainText('CONTAINER ID')
  const width = await page.evaluate(() => document.documentElement.scrollWidth)
  expect(width).toBeLessThanOrEqual(360)
})
