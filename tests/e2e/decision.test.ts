import { describe, expect, it } from 'vitest'
import { sampleDecisions, seedSampleDecision } from '../../seeds/decision'
import { uniqueId } from '../helpers'
import { browserTestbed, loginInBrowser } from './browser'

const bed = browserTestbed()

describe('decision compliance in the browser', () => {
  it('lets an advisor find the missing legality review, read its article, record it and see the verdict change', async () => {
    // Our own copy of the sample decision that skipped 合法性审查, so other tests keep the original.
    const sample = sampleDecisions().find(s => s.id === 'decision-sample-2022-no-review')!
    const marker = uniqueId('浏览器')
    const title = sample.title.replace('（示例）', `·${marker}（示例）`)
    const id = await seedSampleDecision(bed.server.db, sample, { id: uniqueId('decision-e2e'), title })

    const page = await bed.browser.newPage()
    await loginInBrowser(page, bed.server.url, 'advisor')
    await page.locator('[data-test=nav-decisions]').click()
    await page.waitForURL(/\/decisions$/)
    await page.locator('[data-test=filter-text] input, input[data-test=filter-text]').first().fill(marker)
    await page.locator(`[data-test=decision-link-${id}]`).click()
    await page.waitForURL(new RegExp(`/decisions/${id}$`))

    const verdict = page.locator('.head [data-test=decision-verdict]')
    await expect.poll(() => verdict.getAttribute('data-verdict')).toBe('NON_COMPLIANT')
    expect(await verdict.textContent()).toContain('不合规')
    const missing = page.locator('[data-test=finding-LEGALITY_REVIEW]')
    expect(await missing.getAttribute('data-code')).toBe('REQUIRED_MISSING')
    expect(await missing.textContent()).toContain('第二十五条')

    // The article behind the rule is one click away.
    await page.locator('[data-test=rule-article-LEGALITY_REVIEW]').click()
    const drawer = page.locator('[data-test=article-dialog]')
    await expect.poll(() => drawer.locator('[data-test=article-heading]').textContent()).toContain('第二十五条')
    expect((await drawer.locator('[data-test=article-text]').textContent())!.trim().length).toBeGreaterThan(20)
    await page.keyboard.press('Escape')
    await drawer.waitFor({ state: 'hidden' })

    // Record the review through the form: before the collective decision of 2022-07-14, ≥ 7 working days.
    await page.locator('[data-test=add-record-LEGALITY_REVIEW]').click()
    const form = page.locator('[data-test=record-form]')
    await form.waitFor()
    await form.locator('[data-test=record-form-started-on] input').fill('2022-06-20')
    await form.locator('[data-test=record-form-started-on] input').press('Enter')
    await form.locator('[data-test=record-form-completed-on] input').fill('2022-07-05')
    await form.locator('[data-test=record-form-completed-on] input').press('Enter')
    await form.locator('textarea[data-test=record-form-outcome], [data-test=record-form-outcome] textarea').first().fill('审查意见：合法（浏览器测试）。')
    await form.locator('[data-test=record-form-evidence-0] input').first().fill('合法性审查意见书（浏览器测试）')
    await form.locator('[data-test=record-form-evidence-0] input').nth(1).fill('测审〔2022〕8号')
    // What 第二十五条第二款 and 第二十八条 ask about the review.
    await form.locator('[data-test=record-form-conclusion-LAWFUL]').click()
    await form.locator('[data-test=record-form-legal-opinion-LEGAL_ADVISER]').click()
    await form.locator('[data-test=record-form-submit]').click()
    await form.waitFor({ state: 'hidden' })

    await expect.poll(() => verdict.getAttribute('data-verdict')).toBe('COMPLIANT')
    expect(await page.locator('[data-test=finding-LEGALITY_REVIEW]').getAttribute('data-code')).toBe('DONE')
    expect(await page.locator('[data-test=record-history]').textContent()).toContain('合法性审查意见书（浏览器测试）')
    await page.close()
  })

  it('records a review concluded 不合法 that went to the meeting anyway and sees the verdict (issue 17)', async () => {
    const sample = sampleDecisions().find(s => s.id === 'decision-sample-2022-no-review')!
    const marker = uniqueId('不合法')
    const title = sample.title.replace('（示例）', `·${marker}（示例）`)
    const id = await seedSampleDecision(bed.server.db, sample, { id: uniqueId('decision-e2e'), title })
    const page = await bed.browser.newPage()
    await loginInBrowser(page, bed.server.url, 'advisor')
    await page.goto(`${bed.server.url}/decisions/${id}`)
    await page.locator('[data-test=add-record-LEGALITY_REVIEW]').click()
    const form = page.locator('[data-test=record-form]')
    await form.waitFor()
    await form.locator('[data-test=record-form-submitted-on] input').fill('2022-06-20')
    await form.locator('[data-test=record-form-submitted-on] input').press('Enter')
    await form.locator('[data-test=record-form-completed-on] input').fill('2022-07-05')
    await form.locator('[data-test=record-form-completed-on] input').press('Enter')
    await form.locator('[data-test=record-form-conclusion-UNLAWFUL]').click()
    await form.locator('[data-test=record-form-legal-opinion-PUBLIC_LAWYER]').click()
    await form.locator('[data-test=record-form-evidence-0] input').first().fill('合法性审查意见书（不合法，浏览器测试）')
    await form.locator('[data-test=record-form-submit]').click()
    await form.waitFor({ state: 'hidden' })

    const finding = page.locator('[data-test=finding-LEGALITY_REVIEW]')
    await expect.poll(() => finding.getAttribute('data-code')).toBe('UNLAWFUL_DISCUSSED')
    expect(await finding.textContent()).toContain('第二十五条')
    const verdict = page.locator('.head [data-test=decision-verdict]')
    expect(await verdict.getAttribute('data-verdict')).toBe('NON_COMPLIANT')
    expect(await verdict.textContent()).toContain('不合规')
    await page.close()
  })
})
