import type { SessionUser } from '../../server/src/context'
import type { Database } from '../../server/src/db/database'
import type { QuizValues } from '../../server/src/quiz/quiz.repository'
import type { FourQuestions } from '../fixtures/quizFixture'
import { Role } from '../../server/src/auth/access'
import { hashPassword } from '../../server/src/auth/password'
import { createUser, findLoginRecord } from '../../server/src/auth/user.repository'
import { scheduleSession } from '../../server/src/study/study.repository'
import { makeFixedQuiz, makeFourQuestions, rightAnswerOf } from '../fixtures/quizFixture'
import { uniqueId } from '../helpers'

/** Test data for the study feature: cadres, questions with unmistakable answers, quizzes and sessions. */

export const TEST_PASSWORD = 'study-test-pass-1'
export const TRAINER_ACTOR: SessionUser = { id: 'user-study-test', username: 'study-tester', personId: null, roles: [Role.TRAINER, Role.ADMIN], organizationIds: [] }

let hash: string | null = null

/** A new cadre account with a person in `organizationId` (password TEST_PASSWORD). */
export async function makeCadre(db: Database, organizationId = 'org-waigang-economy', prefix = 'sc'): Promise<{ user: SessionUser, username: string }> {
  hash ??= await hashPassword(TEST_PASSWORD)
  const username = uniqueId(prefix).replace(/[^\w.-]/g, '').slice(-32)
  await createUser(db, null, { username, passwordHash: hash, name: `测试干部${username.slice(-6)}`, roles: [Role.CADRE], category: 'GENERAL', organizationId })
  const record = await findLoginRecord(db, username)
  return { user: record!.user, username }
}

/** Id of a current article of 重大行政决策程序暂行条例. */
export async function mdpArticleId(db: Database, number = '第二条'): Promise<string> {
  const [row] = await db.read<{ id: string }>(
    `MATCH (:Law {id: 'major-decision-procedure'})-[:HAS_VERSION]->(:LawVersion {current: true})-[:CONTAINS]->(a:Article {number: $number}) RETURN a.id AS id`,
    { number },
  )
  return row!.id
}

/** Four published questions, one of each type, whose explanations and blank answers carry a unique token. */
export async function makeQuestions(db: Database): Promise<FourQuestions> {
  return makeFourQuestions(db, TRAINER_ACTOR, { articleIds: [await mdpArticleId(db)] })
}

/** A published FIXED practice quiz of these questions, 10 points each, 10 minutes. */
export async function makeQuiz(db: Database, questionIds: string[], overrides: Partial<QuizValues> = {}): Promise<string> {
  return makeFixedQuiz(db, TRAINER_ACTOR, questionIds, { title: `测试试卷 ${uniqueId('quiz').slice(-8)}`, timeLimitSec: 600, ...overrides })
}

/** A 会前学法 session of org-waigang starting `startsInMinutes` from now, inviting these people. */
export async function makeSession(db: Database, attendeeIds: string[], options: { quizId?: string | null, startsInMinutes?: number, articleIds?: string[] } = {}): Promise<string> {
  const session = await scheduleSession(db, TRAINER_ACTOR, {
    kind: 'PRE_MEETING',
    title: `测试会前学法 ${uniqueId('s').slice(-6)}`,
    meeting: '测试会议',
    startsAt: new Date(Date.now() + (options.startsInMinutes ?? 10) * 60_000).toISOString(),
    minutes: 30,
    organizationId: 'org-waigang',
    attendeeIds,
    articleIds: options.articleIds ?? [await mdpArticleId(db, '第一条')],
    quizId: options.quizId ?? null,
  })
  return session.id
}

/** The right answer to each question of an attempt, in the letters as shown. */
export async function rightAnswers(db: Database, attemptId: string): Promise<Map<string, string[]>> {
  const rows = await db.read<{ questionId: string, type: string, answer: string[], optionOrder: number[] }>(
    `MATCH (:Attempt {id: $attemptId})-[i:ITEM]->(q:Question)
     RETURN q.id AS questionId, q.type AS type, q.answer AS answer, coalesce(i.optionOrder, []) AS optionOrder`,
    { attemptId },
  )
  return new Map(rows.map(r => [r.questionId, rightAnswerOf(r)]))
}

/**
 * A fresh quiz of four new questions, taken by four new cadres of `organizationId`: cadre k answers the
 * first 4 − k questions right and leaves the rest, so the scores are 40, 30, 20 and 10 of 40 (pass 60 %).
 */
export async function makeGradedQuiz(db: Database, organizationId = 'org-waigang-economy'): Promise<{ quizId: string, title: string, questions: FourQuestions }> {
  const { saveAnswer, startAttempt, submitAttempt } = await import('../../server/src/attempt/attempt.repository')
  const questions = await makeQuestions(db)
  const quizId = await makeQuiz(db, questions.ids)
  for (let k = 0; k < 4; k++) {
    const { user } = await makeCadre(db, organizationId)
    const attempt = await startAttempt(db, user, quizId, new Date())
    const right = await rightAnswers(db, attempt.id)
    for (const questionId of questions.ids.slice(0, 4 - k))
      await saveAnswer(db, user, { attemptId: attempt.id, questionId, given: right.get(questionId)! }, new Date())
    await submitAttempt(db, user, attempt.id, `graded-${attempt.id}`, new Date())
  }
  const [quiz] = await db.read<{ title: string }>('MATCH (z:Quiz {id: $quizId}) RETURN z.title AS title', { quizId })
  return { quizId, title: quiz!.title, questions }
}
