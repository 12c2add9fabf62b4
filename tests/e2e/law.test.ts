import { describe, expect, it } from 'vitest'
import { browserTestbed, loginInBrowser } from './browser'

const bed = browserTestbed()

describe('法规库 in the browser', () => {
  it('searches 合法性审查, opens the article, and switches an article of 立法法 to its 2015 text', async () => {
    const page = await bed.browser.newPage()
    await loginInBrowser(page, bed.server.url, 'advisor')

    await page.locator('[data-test=nav-laws]').click()
    await page.locator('[data-test=law-table]').waitFor()
    expect(await page.locator('h1').first().textContent()).toBe('法规库')
    // Partial texts are flagged in the list (other suites may have added laws of their own, so look at rows).
    const row = (lawId: string) => page.locator('tr', { has: page.locator(`[data-test=law-link-${lawId}]`) })
    await page.locator('input[data-test=law-filter-text]').fill('上海市重大行政决策程序')
    await row('shanghai-major-decision-procedure').waitFor()
    for (const lawId of ['shanghai-major-decision-procedure', 'shanghai-major-decision-procedure-2016'])
      await expect.poll(() => row(lawId).locator('[data-test=law-incomplete]').count()).toBe(1)
    await page.locator('input[data-test=law-filter-text]').fill('重大行政决策程序暂行条例')
    await row('major-decision-procedure').waitFor()
    expect(await row('major-decision-procedure').locator('[data-test=law-incomplete]').count()).toBe(0)

    await page.locator('input[data-test=law-search-input]').fill('合法性审查')
    await page.locator('[data-test=law-search-submit]').click()
    await page.waitForURL(/\/laws\/search\?q=/)
    const hit = page.locator('[data-test="search-hit-major-decision-procedure-第二十五条"]')
    await hit.waitFor()
    expect(await page.locator('[data-test=search-hit] mark').count()).toBeGreaterThan(0)

    await hit.click()
    await page.waitForURL(/\/articles\//)
    await expect.poll(() => page.locator('[data-test=article-heading]').textContent()).toContain('第二十五条')
    expect(await page.locator('[data-test=article-path]').textContent()).toContain('合法性审查')
    expect(await page.locator('[data-test=article-text]').textContent()).toContain('合法性审查')

    // An article whose wording changed between the 2015 and 2023 texts of 立法法.
    const [changed] = await bed.server.db.read<{ slug: string, number: string }>(
      `MATCH (:LawVersion {id: 'legislation-law@2023-03-13'})-[:CONTAINS]->(n:Article)-[:REPLACES]->(:Article)
       RETURN n.slug AS slug, n.number AS number ORDER BY n.ordinal LIMIT 1`,
    )
    await page.locator('[data-test=nav-laws]').click()
    await page.locator('input[data-test=law-filter-text]').fill('立法法')
    await page.locator('[data-test=law-link-legislation-law]').click()
    await page.waitForURL(/\/laws\/legislation-law/)
    await page.locator(`[data-test="law-article-link-${changed!.slug}"]`).click()
    await page.waitForURL(/\/articles\//)
    await expect.poll(() => page.locator('[data-test=article-heading]').textContent()).toContain(changed!.number)
    const text2023 = await page.locator('[data-test=article-text]').textContent()

    await page.locator('[data-test=article-version-2015-03-15]').click()
    await page.waitForURL(/version=legislation-law%402015-03-15|version=legislation-law@2015-03-15/)
    await expect.poll(() => page.locator('[data-test=article-text]').textContent()).not.toBe(text2023)
    expect(await page.locator('[data-test=article-heading]').textContent()).toContain(changed!.number)
    await page.locator('[data-test=article-diff]').waitFor()
    expect(await page.locator('[data-test=article-diff] ins, [data-test=article-diff] del').count()).toBeGreaterThan(0)
    expect(await page.locator('[data-test=article-changes] h3').textContent()).toContain('2023-03-13')
    await page.close()
  })
})
