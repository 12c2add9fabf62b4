import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { followUpSettled } from '../../server/src/attempt/followUp'
import { originalToDisplayed } from '../../server/src/quiz/draw'
import { makeCadre, makeSession, TEST_PASSWORD } from '../integration/studyFixtures'
import { browserTestbed, loginInBrowser } from './browser'

const QUIZ = 'quiz-sample-premeeting-mdp'

const bed = browserTestbed()

interface ItemRow { order: number, questionId: string, type: string, answer: string[], explanation: string, optionOrder: number[] }

async function itemsOf(attemptId: string): Promise<ItemRow[]> {
  return bed.server.db.read<ItemRow>(
    `MATCH (:Attempt {id: $attemptId})-[i:ITEM]->(q:Question)
     RETURN i.order AS order, q.id AS questionId, q.type AS type, q.answer AS answer, q.explanation AS explanation, coalesce(i.optionOrder, []) AS optionOrder
     ORDER BY i.order`,
    { attemptId },
  )
}

/** Answers question `item` on the page (the right answer, in the letters as shown) and waits until it is saved. */
async function answer(page: Page, item: ItemRow): Promise<void> {
  await page.locator(`[data-test=nav-q-${item.order}]`).click()
  const card = page.locator(`[data-test=question-${item.order}]`)
  await card.waitFor()
  if (item.type === 'FILL_BLANK') {
    for (const [i, accepted] of item.answer.entries()) {
      await card.locator(`input[data-test=blank-${i + 1}]`).fill(accepted.split('|')[0]!)
    }
    await card.locator('[data-test=stem]').click() // blur saves at once
  }
  else {
    const letters = item.type === 'TRUE_FALSE' ? item.answer : originalToDisplayed(item.optionOrder, item.answer)
    for (const letter of letters)
      await card.locator(`[data-test=option-${letter}]`).click()
  }
  await expect.poll(() => card.locator('[data-test=save-status]').textContent(), { timeout: 15_000 }).toBe('已保存')
}

/** The choices shown as selected for a question, or the blank texts. */
async function shownAnswer(page: Page, item: ItemRow): Promise<string[]> {
  await page.locator(`[data-test=nav-q-${item.order}]`).click()
  const card = page.locator(`[data-test=question-${item.order}]`)
  await card.waitFor()
  if (item.type === 'FILL_BLANK')
    return Promise.all(item.answer.map((_, i) => card.locator(`input[data-test=blank-${i + 1}]`).inputValue()))
  return card.locator('.is-checked[data-test^=option-]').evaluateAll(nodes => nodes.map(n => n.getAttribute('data-test')!.slice('option-'.length)).sort())
}

/** Keys that carry answers inside attempt items; before submission every one must be null. */
function leakedFields(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) {
    value.forEach(v => leakedFields(v, out))
  }
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>
    const item = 'questionId' in record && 'stem' in record
    for (const [key, v] of Object.entries(record)) {
      if ((item && ['answer', 'explanation', 'correct', 'earned', 'articles'].includes(key) && v !== null) || (!item && ['answer', 'explanation'].includes(key) && v !== null))
        out.push(key)
      leakedFields(v, out)
    }
  }
  return out
}

