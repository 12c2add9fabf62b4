import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { followUpSettled } from '../../server/src/attempt/followUp'
import { originalToDisplayed } from '../../server/src/quiz/draw'
import { makeCadre, makeSession, TEST_PASSWORD } from '../integration/studyFixtures'
import { browserTestbed, loginInBrowser } from './browser'
import { layoutProblems, PHONE, screenshot } from './layout'

const QUIZ = 'quiz-sample-premeeting-mdp'
const bed = browserTestbed()

interface ItemRow { order: number, type: string, answer: string[], optionOrder: number[], options: number }

/** Checks the page as it is now: nothing wider than the phone, nothing cut off, and (when `taps`) big enough to tap. */
async function expectFits(page: Page, name: string, taps = false): Promise<void> {
  await screenshot(page, name)
  expect(await layoutProblems(page, { taps }), name).toEqual([])
}

describe('a cadre on a 390 × 844 phone', () => {
  it('visits every cadre page, takes a real quiz and a review, and nothing overflows, is cut off, or is too small to tap', async () => {
    const { user, username } = await makeCadre(bed.server.db, 'org-waigang-economy', 'phone')
    const articles = await bed.server.db.read<{ id: string }>(
      `MATCH (:Law {id: 'major-decision-procedure'})-[:HAS_VERSION]->(:LawVersion {current: true})-[:CONTAINS]->(a:Article)
       RETURN a.id AS id ORDER BY a.ordinal LIMIT 2`,
    )
    const sessionId = await makeSession(bed.server.db, [user.personId!], { quizId: QUIZ, startsInMinutes: 20, articleIds: articles.map(a => a.id) })
    const context = await bed.browser.newContext({ viewport: PHONE, deviceScaleFactor: 1, isMobile: true, hasTouch: true })
    const page = await context.newPage()
    try {
      await loginInBrowser(page, bed.server.url, username, TEST_PASSWORD)
      await page.waitForURL(/\/my$/)
      await page.locator(`[data-test=upcoming-${sessionId}]`).waitFor()
      await expectFits(page, '01-my')
      expect(await page.locator('[data-test=nav] a').evaluateAll(nodes => nodes.map(n => n.getAttribute('data-test')))).not.toContain('nav-status')

      // 学习会: check in, then the quiz.
      await page.locator(`[data-test=upcoming-${sessionId}] [data-test=session-link]`).click()
      await page.locator('[data-test=check-in]').click()
      await page.locator('[data-test=checked-in]').waitFor()
      await expectFits(page, '02-session')
      await page.locator('[data-test=start-quiz]').click()
      await page.waitForURL(/\/attempts\//)
      const attemptId = page.url().split('/attempts/')[1]!.split(/[?#]/)[0]!
      const items = await bed.server.db.read<ItemRow>(
        `MATCH (:Attempt {id: $attemptId})-[i:ITEM]->(q:Question)
         RETURN i.order AS order, q.type AS type, q.answer AS answer, coalesce(i.optionOrder, []) AS optionOrder, size(q.options) AS options ORDER BY i.order`,
        { attemptId },
      )
      expect(items.length).toBeGreaterThan(3)
      for (const item of items) {
        await page.locator(`[data-test=nav-q-${item.order}]`).click()
        const card = page.locator(`[data-test=question-${item.order}]`)
        await card.waitFor()
        await expectFits(page, `03-question-${item.order}`, true)
        // Every other question answered wrongly, so the review has cards to show.
        const right = item.order % 2 === 1
        if (item.type === 'FILL_BLANK') {
          for (const [i, accepted] of item.answer.entries())
            await card.locator(`input[data-test=blank-${i + 1}]`).fill(right ? accepted.split('|')[0]! : '不知道')
          await card.locator('[data-test=stem]').click()
        }
        else if (item.type === 'TRUE_FALSE') {
          await card.locator(`[data-test=option-${right === (item.answer[0] === 'TRUE') ? 'TRUE' : 'FALSE'}]`).click()
        }
        else {
          const shown = originalToDisplayed(item.optionOrder, item.answer)
          const letters = right ? shown : ['ABCDEFGH'.slice(0, item.options).split('').find(l => !shown.includes(l))!]
          for (const letter of letters)
            await card.locator(`[data-test=option-${letter}]`).click()
        }
        await expect.poll(() => card.locator('[data-test=save-status]').textContent(), { timeout: 15_000 }).toBe('已保存')
      }
      await page.locator('[data-test=submit]').click()
      await page.locator('[data-test=score]').waitFor({ timeout: 20_000 })
      await expectFits(page, '04-result')

      // 复习: answer, check, see the right answer and the explanation, then rate.
      await followUpSettled(bed.server.db)
      await page.locator('[data-test=nav-study-reviews]').click()
      const flashcard = page.locator('[data-test^=card-]')
      await flashcard.waitFor()
      await expectFits(page, '05-review', true)
      await flashcard.locator('[data-test^=review-option-], [data-test^=review-blank-]').first().click()
      await page.locator('[data-test=review-check]').click()
      await page.locator('[data-test=review-answer]').waitFor()
      await expectFits(page, '06-review-checked', true)
      await page.locator('[data-test^=rate-]').first().click()
      await page.locator('[data-test=next-card]').click()

      // 法规库, a law and an article.
      await page.locator('[data-test=nav-laws]').click()
      // Other tests import laws into the shared database: the cadre looks the law up by name, as on a long list.
      await page.locator('input[data-test=law-filter-text]').fill('重大行政决策程序暂行条例')
      await page.locator('[data-test=law-link-major-decision-procedure]').waitFor()
      await expectFits(page, '07-laws')
      await page.locator('[data-test=law-link-major-decision-procedure]').click()
      await page.locator('[data-test=law-title]').waitFor()
      await expectFits(page, '08-law')
      // Article ids hold a slash (`<law>/<number>~<hash>`): the path carries them encoded, as the app's links do.
      await page.goto(`${bed.server.url}/articles/${encodeURIComponent(articles[0]!.id)}`)
      await page.locator('[data-test=article-heading]').waitFor()
      await expectFits(page, '09-article')
      await page.locator('[data-test=nav-decisions]').click()
      await page.locator('h1').first().waitFor()
      await expectFits(page, '10-decisions')
    }
    finally {
      await context.close()
    }
  }, 240_000)
})
