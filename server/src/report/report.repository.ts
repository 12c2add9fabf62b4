import type { SessionUser } from '../context'
import type { Database } from '../db/database'
import type { Organization } from '../org/org.type'
import type { ScoredAttempt } from './itemStatistics'
import type { QuestionStatistics, QuizStatistics, ScoreBand, UnitStudyStats } from './report.type'
import { Role } from '../auth/access'
import { notFound } from '../common/errors'
import { passes } from '../study/scoring'
import { ORG_PROJECTION } from '../study/study.repository'
import { analyseItems, analyseOptions, unansweredCount } from './itemStatistics'

/**
 * 学习统计: results of a quiz question by question, and each organisation's study in a year. A trainer
 * sees the people of the organisations they train (their session's organisations); an admin everyone.
 * One round trip each.
 */

/** Who the viewer's statistics cover: everyone (admins) or the members of these organisations. */
function scopeOf(user: SessionUser): { all: boolean, orgIds: string[] } {
  return { all: user.roles.includes(Role.ADMIN), orgIds: user.organizationIds }
}

/** The person `p` is someone the viewer's statistics cover. */
const IN_SCOPE = '($all OR EXISTS { (p)-[:MEMBER_OF]->(m:Organization) WHERE m.id IN $orgIds })'

function round1(n: number): number {
  return Math.round(n * 10) / 10
}

function round3(n: number): number {
  return Math.round(n * 1000) / 1000
}

/** Mean score (% of maximum) and pass rate of attempts; nulls without any. */
function results(attempts: readonly { score: number, maxScore: number, passScore: number }[]): { averageScore: number | null, passRate: number | null } {
  if (attempts.length === 0)
    return { averageScore: null, passRate: null }
  const percents = attempts.map(a => (a.maxScore > 0 ? (a.score / a.maxScore) * 100 : 0))
  return {
    averageScore: round1(percents.reduce((n, p) => n + p, 0) / percents.length),
    passRate: round3(attempts.filter(a => passes(a.score, a.maxScore, a.passScore)).length / attempts.length),
  }
}

/** Ten bands of 10 % of the maximum score; a full score falls in the last. */
function distribution(attempts: readonly { score: number, maxScore: number }[]): ScoreBand[] {
  const bands = Array.from({ length: 10 }, (_, k) => ({ from: k * 10, to: k * 10 + 10, count: 0 }))
  for (const a of attempts) {
    const percent = a.maxScore > 0 ? (a.score / a.maxScore) * 100 : 0
    bands[Math.min(9, Math.max(0, Math.floor(percent / 10)))]!.count++
  }
  return bands
}

/** A quiz's results and item analysis over the submitted attempts in the viewer's scope. */
export async function quizStatistics(db: Database, user: SessionUser, quizId: string): Promise<QuizStatistics> {
  const [row] = await db.read<{
    quiz: { id: string, title: string, passScore: number }
    attempts: ScoredAttempt[]
    questions: { id: string, type: QuestionStatistics['type'], stem: string, options: string[], answer: string[], order: number | null, articles: string[] }[]
  }>(
    `MATCH (z:Quiz {id: $quizId})
     RETURN z {.id, .title, .passScore} AS quiz,
       COLLECT {
         MATCH (p:Person)-[:MADE]->(t:Attempt {status: 'SUBMITTED'})-[:OF]->(z)
         WHERE ${IN_SCOPE}
         RETURN {attemptId: t.id, score: coalesce(t.score, 0), maxScore: t.maxScore,
           items: [(t)-[i:ITEM]->(q:Question) | {questionId: q.id, earned: coalesce([(t)-[an:ANSWERED]->(q) | an.earned][0], 0), points: i.points,
             given: [(t)-[an:ANSWERED]->(q) | an.given][0], optionOrder: coalesce(i.optionOrder, [])}]} AS a
       } AS attempts,
       COLLECT {
         MATCH (p:Person)-[:MADE]->(t:Attempt {status: 'SUBMITTED'})-[:OF]->(z)
         WHERE ${IN_SCOPE}
         MATCH (t)-[:ITEM]->(q:Question)
         WITH DISTINCT q
         RETURN {id: q.id, type: q.type, stem: q.stem, options: coalesce(q.options, []), answer: coalesce(q.answer, []),
           order: [(z)-[inc:INCLUDES]->(q) | inc.order][0],
           articles: COLLECT {
             MATCH (q)-[ts:TESTS]->(a:Article)
             OPTIONAL MATCH (law:Law {id: a.lawId})
             RETURN coalesce(law.shortTitle, law.title, a.lawId) + ' ' + a.number AS label ORDER BY ts.order, a.lawId, a.ordinal
           }} AS q
       } AS questions`,
    { quizId, ...scopeOf(user) },
  )
  if (!row)
    throw notFound('试卷 (quiz)', quizId)
  const info = new Map(row.questions.map(q => [q.id, q]))
  const questions = analyseItems(row.attempts).flatMap((item) => {
    const question = info.get(item.questionId)
    return question
      ? [{
          ...item,
          type: question.type,
          stem: question.stem,
          order: question.order,
          articles: question.articles,
          unanswered: unansweredCount(row.attempts, item.questionId),
          options: analyseOptions(row.attempts, question),
        }]
      : []
  })
  questions.sort((a, b) => (a.order ?? Number.MAX_SAFE_INTEGER) - (b.order ?? Number.MAX_SAFE_INTEGER) || b.attempts - a.attempts || a.questionId.localeCompare(b.questionId))
  return {
    quizId: row.quiz.id,
    title: row.quiz.title,
    submitted: row.attempts.length,
    ...results(row.attempts.map(a => ({ ...a, passScore: row.quiz.passScore }))),
    distribution: distribution(row.attempts),
    questions,
  }
}

