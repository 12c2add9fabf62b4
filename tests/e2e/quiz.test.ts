import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { browserTestbed, loginInBrowser } from './browser'

const bed = browserTestbed()

/** The text box of an Element Plus input, whether data-test landed on the wrapper or the element. */
const field = (page: Page, test: string, tag = 'input') => page.locator(`[data-test=${test}] ${tag}, ${tag}[data-test=${test}]`).first()

/** Picks the visible option with this text in the open Element Plus dropdown. */
async function chooseOption(page: Page, text: string) {
  await page.locator('.el-select-dropdown__item:visible', { hasText: text }).first().click()
}

describe('question bank and quiz builder in the browser', () => {
  it('lets a trainer write a question with the article picker, publish it, build a blueprint quiz with live counts and preview it', async () => {
    const page = await bed.browser.newPage({ viewport: { width: 1400, height: 1000 } })
    await loginInBrowser(page, bed.server.url, 'trainer')
    await page.locator('[data-test=nav-bank]').click()
    await page.locator('[data-test=questions-table]').waitFor()

    // Write a question.
    const marker = `浏览器测试${Date.now().toString(36)}`
    await page.locator('[data-test=new-question]').click()
    const editor = page.locator('[data-test=question-editor]')
    await field(page, 'question-stem', 'textarea').fill(`${marker}：决策草案提交集体讨论前，应当经过哪一项审查？`)
    const options = ['合法性审查', '财务审计', '保密审查', '人事考察']
    for (const [i, text] of options.entries())
      await editor.locator(`[data-test=option-${'ABCD'[i]}] .el-input__inner`).fill(text)
    await editor.locator('[data-test=correct-A]').first().click()
    await field(page, 'question-explanation', 'textarea').fill('决策草案提交讨论前应当经过合法性审查。')

    // The article picker searches as the trainer types and shows the chosen article's text.
    const picker = field(page, 'article-picker')
    await picker.click()
    await picker.pressSequentially('合法性审查', { delay: 30 })
    const option = page.locator('[data-test=article-option]:not(.is-disabled)', { hasText: '重大行政决策程序暂行条例' }).first()
    await option.waitFor()
    await option.click()
    const articleText = editor.locator('[data-test=picked-article-text]').first()
    await articleText.waitFor()
    expect((await articleText.textContent())!.trim().length).toBeGreaterThan(10)
    expect(await editor.locator('[data-test=picked-article]').first().textContent()).toContain('重大行政决策程序暂行条例')

    await editor.locator('[data-test=save-question]').click()
    await editor.waitFor({ state: 'hidden' })

    // Find it, publish it.
    await field(page, 'bank-text').fill(marker)
    const row = page.locator('[data-test=questions-table] .el-table__row', { hasText: marker }).first()
    await row.waitFor()
    expect(await row.locator('[data-test=question-status]').textContent()).toContain('草稿')
    await row.locator('[data-test=publish-question]').click()
    await expect.poll(() => row.locator('[data-test=question-status]').textContent()).toContain('已发布')

    // Build a blueprint quiz and watch the live count.
    await page.locator('[data-test=nav-quizzes]').click()
    await page.locator('[data-test=new-quiz]').click()
    const builder = page.locator('[data-test=quiz-builder]')
    await field(page, 'quiz-title').fill(`${marker} 抽题测验`)
    await builder.locator('[data-test=kind-BLUEPRINT]').first().click()
    await field(page, 'row-target-0').click()
    await chooseOption(page, '重大行政决策程序暂行条例')
    const capacity = builder.locator('[data-test=row-capacity-0]')
    await expect.poll(() => capacity.textContent(), { timeout: 15_000 }).toMatch(/可抽 \d+ 题/)
    const available = Number(/可抽 (\d+) 题/.exec((await capacity.textContent())!)![1])
    expect(available).toBeGreaterThanOrEqual(5)
    // Narrowing the band changes the live count.
    await builder.locator('[data-test=blueprint-rows] .el-input-number').first().locator('input').fill('5')
    await builder.locator('[data-test=blueprint-rows] .el-input-number').first().locator('input').press('Tab')
    await expect.poll(async () => Number(/可抽 (\d+) 题/.exec((await capacity.textContent()) ?? '')?.[1] ?? -1), { timeout: 15_000 }).toBeLessThan(available)
    await builder.locator('[data-test=blueprint-rows] .el-input-number').first().locator('input').fill('1')
    await builder.locator('[data-test=blueprint-rows] .el-input-number').first().locator('input').press('Tab')
    await expect.poll(async () => Number(/可抽 (\d+) 题/.exec((await capacity.textContent()) ?? '')?.[1] ?? -1), { timeout: 15_000 }).toBe(available)

    // Who may take it: by default the trainer's own organisations (the audience select holds them); a
    // quiz for everyone says so explicitly.
    const audience = builder.locator('[data-test=builder-audience]')
    await expect.poll(() => audience.locator('.el-tag').count(), { timeout: 15_000 }).toBeGreaterThan(0)
    expect(await builder.textContent()).toContain('所选单位（含下级单位）的人员可以参加')
    await builder.locator('[data-test=builder-open-to-all]').first().click()
    await audience.waitFor({ state: 'detached' })
    expect(await builder.textContent()).toContain('所有已登录的人员都可以参加本测验')

    await builder.locator('[data-test=save-quiz]').click()
    await builder.waitFor({ state: 'hidden' })

    // Saving opens the preview: a sample draw with answers.
    const preview = page.locator('[data-test=quiz-preview]')
    await expect.poll(() => preview.locator('[data-test=preview-item]').count(), { timeout: 15_000 }).toBe(5)
    expect(await preview.locator('[data-test=preview-answer]').first().textContent()).toMatch(/答案：\S+/)
    expect(await page.locator('[data-test=quizzes-table]').textContent()).toContain(`${marker} 抽题测验`)
    const saved = await page.evaluate(async (title) => {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ quizzes(first: 100) { items { title openToAll } } }' }),
      })
      const body = await response.json() as { data: { quizzes: { items: { title: string, openToAll: boolean }[] } } }
      return body.data.quizzes.items.find(q => q.title === title)
    }, `${marker} 抽题测验`)
    expect(saved?.openToAll).toBe(true)
    await page.close()
  }, 240_000)

  it('keeps the bank away from a cadre', async () => {
    const page = await bed.browser.newPage()
    await loginInBrowser(page, bed.server.url, 'cadre')
    expect(await page.locator('[data-test=nav-bank]').count()).toBe(0)
    expect(await page.locator('[data-test=nav-quizzes]').count()).toBe(0)
    await page.close()
  })
})
