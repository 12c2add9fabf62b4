import type { SessionUser } from '../../server/src/context'
import type { Database } from '../../server/src/db/database'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startAttempt, submitAttempt } from '../../server/src/attempt/attempt.repository'
import { Role } from '../../server/src/auth/access'
import { listDueReviews } from '../../server/src/review/review.repository'
import { studyProgress } from '../../server/src/study/progress.repository'
import { checkIn, listMySessions, readSessionFor, recordReading, scheduleSession, sessionAttendance } from '../../server/src/study/study.repository'
import { connectTestDatabase, uniqueId } from '../helpers'
import { makeCadre, makeQuestions, makeQuiz, makeSession, mdpArticleId } from './studyFixtures'

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

describe('study sessions', () => {
  it('lets only trainers of the organisation schedule, and checks everything first', async () => {
    const articleId = await mdpArticleId(db)
    const trainer: SessionUser = { id: 'u-t', username: 't', personId: null, roles: [Role.TRAINER], organizationIds: ['org-village-a'] }
    const input = { kind: 'PRE_MEETING', title: '测试会前学法', startsAt: '2026-03-02T09:00:00+08:00', minutes: 30, organizationId: 'org-waigang-economy', articleIds: [articleId] }
    expect((await errorOf(scheduleSession(db, trainer, input))).code).toBe('FORBIDDEN')
    const mine = { ...trainer, organizationIds: ['org-waigang-economy'] }
    expect((await errorOf(scheduleSession(db, mine, { ...input, articleIds: ['no-such-article'] }))).code).toBe('BAD_USER_INPUT')
    expect((await errorOf(scheduleSession(db, mine, { ...input, startsAt: '2026-03-02 09:00' }))).code).toBe('BAD_USER_INPUT')
    expect((await errorOf(scheduleSession(db, mine, { ...input, quizId: 'no-such-quiz' }))).code).toBe('BAD_USER_INPUT')
    const stranger = await makeCadre(db, 'org-village-a')
    expect((await errorOf(scheduleSession(db, mine, { ...input, attendeeIds: [stranger.user.personId!] }))).code).toBe('BAD_USER_INPUT')
    const session = await scheduleSession(db, mine, input)
    // Default attendees: the organisation's members (the demo cadre is one).
    const [row] = await db.read<{ invited: string[] }>('MATCH (s:StudySession {id: $id}) RETURN COLLECT { MATCH (p:Person)-[:INVITED_TO]->(s) RETURN p.id } AS invited', { id: session.id })
    const cadre = await db.read<{ id: string }>(`MATCH (:User {username: 'cadre'})-[:IS]->(p:Person) RETURN p.id AS id`)
    expect(row!.invited).toContain(cadre[0]!.id)
    expect(session.articles[0]!.id).toBe(articleId)
  })

  it('checks in invited people within the window, once, and records reading time once per clientId', async () => {
    const { user } = await makeCadre(db)
    const outsider = await makeCadre(db)
    const articleId = await mdpArticleId(db, '第一条')
    const quizId = await makeQuiz(db, questions.ids)
    const sessionId = await makeSession(db, [user.personId!], { quizId, articleIds: [articleId] })
    expect((await errorOf(checkIn(db, outsider.user, sessionId, new Date()))).code).toBe('FORBIDDEN')
    expect((await errorOf(readSessionFor(db, sessionId, outsider.user, new Date()))).code).toBe('FORBIDDEN')
    expect((await errorOf(recordReading(db, user, { sessionId, articleId, seconds: 10 }))).code).toBe('BAD_USER_INPUT') // not checked in
    // Too early: more than an hour before the start.
    expect((await errorOf(checkIn(db, user, sessionId, new Date(Date.now() - 2 * 3600_000)))).code).toBe('BAD_USER_INPUT')
    const first = await checkIn(db, user, sessionId, new Date())
    const again = await checkIn(db, user, sessionId, new Date())
    expect(first.my.checkedInAt).toBeTruthy()
    expect(again.my.checkedInAt).toBe(first.my.checkedInAt)
    expect(first.attendedCount).toBe(1)
    expect((await recordReading(db, user, { sessionId, articleId, seconds: 30, clientId: 'r-1' })).readingSeconds).toBe(30)
    expect((await recordReading(db, user, { sessionId, articleId, seconds: 30, clientId: 'r-1' })).added).toBe(false)
    expect((await recordReading(db, user, { sessionId, articleId, seconds: 45, clientId: 'r-2' })).readingSeconds).toBe(75)
    expect((await errorOf(recordReading(db, user, { sessionId, articleId, seconds: 3601 }))).code).toBe('BAD_USER_INPUT')
    expect((await errorOf(recordReading(db, user, { sessionId, articleId: await mdpArticleId(db, '第九条'), seconds: 5 }))).code).toBe('BAD_USER_INPUT')

    const session = await readSessionFor(db, sessionId, user, new Date())
    expect(session.my.readingSeconds).toBe(75)
    expect(session.articles[0]!.textSource).toBe('OFFICIAL')
    expect(session.quiz?.id).toBe(quizId)
    const upcoming = await listMySessions(db, user.personId!, true, 20, new Date())
    expect(upcoming.map(s => s.id)).toContain(sessionId)
    expect((await listMySessions(db, user.personId!, false, 20, new Date())).map(s => s.id)).not.toContain(sessionId)

    const attempt = await startAttempt(db, user, quizId, new Date())
    await submitAttempt(db, user, attempt.id, uniqueId('sub'), new Date())
    const trainer: SessionUser = { id: 'u-t', username: 't', personId: null, roles: [Role.TRAINER], organizationIds: ['org-waigang'] }
    const sheet = await sessionAttendance(db, trainer, sessionId, new Date())
    expect(sheet.invited).toBe(1)
    expect(sheet.attended).toBe(1)
    expect(sheet.rows[0]).toMatchObject({ readingSeconds: 75, attemptStatus: 'SUBMITTED', score: 0, passed: false })
    expect((await errorOf(sessionAttendance(db, { ...trainer, organizationIds: ['org-village-a'] }, sessionId, new Date()))).code).toBe('FORBIDDEN')
  })
})

describe('sample data', () => {
  it('gives the demo cadre an upcoming 会前学法 session with the sample quiz, a year of history and due reviews', async () => {
    const [cadre] = await db.read<{ id: string }>(`MATCH (:User {username: 'cadre'})-[:IS]->(p:Person) RETURN p.id AS id`)
    const upcoming = await listMySessions(db, cadre!.id, true, 20, new Date())
    const premeeting = upcoming.find(s => s.kind === 'PRE_MEETING' && s.quiz?.id === 'quiz-sample-premeeting-mdp')
    expect(premeeting).toBeTruthy()
    expect(premeeting!.articles.every(a => a.lawId === 'major-decision-procedure')).toBe(true)
    expect(premeeting!.articles.length).toBeGreaterThan(0)
    const progress = await studyProgress(db, cadre!.id, 2026, new Date())
    expect(progress.sessionsAttended).toBeGreaterThan(0)
    expect(progress.quizAttempts).toBeGreaterThan(0)
    expect((await listDueReviews(db, cadre!.id, 20, new Date())).length).toBeGreaterThan(0)
  })
})
