import { readFileSync } from 'node:fs'
import type { Locator, Page } from '@playwright/test'
import { expect, test } from './test'

// Pasting a lesson block into a challenge terminal: a block of several lines runs line by line (each its own log
// entry), a `NAME$ ` prompt runs its line on that machine, and a console block's output lines do not run. The paste
// is a real ClipboardEvent carrying a DataTransfer, the event a browser fires for Ctrl+V.

const LESSON = '/lessons/container-networking-intro'
// Each test scrolls to a challenge, loads the simulator and grades on the server, on a shared 2-core machine.
test.describe.configure({ timeout: 90_000 })

function titleOf(id: string): string {
  const data = JSON.parse(readFileSync(new URL(`../content/challenges/${id}.json`, import.meta.url), 'utf8')) as { title: string }
  return data.title
}

async function open(page: Page, id: string): Promise<Locator> {
  await page.goto(LESSON)
  const challenge = page.getByRole('region', { name: titleOf(id) })
  // The simulator loads when the challenge comes near the viewport (issue 14), as the learner scrolls to it.
  await challenge.scrollIntoViewIfNeeded()
  // The simulator's chunk is fetched from here on; on a busy 2-core machine it can take longer than 5 s.
  await expect(challenge.getByRole('textbox', { name: 'Docker command' })).toBeVisible({ timeout: 20_000 })
  return challenge
}

/** Pastes `text` into the focused input; true when the page let the browser paste it itself (not prevented). */
async function paste(input: Locator, text: string): Promise<boolean> {
  await input.focus()
  return input.evaluate((el, t) => {
    const data = new DataTransfer()
    data.setData('text/plain', t)
    return el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
  }, text)
}

test('a pasted two-command block runs both commands, each with its own log entry', async ({ page }) => {
  const c = await open(page, 'expose-nginx-8080')
  const input = c.getByRole('textbox', { name: 'Docker command' })
  const log = c.getByRole('log', { name: 'Terminal output' })
  expect(await paste(input, 'docker run -d --name a1 nginx\r\ndocker run -d --name a2 nginx\r\n')).toBe(false)
  await expect(log).toContainText('host1$ docker run -d --name a1 nginx')
  await expect(log).toContainText('host1$ docker run -d --name a2 nginx')
  await expect(input).toBeFocused()
  await expect(input).toHaveValue('')
  // Both containers exist: two runs, not one run of a merged line.
  await input.fill('docker ps')
  await input.press('Enter')
  await expect(log.locator('pre').last()).toContainText('a1')
  await expect(log.locator('pre').last()).toContainText('a2')
  // Each pasted line is its own history entry: ↑ from the empty line gives docker ps, then the second paste line.
  await input.press('ArrowUp')
  await input.press('ArrowUp')
  await expect(input).toHaveValue('docker run -d --name a2 nginx')
})

test('a console block with prompts, a continuation, a comment and output runs each prompted line on its machine', async ({ page }) => {
  const c = await open(page, 'macvlan-on-lan')
  const input = c.getByRole('textbox', { name: 'Docker command' })
  const log = c.getByRole('log', { name: 'Terminal output' })
  const host = c.getByRole('combobox', { name: 'Host' })
  await expect(host).toHaveValue('host1')
  const block = [
    '# a macvlan network on the LAN',
    'host1$ docker network create -d macvlan --subnet 10.77.0.0/24 --gateway 10.77.0.1 \\',
    '    -o parent=eth0 lan',
    'host1$ docker run -d --name web --network lan --ip 10.77.0.200 nginx',
    'laptop$ curl http://10.77.0.200',
    '<h1>Welcome to nginx!</h1>',
  ].join('\n')
  expect(await paste(input, block)).toBe(false)
  await expect(log).toContainText('host1$ docker network create -d macvlan --subnet 10.77.0.0/24 --gateway 10.77.0.1 -o parent=eth0 lan')
  await expect(log).toContainText('host1$ docker run -d --name web --network lan --ip 10.77.0.200 nginx')
  await expect(log).toContainText('laptop$ curl http://10.77.0.200')
  await expect(log).toContainText('Welcome to nginx!')
  // The output line and the comment did not run (three entries, one per prompted line), and the Host selection
  // stayed where the learner left it.
  await expect(log.locator(':scope > div')).toHaveCount(3)
  await expect(log).not.toContainText('$ <h1>')
  await expect(log).not.toContainText('a macvlan network on the LAN')
  await expect(host).toHaveValue('host1')
  await expect(input).toBeFocused()
})

test('a one-line paste is left to the browser', async ({ page }) => {
  const c = await open(page, 'expose-nginx-8080')
  const input = c.getByRole('textbox', { name: 'Docker command' })
  expect(await paste(input, 'docker ps')).toBe(true)
  await expect(c.getByRole('log', { name: 'Terminal output' })).not.toContainText('docker ps')
})
