import type { SessionUser } from '../../server/src/context'
import type { TestServer } from '../helpers'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Role } from '../../server/src/auth/access'
import { passes } from '../../server/src/quiz/scoring'
import { quizStatistics } from '../../server/src/report/report.repository'
import { gql, login, startTestServer } from '../helpers'
import { makeGradedQuiz } from '../integration/studyFixtures'

let server: TestServer
let questions: Awaited<ReturnType<typeof makeGradedQuiz>>['questions']
let quizId: string
const tokens: Record<string, string> = {}

const QUIZ_STATS = `query($q: ID!) { quizStatistics(quizId: $q) {
  quizId title submitted averageScore passRate distribution { from to count }
  questions { questionId order type stem articles attempts correct facility discrimination } } }`

beforeAll(async () => {
  server = await startTestServer()
  const graded = await makeGradedQuiz(server.db)
  quizId = graded.quizId
  questions = graded.questions
  for (const name of ['trainer', 'cadre', 'admin'])
    tokens[name] = await login(server.url, name)
})
afterAll(async () => {
  await server.stop()
})

describe('学习统计: quiz item analysis', () => {
  it('gives a trainer each question’s facility and discrimination, the results and their distribution', async () => {
    const result = await gql(server.url, QUIZ_STATS, { q: quizId }, tokens.trainer)
    expect(result.errors).toBeUndefined()
    const stats = result.data.quizStatistics
    expect(stats).toMatchObject({ quizId, submitted: 4, averageScore: 62.5, passRate: 0.5 })
    expect(stats.distribution.filter((b: { count: number }) => b.count > 0)).toEqual([
      { from: 20, to: 30, count: 1 },
      { from: 50, to: 60, count: 1 },
      { from: 70, to: 80, count: 1 },
      { from: 90, to: 100, count: 1 },
    ])
    expect(stats.questions.map((q: any) => [q.questionId, q.order, q.attempts, q.correct, q.facility, q.discrimination])).toEqual([
      // Everyone got the first right: it tells nobody apart. The best attempt got the others right, the worst not.
      [questions.single, 1, 4, 4, 1, 0],
      [questions.multiple, 2, 4, 3, 0.75, 1],
      [questions.trueFalse, 3, 4, 2, 0.5, 1],
      [questions.blank, 4, 4, 1, 0.25, 1],
    ])
    expect(stats.questions[0].type).toBe('SINGLE')
    expect(stats.questions[0].stem).toContain(questions.token)
    expect(stats.questions[0].articles[0]).toMatch(/第二条$/)
  })

  it('counts only the people a trainer trains; an admin sees everyone; a cadre is refused', async () => {
    const elsewhere: SessionUser = { id: 'u-report-test', username: 'report-test', personId: null, roles: [Role.TRAINER], organizationIds: ['org-village-a'] }
    const scoped = await quizStatistics(server.db, elsewhere, quizId)
    expect(scoped).toMatchObject({ submitted: 0, averageScore: null, passRate: null, questions: [] })
    const admin = await gql(server.url, QUIZ_STATS, { q: quizId }, tokens.admin)
    expect(admin.data.quizStatistics.submitted).toBe(4)
    const cadre = await gql(server.url, QUIZ_STATS, { q: quizId }, tokens.cadre)
    expect(cadre.errors?.[0]?.extensions?.code).toBe('FORBIDDEN')
    const missing = await gql(server.url, QUIZ_STATS, { q: 'quiz-does-not-exist' }, tokens.trainer)
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND')
  })
})

describe('学习统计: units', () => {
  const UNITS = `query($y: Int) { unitStudyStats(year: $y) { organization { id name } members requiredPreMeetingSessions
    membersMeetingRequirement sessionsHeld attendanceRate quizAttempts averageScore passRate } }`

  it('lists the organisations a trainer trains, furthest behind the 会前学法 requirement first', async () => {
    const result = await gql(server.url, UNITS, {}, tokens.trainer)
    expect(result.errors).toBeUndefined()
    const units = result.data.unitStudyStats as any[]
    // The ones the demo trainer trains, and the one they belong to (党群工作办公室).
    expect(units.map(u => u.organization.id).sort()).toEqual(['org-community-b', 'org-village-a', 'org-waigang', 'org-waigang-economy', 'org-waigang-justice', 'org-waigang-party', 'org-waigang-planning'])
    const economy = units.find(u => u.organization.id === 'org-waigang-economy')
    expect(economy.members).toBeGreaterThanOrEqual(4)
    expect(economy.quizAttempts).toBeGreaterThanOrEqual(4)
    expect(economy.requiredPreMeetingSessions).toBe(2)
    const share = (u: any) => (u.members > 0 ? u.membersMeetingRequirement / u.members : Number.POSITIVE_INFINITY)
    for (let i = 1; i < units.length; i++)
      expect(share(units[i - 1])).toBeLessThanOrEqual(share(units[i]))
    // The sample data holds a year of sessions: some unit held sessions, and attendance is a share.
    expect(units.some(u => u.sessionsHeld > 0 && u.attendanceRate > 0 && u.attendanceRate <= 1)).toBe(true)

    // The figures the database aggregates agree with the members' attempts judged one by one (scoring.ts).
    const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear()
    const attempts = await server.db.read<{ score: number, maxScore: number, passScore: number }>(
      `MATCH (:Organization {id: 'org-waigang-economy'})<-[:MEMBER_OF]-(:Person)-[:MADE]->(t:Attempt {status: 'SUBMITTED'})-[:OF]->(z:Quiz)
       WHERE t.submittedAt >= datetime($from) AND t.submittedAt < datetime($to)
       RETURN t.score AS score, t.maxScore AS maxScore, z.passScore AS passScore`,
      { from: `${year}-01-01T00:00:00+08:00`, to: `${year + 1}-01-01T00:00:00+08:00` },
    )
    expect(economy.quizAttempts).toBe(attempts.length)
    const percents = attempts.map(a => a.score / a.maxScore * 100)
    expect(economy.averageScore).toBeCloseTo(percents.reduce((n, p) => n + p, 0) / percents.length, 1)
    expect(economy.passRate).toBeCloseTo(attempts.filter(a => passes(a.score, a.maxScore, a.passScore)).length / attempts.length, 3)
  })

  it('refuses a cadre and a year out of range', async () => {
    const cadre = await gql(server.url, UNITS, {}, tokens.cadre)
    expect(cadre.errors?.[0]?.extensions?.code).toBe('FORBIDDEN')
    const bad = await gql(server.url, UNITS, { y: 1999 }, tokens.trainer)
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT')
  })
})
