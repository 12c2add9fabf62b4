import type { BrowserContext, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { DEMO_PASSWORD } from '../helpers'
import { browserTestbed } from './browser'
import { PHONE } from './layout'

/** JavaScript budget of the first load, bytes on the wire (compressed bodies and headers), empty cache. */
const BUDGET = { login: 150_000, cadreHome: 200_000 }

const bed = browserTestbed()

interface Transfer { url: string, bytes: number, encoding: string | undefined, length: number | undefined }

/**
 * Loads `path` in a fresh context (empty cache) on a phone and adds up the bytes of every script
 * response as Chromium's network layer counted them (CDP `Network.loadingFinished.encodedDataLength`).
 */
async function scriptBytes(context: BrowserContext, path: string, ready: (page: Page) => Promise<void>): Promise<{ total: number, scripts: Transfer[] }> {
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  const scripts = new Map<string, { url: string, encoding?: string, length?: number }>()
  const finished: Transfer[] = []
  cdp.on('Network.responseReceived', (event) => {
    if (event.type === 'Script') {
      scripts.set(event.requestId, {
        url: event.response.url,
        encoding: event.response.headers['content-encoding'] ?? event.response.headers['Content-Encoding'],
        length: Number(event.response.headers['content-length'] ?? event.response.headers['Content-Length'] ?? Number.NaN),
      })
    }
  })
  cdp.on('Network.loadingFinished', (event) => {
    const script = scripts.get(event.requestId)
    if (script)
      finished.push({ url: script.url, bytes: event.encodedDataLength, encoding: script.encoding, length: script.length })
  })
  await cdp.send('Network.enable')
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
  await page.goto(`${bed.server.url}${path}`, { waitUntil: 'networkidle' })
  await ready(page)
  await page.waitForLoadState('networkidle')
  await page.close()
  return { total: finished.reduce((sum, t) => sum + t.bytes, 0), scripts: finished }
}

function report(name: string, measured: { total: number, scripts: Transfer[] }): void {
  // The README's benchmark table is filled from these lines.
  console.info(`[budget] ${name}: ${(measured.total / 1000).toFixed(1)} kB of JavaScript in ${measured.scripts.length} files`)
  // File by file, so a failure says which chunk grew.
  for (const script of measured.scripts)
    console.info(`  ${script.url.replace(/^.*\//, '')} ${script.bytes} B`)
}

describe('the first load stays light', () => {
  it(`sends at most ${BUDGET.login / 1000} kB of JavaScript for /login and ${BUDGET.cadreHome / 1000} kB for a cadre's home, compressed`, async () => {
    const login = await bed.browser.newContext({ viewport: PHONE })
    const loginPage = await scriptBytes(login, '/login', page => page.locator('[data-test=login-submit]').waitFor())
    await login.close()
    report('/login', loginPage)
    expect(loginPage.scripts.length).toBeGreaterThan(0)
    // Files under a kilobyte are not compressed at build time (web/build/precompress.ts): the rest must be
    // brotli. (The bytes on the wire include the response headers, so they cannot tell the two apart.)
    for (const script of loginPage.scripts.filter(s => s.encoding !== 'br'))
      expect(script.length, `${script.url} is sent uncompressed`).toBeLessThan(1024)
    expect(loginPage.total).toBeLessThanOrEqual(BUDGET.login)

    // A signed-in cadre opens the app: the session cookie is set, the cache is empty.
    const home = await bed.browser.newContext({ viewport: PHONE })
    const signIn = await home.request.post(`${bed.server.url}/graphql`, {
      data: { query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { expiresAt } }', variables: { u: 'cadre', p: DEMO_PASSWORD } },
    })
    expect(signIn.ok()).toBe(true)
    const cadreHome = await scriptBytes(home, '/', page => page.locator('[data-test=due-reviews]').waitFor())
    await home.close()
    report('cadre home', cadreHome)
    expect(cadreHome.scripts.some(s => s.url.includes('StudyMyPage'))).toBe(true)
    // Charts load when scrolled to, not with the page (echarts alone would break the budget).
    expect(cadreHome.scripts.some(s => s.url.includes('StudyCharts'))).toBe(false)
    expect(cadreHome.total).toBeLessThanOrEqual(BUDGET.cadreHome)
  }, 120_000)
})