describe('a cadre takes a 会前学法 session in the browser', () => {
  it('checks in, reads, answers (surviving a reload), submits once despite a double click, and sees the explained result; nothing leaks before', async () => {
    const { user, username } = await makeCadre(bed.server.db, 'org-waigang-economy', 'e2e')
    // Articles of the law whose text gives away no blank answer of the quiz (the reading is meant to help, not to hand out answers verbatim).
    const [{ blanks } = { blanks: [] }] = await bed.server.db.read<{ blanks: string[] }>(
      `MATCH (:Quiz {id: $quiz})-[:INCLUDES]->(q:Question {type: 'FILL_BLANK'}) UNWIND q.answer AS a UNWIND split(a, '|') AS alt RETURN collect(alt) AS blanks`,
      { quiz: QUIZ },
    )
    const articles = await bed.server.db.read<{ id: string }>(
      `MATCH (:Law {id: 'major-decision-procedure'})-[:HAS_VERSION]->(:LawVersion {current: true})-[:CONTAINS]->(a:Article)
       WHERE NONE(b IN $blanks WHERE coalesce(a.text, a.summary) CONTAINS b)
       RETURN a.id AS id ORDER BY a.ordinal LIMIT 3`,
      { blanks },
    )
    expect(articles.length).toBeGreaterThan(1)
    const sessionId = await makeSession(bed.server.db, [user.personId!], { quizId: QUIZ, startsInMinutes: 20, articleIds: articles.map(a => a.id) })

    const page = await bed.browser.newPage()
    const bodies: { phase: 'before' | 'after', body: string }[] = []
    let phase: 'before' | 'after' = 'before'
    page.on('response', async (response) => {
      if (!response.url().includes('/graphql'))
        return
      const current = phase
      const body = await response.text().catch(() => '')
      bodies.push({ phase: current, body })
    })
    try {
      await loginInBrowser(page, bed.server.url, username, TEST_PASSWORD)
      await page.goto(`${bed.server.url}/my`)
      await page.locator(`[data-test=upcoming-${sessionId}] [data-test=session-link]`).click()
      await page.waitForURL(`**/sessions/${sessionId}`)
      await page.locator('[data-test=check-in]').click()
      await page.locator('[data-test=checked-in]').waitFor()
      // Read: the first article, then the second; the reading clock runs.
      await page.locator('[data-test=articles] .el-tabs__item').nth(1).click()
      await expect.poll(() => page.locator('[data-test=reading-time]').textContent(), { timeout: 10_000 }).toMatch(/[1-9] 秒/)

      await page.locator('[data-test=start-quiz]').click()
      await page.waitForURL(/\/attempts\//)
      const attemptId = page.url().split('/attempts/')[1]!.split(/[?#]/)[0]!
      await page.locator('[data-test=question-1]').waitFor()
      await page.locator('[data-test=countdown]').waitFor()
      const items = await itemsOf(attemptId)
      expect(items).toHaveLength(10)

      // Half the questions, then a reload: the answers are still there.
      const half = items.slice(0, 5)
      for (const item of half)
        await answer(page, item)
      await page.reload()
      await page.locator('[data-test=question-1]').waitFor()
      for (const item of half) {
        const expected = item.type === 'FILL_BLANK' ? item.answer.map(a => a.split('|')[0]!) : item.type === 'TRUE_FALSE' ? item.answer : originalToDisplayed(item.optionOrder, item.answer)
        expect(await shownAnswer(page, item), `question ${item.order} after reload`).toEqual(expected)
      }
      for (const item of items.slice(5))
        await answer(page, item)

      // Nothing answered or explained reached the browser before submission.
      const before = bodies.filter(b => b.phase === 'before').map(b => b.body)
      expect(before.length).toBeGreaterThan(10)
      for (const raw of before) {
        // What the cadre typed comes back to them (saveAnswer, the saved answers after a reload): that is
        // their own input, not a leak, so `given` is left out before looking for answer texts.
        const body = raw.startsWith('{') ? JSON.stringify(JSON.parse(raw), (key, value) => (key === 'given' ? undefined : value)) : raw
        for (const item of items) {
          expect(body).not.toContain(item.explanation)
          // Blank answers written in Chinese are looked for as text; a short number such as 30 cannot be
          // (it appears in any response), so for those the field check below is what proves nothing leaked.
          if (item.type === 'FILL_BLANK') {
            for (const alt of item.answer.flatMap(a => a.split('|')).filter(a => a.length >= 2 && /\p{Script=Han}/u.test(a)))
              expect(body, `blank answer ${alt}`).not.toContain(alt)
          }
        }
        if (body.startsWith('{'))
          expect(leakedFields(JSON.parse(body))).toEqual([])
      }

      // A double click on submit: one submission.
      phase = 'after'
      await page.locator('[data-test=submit]').dblclick()
      await page.locator('[data-test=score]').waitFor({ timeout: 20_000 })
      expect(await page.locator('[data-test=score]').textContent()).toContain('100 / 100')
      await expect.poll(() => page.locator('[data-test=explanation]').count()).toBe(10)
      expect(await page.locator('[data-test=explanation]').first().textContent()).toContain(items[0]!.explanation.slice(0, 20))

      await followUpSettled(bed.server.db)
      const [counts] = await bed.server.db.read<{ attempts: number, submissions: number, audits: number, status: string }>(
        `MATCH (p:Person {id: $personId})
         RETURN COUNT { (p)-[:MADE]->(:Attempt) } AS attempts,
           COUNT { MATCH (t:Attempt {id: $attemptId}) WHERE t.submissionId IS NOT NULL } AS submissions,
           COUNT { MATCH (e:AuditEvent) WHERE e.operation STARTS WITH 'submitAttempt' AND $attemptId IN e.targetIds } AS audits,
           [(p)-[:MADE]->(t:Attempt {id: $attemptId}) | t.status][0] AS status`,
        { personId: user.personId, attemptId },
      )
      expect(counts).toEqual({ attempts: 1, submissions: 1, audits: 1, status: 'SUBMITTED' })
    }
    finally {
      await page.close()
    }
  }, 180_000)
})