/**
 * Each organisation in the viewer's scope in a year (Asia/Shanghai calendar): members meeting the
 * pre-meeting requirement (an organisation's `requiredPreMeetingSessions`, default 2), sessions held and
 * their attendance, and its members' quiz results. Those furthest behind the requirement first.
 */
export async function unitStudyStats(db: Database, user: SessionUser, year: number): Promise<UnitStudyStats[]> {
  // Aggregated in the database: a district has hundreds of thousands of attempts a year. A pass is a
  // percentage of at least the quiz's passScore, as scoring.ts `passes` decides.
  const rows = await db.read<{
    organization: Organization
    required: number
    members: number
    meeting: number
    held: number
    invited: number
    attended: number
    attempts: number
    averagePercent: number | null
    passed: number
  }>(
    `MATCH (o:Organization) WHERE $all OR o.id IN $orgIds
     WITH o, coalesce(o.requiredPreMeetingSessions, 2) AS required
     CALL (o, required) {
       OPTIONAL MATCH (p:Person)-[:MEMBER_OF]->(o)
       WITH p, COUNT { (p)-[:ATTENDED]->(s:StudySession {kind: 'PRE_MEETING'}) WHERE s.startsAt >= datetime($from) AND s.startsAt < datetime($to) } AS n
       RETURN count(p) AS members, count(CASE WHEN p IS NOT NULL AND n >= required THEN 1 END) AS meeting
     }
     CALL (o) {
       OPTIONAL MATCH (p:Person)-[:MEMBER_OF]->(o)
       OPTIONAL MATCH (p)-[:MADE]->(t:Attempt {status: 'SUBMITTED'})-[:OF]->(z:Quiz)
       WHERE t.submittedAt >= datetime($from) AND t.submittedAt < datetime($to)
       WITH t, z, CASE WHEN t.maxScore > 0 THEN 100.0 * coalesce(t.score, 0) / t.maxScore ELSE 0.0 END AS percent
       RETURN count(t) AS attempts, avg(CASE WHEN t IS NULL THEN null ELSE percent END) AS averagePercent,
         count(CASE WHEN t IS NOT NULL AND t.maxScore > 0 AND percent >= z.passScore - 1e-9 THEN 1 END) AS passed
     }
     RETURN ${ORG_PROJECTION} AS organization, required, members, meeting, attempts, averagePercent, passed,
       COUNT { (o)-[:HOLDS]->(s:StudySession) WHERE s.startsAt >= datetime($from) AND s.startsAt < datetime($to) } AS held,
       COUNT { (o)-[:HOLDS]->(s:StudySession)<-[:INVITED_TO]-(:Person) WHERE s.startsAt >= datetime($from) AND s.startsAt < datetime($to) } AS invited,
       COUNT { (o)-[:HOLDS]->(s:StudySession)<-[:ATTENDED]-(:Person) WHERE s.startsAt >= datetime($from) AND s.startsAt < datetime($to) } AS attended`,
    { ...scopeOf(user), from: `${year}-01-01T00:00:00+08:00`, to: `${year + 1}-01-01T00:00:00+08:00` },
  )
  const stats: UnitStudyStats[] = rows.map(row => ({
    organization: row.organization,
    members: row.members,
    requiredPreMeetingSessions: row.required,
    membersMeetingRequirement: row.meeting,
    sessionsHeld: row.held,
    attendanceRate: row.invited > 0 ? round3(row.attended / row.invited) : null,
    quizAttempts: row.attempts,
    averageScore: row.attempts > 0 && row.averagePercent !== null ? round1(row.averagePercent) : null,
    passRate: row.attempts > 0 ? round3(row.passed / row.attempts) : null,
  }))
  const share = (s: UnitStudyStats) => (s.members > 0 ? s.membersMeetingRequirement / s.members : Number.POSITIVE_INFINITY)
  return stats.sort((a, b) => share(a) - share(b) || a.organization.name.localeCompare(b.organization.name, 'zh-CN'))
}
