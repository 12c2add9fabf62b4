import { describe, expect, it } from 'vitest'
import { makeGradedQuiz } from '../integration/studyFixtures'
import { browserTestbed, loginInBrowser } from './browser'

const bed = browserTestbed()

describe('学习统计 in the browser', () => {
  it('shows a trainer the units behind the requirement and a quiz’s item analysis', async () => {
    // A quiz of four questions taken by four cadres of 经济发展办公室 (scores 40, 30, 20, 10 of 40).
    const { title, questions } = await makeGradedQuiz(bed.server.db)

    const page = await bed.browser.newPage()
    await loginInBrowser(page, bed.server.url, 'trainer')
    await page.locator('[data-test=nav-stats]').click()
    await page.waitForURL(/\/stats$/)
    expect(await page.locator('h1').textContent()).toBe('学习统计')

    // Units: every organisation the trainer trains, with the share meeting the 会前学法 requirement and a chart.
    const units = page.locator('[data-test=units-table]')
    await units.locator('[data-test=unit-org-waigang-economy]').waitFor()
    expect(await units.locator('[data-test=unit-org-village-a]').count()).toBe(1)
    // The four new cadres attended no session: 经济发展办公室 is behind, and marked so.
    const economyRow = units.locator('tr', { has: page.locator('[data-test=unit-org-waigang-economy]') })
    expect(await economyRow.textContent()).toContain('落后')
    await page.locator('[data-test=units-chart] canvas').waitFor()

    // Item analysis of the quiz: facility and discrimination per question, as computed on the bed.server.
    await page.locator('[data-test=report-tabs] .el-tabs__item', { hasText: '试题分析' }).click()
    await page.locator('[data-test=report-quiz]').click()
    await page.locator('.el-select-dropdown__item', { hasText: title }).click()
    const items = page.locator('[data-test=items-table]')
    await expect.poll(() => items.locator(`[data-test=facility-${questions.blank}]`).textContent(), { timeout: 15_000 }).toBe('0.25')
    expect(await items.locator(`[data-test=facility-${questions.single}]`).textContent()).toBe('1.00')
    expect(await items.locator(`[data-test=discrimination-${questions.single}]`).textContent()).toBe('0.00')
    expect(await items.locator(`[data-test=discrimination-${questions.multiple}]`).textContent()).toBe('1.00')
    expect(await page.locator('[data-test=quiz-summary]').textContent()).toContain('62.5')
    // Four attempts are too few to judge a question by: the page says so.
    expect(await items.textContent()).toContain('样本较少')

    // Option analysis (选项分析): everyone chose 丙项, the right answer, whatever order the shuffle showed it in;
    // the three wrong options were chosen by nobody and are flagged so.
    await items.locator('tr', { has: page.locator(`[data-test=number-${questions.single}]`) }).locator('.el-table__expand-icon').click()
    const options = page.locator(`[data-test=options-${questions.single}]`)
    await options.waitFor()
    expect(await options.textContent()).toContain('哪一项正确')
    expect(await options.locator(`[data-test=option-${questions.single}-C]`).textContent()).toContain('C. 丙项')
    expect(await options.locator(`[data-test=chosen-${questions.single}-C]`).textContent()).toBe('4')
    expect(await options.locator(`[data-test=chosen-${questions.single}-A]`).textContent()).toBe('0')
    expect(await options.locator(`[data-test=flag-${questions.single}-A]`).textContent()).toContain('无人选择')
    expect(await options.locator(`[data-test=flag-${questions.single}-C]`).count()).toBe(0)
    // The multiple-choice question was left unanswered in one attempt; its wrong option 寅项 (C) nobody chose.
    await items.locator('tr', { has: page.locator(`[data-test=number-${questions.multiple}]`) }).locator('.el-table__expand-icon').click()
    const multiple = page.locator(`[data-test=options-${questions.multiple}]`)
    await multiple.waitFor()
    expect(await multiple.locator(`[data-test=chosen-${questions.multiple}-A]`).textContent()).toBe('3')
    expect(await multiple.locator(`[data-test=flag-${questions.multiple}-C]`).textContent()).toContain('无人选择')
    expect(await multiple.textContent()).toContain('未作答 1 人次')
    await page.close()
  })

  it('is not offered to a cadre, and its address sends a cadre home', async () => {
    const page = await bed.browser.newPage()
    await loginInBrowser(page, bed.server.url, 'cadre')
    expect(await page.locator('[data-test=nav-stats]').count()).toBe(0)
    await page.goto(`${bed.server.url}/stats`)
    await page.waitForURL(url => !url.pathname.startsWith('/stats'))
    expect(await page.locator('[data-test=units-table]').count()).toBe(0)
    await page.close()
  })
})
