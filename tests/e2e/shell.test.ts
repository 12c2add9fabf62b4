import { describe, expect, it } from 'vitest'
import { browserTestbed, loginInBrowser } from './browser'

const bed = browserTestbed()

/** What each demo role should find in the navigation (data-test ids), and nothing else. 服务状态 is not a cadre's concern. */
const NAVIGATION: Record<string, string[]> = {
  cadre: ['nav-my', 'nav-study-reviews', 'nav-live-join', 'nav-laws', 'nav-decisions'],
  trainer: ['nav-live-join', 'nav-laws', 'nav-decisions', 'nav-bank', 'nav-quizzes', 'nav-study-sessions', 'nav-stats', 'nav-status'],
  advisor: ['nav-live-join', 'nav-laws', 'nav-decisions', 'nav-status'],
  admin: ['nav-live-join', 'nav-laws', 'nav-decisions', 'nav-bank', 'nav-quizzes', 'nav-study-sessions', 'nav-stats', 'nav-admin-users', 'nav-status'],
}

/** Where each role lands after signing in: their own work page (我的学习, 题库, 决策合规, 管理), not the law library. */
const LANDING: Record<string, string> = { cadre: '/my', trainer: '/bank', advisor: '/decisions', admin: '/admin/users' }

describe('the web app shell', () => {
  it('shows the service status with the Neo4j version, in Chinese by default', async () => {
    const page = await bed.browser.newPage()
    await page.goto(`${bed.server.url}/status`)
    await expect.poll(() => page.locator('[data-test=db-version]').textContent()).toMatch(/Neo4j 5\.26\./)
    expect(await page.locator('[data-test=db-edition]').textContent()).toBe('community')
    expect(await page.locator('h1').textContent()).toBe('服务状态')
    await page.close()
  })

  for (const [username, expected] of Object.entries(NAVIGATION)) {
    it(`lets ${username} log in on their own work page, shows only that role's navigation, and logs out`, async () => {
      const page = await bed.browser.newPage()
      await loginInBrowser(page, bed.server.url, username)
      await page.waitForURL(`**${LANDING[username]}`)
      const links = await page.locator('[data-test=nav] a').evaluateAll(nodes => nodes.map(n => n.getAttribute('data-test')))
      expect(links).toEqual(expected)
      await page.locator('[data-test=logout]').click()
      await page.waitForURL(/\/login/)
      // The session is gone: a protected page sends us back to login.
      await page.goto(`${bed.server.url}/admin/users`)
      await page.waitForURL(/\/login/)
      await page.close()
    })
  }

  it('refuses a wrong password with a readable message', async () => {
    const page = await bed.browser.newPage()
    await page.goto(`${bed.server.url}/login`)
    await page.locator('input[data-test=username]').fill('cadre')
    await page.locator('input[data-test=password]').fill('not-the-password')
    await page.locator('[data-test=login-submit]').click()
    // Chinese with the next step, and no English half (the API's message is bilingual).
    await expect.poll(() => page.locator('[data-test=login-error]').textContent()).toContain('用户名或密码错误，请重新输入')
    expect(await page.locator('[data-test=login-error]').textContent()).not.toMatch(/[A-Z]/i)
    await page.close()
  })

  it('says in plain Chinese that a record is gone, without its internal id', async () => {
    const page = await bed.browser.newPage()
    await loginInBrowser(page, bed.server.url, 'cadre')
    await page.goto(`${bed.server.url}/attempts/attempt-gone-4711`)
    const alert = page.locator('.el-alert').first()
    await expect.poll(() => alert.textContent()).toContain('不存在或已删除，请返回列表重新选择')
    expect(await alert.textContent()).not.toContain('attempt-gone-4711')
    await page.close()
  })

  it('sends an expired session back to the login page with a notice', async () => {
    const context = await bed.browser.newContext()
    const page = await context.newPage()
    await loginInBrowser(page, bed.server.url, 'admin')
    // Replace the session cookie with a forged one, as if it had expired.
    await context.addCookies([{ name: 'xuefa_session', value: 'expired.token.value', url: bed.server.url }])
    await page.goto(`${bed.server.url}/admin/users`)
    await page.waitForURL(/\/login/)
    await context.close()
  })
})
