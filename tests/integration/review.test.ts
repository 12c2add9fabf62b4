import type { Database } from '../../server/src/db/database'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startAttempt, submitAttempt } from '../../server/src/attempt/attempt.repository'
import { followUpSettled } from '../../server/src/attempt/followUp'
import { listDueReviews, reviewCard } from '../../server/src/review/review.repository'
import { studyProgress } from '../../server/src/study/progress.repository'
import { connectTestDatabase, uniqueId } from '../helpers'
import { makeCadre, makeQuestions, makeQuiz } from './studyFixtures'

let db: Database
let questions: Awaited<ReturnType<typeof makeQuestions>>

beforeAll(async () => {
  db = await connectTestDatabase()
  questions = await makeQuestions(db)
})
afterAll(async () => {
  await db.close()
})

async function errorOf(promise: Promise<unknown>): Promise<{ message: string, code?: string }> {
  try {
    await promise
  }
  catch (error) {
    const e = error as { message: string, extensions?: { code?: string } }
    return { message: e.message, code: e.extensions?.code }
  }
  throw new Error('expected an error')
}

describe('review and progress', () => {
  it('turns wrong answers into due cards, reschedules them on review, and rolls them up into progress', async () => {
    const { user } = await makeCadre(db)
    const quizId = await makeQuiz(db, questions.ids)
    const attempt = await startAttempt(db, user, quizId, new Date())
    await submitAttempt(db, user, attempt.id, uniqueId('sub'), new Date())
    await followUpSettled(db)
    const due = await listDueReviews(db, user.personId!, 20, new Date(Date.now() + 1000))
    expect(due).toHaveLength(4)
    expect(JSON.stringify(due)).not.toContain(`解析${questions.token}`)
    const card = due.find(c => c.questionId === questions.trueFalse)!
    expect(card.id).toBe(`${user.personId}:${questions.trueFalse}`)
    const result = await reviewCard(db, user, card.id, 'GOOD', ['FALSE'], new Date(Date.now() + 2000))
    expect(result.correct).toBe(true)
    expect(result.answer).toEqual(['FALSE'])
    expect(result.explanation).toContain(questions.token)
    expect(Date.parse(result.card.due)).toBeGreaterThan(Date.now())
    const after = await listDueReviews(db, user.personId!, 20, new Date(Date.now() + 3000))
    expect(after.map(c => c.questionId)).not.toContain(questions.trueFalse)
    const other = await makeCadre(db)
    expect((await errorOf(reviewCard(db, other.user, card.id, 'GOOD', null, new Date()))).code).toBe('FORBIDDEN')

    const progress = await studyProgress(db, user.personId!, new Date().getUTCFullYear(), new Date())
    expect(progress.quizAttempts).toBe(1)
    expect(progress.averageScore).toBe(0)
    expect(progress.passRate).toBe(0)
    expect(progress.requiredSessions).toBe(2)
    expect(progress.monthly).toHaveLength(12)
    expect(progress.masteryByArticle[0]!.cards).toBe(4)
  })
})
