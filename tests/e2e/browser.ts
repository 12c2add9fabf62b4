import type { Browser, Page } from 'playwright-core'
import type { TestServer } from '../helpers'
import { existsSync } from 'node:fs'
import { chromium } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { DEMO_PASSWORD, startTestServer } from '../helpers'

/** Debian's Chromium (installed by .ci/run); playwright's own browser downloads do not work here. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Headless Chromium with the flags this closed network needs. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM}: run \`apt-get install chromium\` (.ci/run does) or set CHROMIUM_PATH.`)
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
}

/** Signs in through the login page as a person would, and waits for the first page of the role. */
export async function loginInBrowser(page: Page, baseUrl: string, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl}/login`)
  await page.locator('input[data-test=username]').fill(username)
  await page.locator('input[data-test=password]').fill(password)
  await page.locator('[data-test=login-submit]').click()
  await page.locator('[data-test=who]').waitFor()
}

/** A test file's server and browser: started before its tests, stopped after them. */
export function browserTestbed(): { readonly server: TestServer, readonly browser: Browser } {
  const bed = {} as { server: TestServer, browser: Browser }
  beforeAll(async () => {
    bed.server = await startTestServer()
    bed.browser = await launchBrowser()
  })
  afterAll(async () => {
    await bed.browser?.close()
    await bed.server?.stop()
  })
  return bed
}
