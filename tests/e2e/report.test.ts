import type { Browser } from 'playwright-core'
import type { TestServer } from '../helpers'
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { saveAnswer, startAttempt, submitAttempt } from '../../server/src/study/attempt.repository'
import { startTestServer } from '../helpers'
import { makeCadre, makeQuestions, makeQuiz, rightAnswers } from '../integration/studyFixtures'
import { launchBrowser, loginInBrowser } from './browser'

let server: TestServer
let browser: Browser

beforeAll(async () => {
  server = await startTestServer()
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('学习统计 in the browser', () => {
  it('shows a trainer the units behind the requirement and a quiz’s item analysis', async () => {
    // A quiz of four questions taken by four cadres of 经济发展办公室: cadre k gets the first 4 − k right.
    const questions = await makeQuestions(server.db)
    const quizId = await makeQuiz(server.db, questions.ids)
    const [quiz] = await server.db.read<{ title: string }>('MATCH (z:Quiz {id: $quizId}) RETURN z.title AS title', { quizId })
    const title = quiz!.title
    for (let k = 0; k < 4; k++) {
      const { user } = await makeCadre(server.db, 'org-waigang-economy')
      const attempt = await startAttempt(server.db, user, quizId, new Date())
      const right = await rightAnswers(server.db, attempt.id)
      for (const questionId of questions.ids.slice(0, 4 - k))
        await saveAnswer(server.db, user, { attemptId: attempt.id, questionId, given: right.get(questionId)! }, new Date())
      await submitAttempt(server.db, user, attempt.id, randomUUID(), new Date())
    }

    const page = await browser.newPage()
    await loginInBrowser(page, server.url, 'trainer')
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

    // Item analysis of the quiz: facility and discrimination per question, as computed on the server.
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
    await page.close()
  })

  it('is not offered to a cadre, and its address sends a cadre home', async () => {
    const page = await browser.newPage()
    await loginInBrowser(page, server.url, 'cadre')
    expect(await page.locator('[data-test=nav-stats]').count()).toBe(0)
    await page.goto(`${server.url}/stats`)
    await page.waitForURL(url => !url.pathname.startsWith('/stats'))
    expect(await page.locator('[data-test=units-table]').count()).toBe(0)
    await page.close()
  })
})
