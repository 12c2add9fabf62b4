import type { BrowserContext, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { makeLiveSession } from '../api/liveFixtures'
import { TEST_PASSWORD } from '../integration/studyFixtures'
import { browserTestbed, loginInBrowser } from './browser'

const bed = browserTestbed()

/**
 * What the browser's Content-Security-Policy blocked on any page of the test: the room's WebSocket
 * (`connect-src 'self'`) and the QR code's data: URL (`img-src 'self' data:`) must get through.
 */
const blocked: string[] = []

/** A signed-in person in a browser context of their own (their own cookie), optionally at phone size. */
async function person(username: string, password?: string, phone = false): Promise<{ context: BrowserContext, page: Page }> {
  const context = await bed.browser.newContext(phone ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : { viewport: { width: 1280, height: 800 } })
  const page = await context.newPage()
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text()))
      blocked.push(message.text())
  })
  await loginInBrowser(page, bed.server.url, username, password)
  return { context, page }
}

async function stem(page: Page, question: number): Promise<void> {
  await page.locator('[data-test=live-stem]').filter({ hasText: ['单选', '多选', '判断'][question]! }).waitFor()
}

describe('会前学法 live quiz in the meeting room', () => {
  it('a host and three phones run a three-question quiz to the end; a phone reloads mid-question and carries on', async () => {
    const { sessionId, cadres } = await makeLiveSession(bed.server.db, 3)
    const host = await person('admin')
    const phones = await Promise.all(cadres.map((c, k) => person(c.username, TEST_PASSWORD, k === 2)))
    try {
      // The big screen: a join code and a QR code.
      await host.page.goto(`${bed.server.url}/live/host/${sessionId}`)
      const code = (await host.page.locator('[data-test=live-join-code]').textContent())!.trim()
      expect(code).toMatch(/^\d{6}$/)
      await host.page.locator('[data-test=live-qr]').waitFor()
      // Loaded, not just in the page (an image the CSP blocks stays in the DOM with no pixels).
      await expect.poll(() => host.page.locator('[data-test=live-qr]').evaluate(img => (img as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(0)

      // Two join through the QR code's link, one types the code.
      await phones[0]!.page.goto(`${bed.server.url}/live/join?code=${code}`)
      await phones[1]!.page.goto(`${bed.server.url}/live/join?code=${code}`)
      await phones[2]!.page.goto(`${bed.server.url}/live/join`)
      await phones[2]!.page.locator('input[data-test=live-code]').fill(code)
      await phones[2]!.page.locator('[data-test=live-join]').click()
      for (const p of phones)
        await p.page.locator('[data-test=live-waiting]').waitFor()
      await host.page.locator('[data-test=live-joined]', { hasText: '3' }).waitFor()

      // Question 1 (single choice, C): phone 0 right, phone 1 wrong; the phone reloads first, then answers.
      await host.page.locator('[data-test=live-next]').click()
      for (const p of phones)
        await stem(p.page, 0)
      await host.page.locator('[data-test=live-countdown]').waitFor()
      await phones[0]!.page.locator('[data-test=live-choice-C]').click()
      await phones[1]!.page.locator('[data-test=live-choice-A]').click()
      await phones[0]!.page.locator('[data-test=live-sent]').waitFor()
      await phones[1]!.page.locator('[data-test=live-sent]').waitFor()
      await phones[2]!.page.reload()
      await stem(phones[2]!.page, 0)
      await phones[2]!.page.locator('[data-test=live-choice-C]').click()
      await phones[2]!.page.locator('[data-test=live-sent]').waitFor()
      await host.page.locator('[data-test=live-answered]', { hasText: '3 / 3' }).waitFor()

      // The host closes it: the chart, the right answer and the article on the screen; right/wrong on the phones.
      await host.page.locator('[data-test=live-next]').click()
      await host.page.locator('[data-test=live-result]').waitFor()
      await host.page.locator('[data-test=live-chart] canvas').waitFor()
      expect(await host.page.locator('[data-test=live-right-answer]').textContent()).toBe('C')
      await host.page.locator('[data-test^=article-]').first().waitFor()
      await expect.poll(() => phones[0]!.page.locator('[data-test=live-verdict]').textContent()).toContain('回答正确')
      await expect.poll(() => phones[1]!.page.locator('[data-test=live-verdict]').textContent()).toContain('回答错误')
      await expect.poll(() => phones[2]!.page.locator('[data-test=live-verdict]').textContent()).toContain('回答正确')

      // Question 2 (multiple: A, B, D): phone 1 picks all three and sends.
      await host.page.locator('[data-test=live-next]').click()
      await stem(phones[1]!.page, 1)
      for (const key of ['A', 'B', 'D'])
        await phones[1]!.page.locator(`[data-test=live-choice-${key}]`).click()
      await phones[1]!.page.locator('[data-test=live-submit]').click()
      await phones[1]!.page.locator('[data-test=live-sent]').waitFor()
      await host.page.locator('[data-test=live-next]').click()
      await expect.poll(() => phones[1]!.page.locator('[data-test=live-verdict]').textContent()).toContain('回答正确')
      await expect.poll(() => phones[0]!.page.locator('[data-test=live-verdict]').textContent()).toContain('本题未作答')

      // Question 3 (true/false: FALSE) on the phone-sized screen.
      await host.page.locator('[data-test=live-next]').click()
      await stem(phones[2]!.page, 2)
      await phones[2]!.page.locator('[data-test=live-choice-FALSE]').click()
      await phones[2]!.page.locator('[data-test=live-sent]').waitFor()
      await host.page.locator('[data-test=live-next]').click()
      await expect.poll(() => phones[2]!.page.locator('[data-test=live-verdict]').textContent()).toContain('回答正确')
      await phones[2]!.page.screenshot({ path: 'tests/e2e/screenshots/live-phone-result.png' }).catch(() => {})

      // The summary: the screen shows each question's share; each phone its own count.
      await host.page.locator('[data-test=live-next]').click()
      await host.page.locator('[data-test=live-summary]').waitFor()
      await host.page.screenshot({ path: 'tests/e2e/screenshots/live-host-summary.png' }).catch(() => {})
      await expect.poll(() => phones[0]!.page.locator('[data-test=live-ended]').textContent()).toContain('1 / 3')
      await expect.poll(() => phones[1]!.page.locator('[data-test=live-ended]').textContent()).toContain('1 / 3')
      await expect.poll(() => phones[2]!.page.locator('[data-test=live-ended]').textContent()).toContain('2 / 3')
      expect(blocked).toEqual([])
    }
    catch (error) {
      // What each screen showed when it failed (tests/e2e/screenshots is git-ignored).
      await Promise.all([host, ...phones].map((p, k) => p.page.screenshot({ path: `tests/e2e/screenshots/live-failed-${k}.png` }).catch(() => {})))
      throw error
    }
    finally {
      await Promise.all([host, ...phones].map(p => p.context.close()))
    }
  }, 300_000)
})
